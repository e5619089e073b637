package dev.dealdesk.bench;

import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.StrictJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reading deal JSON on one thread: the deal of every policy example, as UTF-8 bytes, repeated to
 * 100,000 documents, read with {@link DealJson#read(byte[])} round after round; prints each round's
 * rate by elapsed time and by the thread's CPU time (which other work on a shared machine disturbs
 * less). Run from the project directory, after {@code mvn test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.dealdesk.bench.DealReadLoop [ROUNDS]}
 */
public final class DealReadLoop {

    private static final int DOCUMENTS = 100_000;

    public static void main(String[] args) throws IOException, InvalidDealException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        List<byte[]> deals = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("policy-examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String deal = StrictJson.parse(Files.readAllBytes(file)).asJsonObject().get("deal").toString();
                deals.add(deal.getBytes(StandardCharsets.UTF_8));
            }
        }
        List<byte[]> documents = new ArrayList<>(DOCUMENTS);
        while (documents.size() < DOCUMENTS) {
            documents.add(deals.get(documents.size() % deals.size()));
        }
        System.out.printf(Locale.ROOT, "%d example deals repeated to %,d documents%n", deals.size(), DOCUMENTS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            for (byte[] document : documents) {
                sink += DealJson.read(document).expansionMap().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %.3f s elapsed, %,.0f deals/s; %.3f s on the CPU, %,.0f deals/s%n",
                    round, seconds, DOCUMENTS / seconds, cpu, DOCUMENTS / cpu);
        }
        System.out.println("(expansion targets read: " + sink + ")");
    }

    private DealReadLoop() {
    }
}
