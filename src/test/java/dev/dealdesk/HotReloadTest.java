package dev.dealdesk;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.ReloadAttempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload under load: while several threads evaluate without pause, the rules are edited (a
 * threshold change, a broken edit, a hostile edit, a valid fix). No caller sees an exception, only
 * policies that compile and pass the lint ever decide, every decision's findings are exactly what
 * the version it names decides, and the valid edits go live.
 */
class HotReloadTest {

    private static final String WINDOW_90 = "function int valueProofMaxWindowDays() { return 90; }";
    private static final String WINDOW_100 = "function int valueProofMaxWindowDays() { return 100; }";
    private static final String FLAT_12 = "function int flatFeeMaxTermMonths() { return 12; }";
    private static final String FLAT_24 = "function int flatFeeMaxTermMonths() { return 24; }";
    private static final int EVALUATORS = 4;

    @TempDir
    Path temp;

    record Seen(int deal, Decision decision) {
    }

    @Test
    void reload_underConcurrentLoad_onlyGoodPoliciesDecideAndEachDecisionMatchesItsVersion() throws Exception {
        Path marker = temp.resolve("hostile-rule-ran");
        RulesCopy live = RulesCopy.of(Files.createDirectory(temp.resolve("live")));
        List<Deal> corpus = corpus();

        // The versions the edits will produce, and what each decides, computed beforehand on copies.
        RulesCopy thresholdChanged = RulesCopy.of(Files.createDirectory(temp.resolve("v1")))
                .replace("thresholds.drl", WINDOW_90, WINDOW_100);
        RulesCopy fixed = RulesCopy.of(Files.createDirectory(temp.resolve("v2")))
                .replace("thresholds.drl", WINDOW_90, WINDOW_100).replace("thresholds.drl", FLAT_12, FLAT_24);
        Map<String, List<List<Finding>>> expected = new HashMap<>();
        for (RulesCopy version : List.of(live, thresholdChanged, fixed)) {
            DealDesk reference = TestEngines.fixedEngine(version.directory());
            expected.put(reference.policy().version(), corpus.stream().map(d -> reference.evaluate(d).findings()).toList());
        }
        String v0 = version(live);
        String v1 = version(thresholdChanged);
        String v2 = version(fixed);

        BlockingQueue<ReloadAttempt> attempts = new LinkedBlockingQueue<>();
        try (DealDesk engine = DealDesk.builder().rules(live.directory()).watch(true).debounce(Duration.ofMillis(100))
                .onReload(attempts::add).build()) {
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            // Per evaluator: the version of its latest decision, and each version in the order it first saw them.
            AtomicReferenceArray<String> latest = new AtomicReferenceArray<>(EVALUATORS);
            List<List<String>> versionsInOrder = new ArrayList<>();
            List<Thread> evaluators = new ArrayList<>();
            for (int t = 0; t < EVALUATORS; t++) {
                int offset = t;
                List<String> order = new ArrayList<>();
                versionsInOrder.add(order);
                Thread evaluator = new Thread(() -> {
                    int i = offset;
                    while (running.get()) {
                        int deal = i++ % corpus.size();
                        try {
                            Decision decision = engine.evaluate(corpus.get(deal));
                            String version = decision.policy().version();
                            if (!version.equals(latest.get(offset))) {
                                order.add(version);
                                latest.set(offset, version);
                            }
                            if (seen.size() < 200_000) {
                                seen.add(new Seen(deal, decision));
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                evaluator.start();
                evaluators.add(evaluator);
            }
            // Each edit waits until every evaluator has decided under the live version, so each sees every version.
            try {
                awaitEvery(latest, v0);

                live.replace("thresholds.drl", WINDOW_90, WINDOW_100);
                ReloadAttempt thresholdAttempt = await(attempts, ReloadAttempt::succeeded);
                assertEquals(v1, thresholdAttempt.version());
                assertEquals(v1, engine.policy().version());
                awaitEvery(latest, v1);

                live.replace("thresholds.drl", FLAT_12, "function int flatFeeMaxTermMonths() { return 12 }");
                ReloadAttempt broken = await(attempts, attempt -> !attempt.succeeded());
                assertTrue(broken.problems().stream().anyMatch(p -> p.toString().startsWith("thresholds.drl:" + live.lineOf("thresholds.drl", "flatFeeMaxTermMonths()") + ": error:")),
                        broken.problems().toString());
                assertEquals(v1, engine.policy().version(), "a broken edit never goes live");

                live.write("hostile.drl", """
                        package dealdesk.policy;
                        import dev.dealdesk.facts.Deal;
                        global dev.dealdesk.policy.Findings findings;
                        rule "Hostile"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                        when
                            Deal()
                        then
                            new java.io.File("%s").createNewFile();
                        end
                        """.formatted(marker));
                ReloadAttempt hostile = await(attempts, attempt -> !attempt.succeeded()
                        && attempt.problems().stream().anyMatch(p -> p.file().equals("hostile.drl")));
                assertEquals("hostile.drl:9:9: error: unknown name java: rules may name only facts, bound variables, policy"
                        + " functions and allowed types (no fully qualified names)",
                        hostile.problems().stream().filter(p -> p.file().equals("hostile.drl")).findFirst().orElseThrow().toString());
                assertEquals(v1, engine.status().live().version());
                assertFalse(engine.status().lastReload().succeeded());

                live.delete("hostile.drl").replace("thresholds.drl", "function int flatFeeMaxTermMonths() { return 12 }", FLAT_24);
                ReloadAttempt fix = await(attempts, ReloadAttempt::succeeded);
                assertEquals(v2, fix.version());
                awaitEvery(latest, v2);
            } finally {
                running.set(false); // evaluators stop even when an edit fails its checks
            }
            for (Thread evaluator : evaluators) {
                evaluator.join(10_000);
                assertFalse(evaluator.isAlive(), "an evaluator did not stop");
            }
            assertEquals(List.of(), List.copyOf(failures), "exceptions reached callers");
            assertFalse(Files.exists(marker), "a hostile rule ran");

            for (Seen s : seen) {
                String version = s.decision().policy().version();
                List<List<Finding>> byDeal = expected.get(version);
                assertNotNull(byDeal, "a decision names a version that never went live: " + version);
                assertEquals(byDeal.get(s.deal()), s.decision().findings(), "deal " + s.deal() + " under " + version);
            }
            // Swaps are atomic and never undone: each evaluator went from v0 to v1 to v2 and never back.
            for (List<String> order : versionsInOrder) {
                assertEquals(List.of(v0, v1, v2), order, "versions in the order one evaluator saw them");
            }
            assertEquals(v2, engine.status().live().version());
        }
    }

    private static String version(RulesCopy rules) throws PolicyLoadException {
        return PolicySource.read(rules.directory()).version().version();
    }

    private static ReloadAttempt await(BlockingQueue<ReloadAttempt> attempts, Predicate<ReloadAttempt> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ReloadAttempt attempt = attempts.poll(1, TimeUnit.SECONDS);
            if (attempt != null && wanted.test(attempt)) {
                return attempt;
            }
        }
        throw new AssertionError("no such reload attempt within 30 s");
    }

    /** Waits until the latest decision of every evaluator names {@code version}. */
    private static void awaitEvery(AtomicReferenceArray<String> latest, String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int t = 0; t < latest.length(); t++) {
            while (!version.equals(latest.get(t))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("evaluator " + t + " decided nothing under " + version + " within 30 s; latest: "
                            + latest.get(t));
                }
                Thread.sleep(5);
            }
        }
    }

    /** Deals on both sides of the thresholds the edits move. */
    private static List<Deal> corpus() {
        List<Deal> deals = new ArrayList<>();
        for (int window : new int[] {60, 90, 95, 100, 120}) {
            deals.add(TestDeals.cleanLand().set("/valueProof/windowDays", window).deal());
        }
        for (int term : new int[] {12, 13, 24, 36}) {
            deals.add(TestDeals.cleanLand().set("/contract/pricingModel", "FLAT_FEE").set("/contract/termMonths", term).deal());
        }
        deals.add(TestDeals.cleanLand().remove("/valueProof").deal());
        return deals;
    }
}
