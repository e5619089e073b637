package dev.dealdesk;

import dev.dealdesk.json.StrictJson;
import dev.dealdesk.decision.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.examples.PolicyExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One engine shared by many threads decides exactly as it does on one thread. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    @Test
    void evaluate_fromManyThreads_givesTheSingleThreadDecisions() throws Exception {
        List<Deal> corpus = corpus();
        DealDesk engine = TestEngines.shipped();
        List<List<Finding>> expected = corpus.stream().map(deal -> engine.evaluate(deal).findings()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                workers.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < corpus.size(); i++) {
                        order.add(i);
                    }
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(order, new Random(seed * 1000 + round));
                        for (int i : order) {
                            assertEquals(expected.get(i), engine.evaluate(corpus.get(i)).findings(),
                                    "deal " + corpus.get(i).dealId());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            int checked = 0;
            for (Future<Integer> worker : workers) {
                checked += worker.get();
            }
            assertEquals(THREADS * ROUNDS * corpus.size(), checked);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every golden example's deal: between them they fire every rule of the shipped policy. */
    private static List<Deal> corpus() throws Exception {
        List<Deal> deals = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("policy-examples"))) {
            for (Path file : files.sorted().toList()) {
                deals.add(PolicyExample.read(StrictJson.parse(Files.readString(file))).deal());
            }
        }
        assertTrue(deals.size() > 30, "corpus too small: " + deals.size());
        return deals;
    }
}
