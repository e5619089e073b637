package dev.dealdesk.bench;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.facts.Deal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code ./dealdesk bench}: runs the JMH suite and the process-level measurements (first decision
 * after JVM start, a RevOps edit going live, CLI batch end to end, service memory), and prints one
 * table: each figure, the hand-coded baseline where there is one, the ratio, and the target. Every
 * figure is measured in this run on this machine.
 */
public final class BenchMain {

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new BenchMain().run();
    }

    private void run() throws Exception {
        double engine1 = throughput("EvaluationBenchmark.engine$", 1);
        double twin1 = throughput("EvaluationBenchmark.twin$", 1);
        double engine2 = throughput("EvaluationBenchmark.engine$", 2);
        Statistics latency = sample("EvaluationBenchmark.engine$");
        Statistics compile = sample("CompileBenchmark.compile$");
        double cli = throughput("CliBatchBenchmark.batch$", 1);
        double audited1 = throughput("AuditBenchmark.auditedEvaluate$", 1);
        double audited2 = throughput("AuditBenchmark.auditedEvaluate$", 2);
        double verify = throughput("AuditBenchmark.verify$", 1);
        double replay = throughput("AuditBenchmark.replay$", 1);

        row("engine, 1 thread (decisions/s)", num(engine1), num(twin1), ratio(twin1, engine1), ">= 150,000 and within 5x");
        row("engine, 2 threads (decisions/s)", num(engine2), "", "", "");
        row("evaluation latency p50 / p99 (us)", us(latency.getPercentile(50)) + " / " + us(latency.getPercentile(99)),
                "", "", "p99 <= 25");
        row("policy compile, warm (ms)", ms(compile.getPercentile(50)), "", "", "");
        row("CLI batch in process, 20k deals (deals/s)", num(cli), "", "", "");
        row("audited decisions, 1 / 2 threads (/s)", num(audited1) + " / " + num(audited2), "", "", "");
        row("verify / replay (records/s)", num(verify) + " / " + num(replay), "", "", "");
        row("first decision after JVM start (s)", secs(firstDecision()), "", "", "<= 1.0");
        row("RevOps edit live, watched engine (s)", secs(editLive()), "", "", "<= 1.0");
        row("CLI end to end, 100k deals from a file on stdin (deals/s)", num(cliEndToEnd(100_000, false)), "", "", ">= 50,000");
        row("CLI end to end, 100k deals through a pipe (deals/s)", num(cliEndToEnd(100_000, true)), "", "", ">= 50,000");
        row("CLI end to end, 500k deals through a pipe (deals/s)", num(cliEndToEnd(500_000, true)), "", "", ">= 50,000");
        row("service RSS after 5 s of load (MB)", num(serviceRss()), "", "", "<= 200");
        print();
    }

    private static Collection<RunResult> jmh(String pattern, int threads, org.openjdk.jmh.annotations.Mode mode)
            throws Exception {
        Options options = new OptionsBuilder()
                .include(pattern)
                .mode(mode)
                .timeUnit(mode == org.openjdk.jmh.annotations.Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
                .threads(threads)
                .forks(1)
                // The collector the launcher runs batches with; G1's barriers add about half to p99 here.
                .jvmArgsAppend("-XX:+UseParallelGC")
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true)
                .build();
        return new Runner(options).run();
    }

    private static double throughput(String pattern, int threads) throws Exception {
        return jmh(pattern, threads, org.openjdk.jmh.annotations.Mode.Throughput).iterator().next()
                .getPrimaryResult().getScore();
    }

    private static Statistics sample(String pattern) throws Exception {
        return jmh(pattern, 1, org.openjdk.jmh.annotations.Mode.SampleTime).iterator().next()
                .getPrimaryResult().getStatistics();
    }

    /** Wall time of a fresh {@code ./dealdesk evaluate} deciding one example, best of three. */
    private static double firstDecision() throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("./dealdesk", "evaluate", "policy-examples/clean-renewal.json")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** From writing a threshold edit to the watched engine reporting it live, median of five. */
    private static double editLive() throws Exception {
        Path rules = Files.createTempDirectory("dealdesk-bench-rules");
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        LinkedBlockingQueue<ReloadAttempt> attempts = new LinkedBlockingQueue<>();
        List<Double> times = new ArrayList<>();
        try (DealDesk engine = DealDesk.builder().rules(rules).watch(true).debounce(Duration.ofMillis(100))
                .onReload(attempts::add).build()) {
            Path thresholds = rules.resolve("thresholds.drl");
            for (int i = 0; i < 5; i++) {
                String text = Files.readString(thresholds);
                String edited = text.replaceFirst("valueProofMaxWindowDays\\(\\) \\{ return \\d+; }",
                        "valueProofMaxWindowDays() { return " + (91 + i) + "; }");
                long start = System.nanoTime();
                Files.writeString(thresholds, edited);
                ReloadAttempt attempt = attempts.poll(30, TimeUnit.SECONDS);
                times.add((System.nanoTime() - start) / 1e9);
                if (attempt == null || !attempt.succeeded()) {
                    throw new IllegalStateException("edit did not go live: " + attempt);
                }
            }
        }
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(rules);
        times.sort(null);
        return times.get(times.size() / 2);
    }

    /**
     * Deals per second through {@code ./dealdesk evaluate -}, the input written into a pipe by this
     * process (as {@code cat deals.jsonl |} does) when {@code piped}, else a file on standard input;
     * start-up subtracted with the first 1,000 deals as a batch of their own; each batch timed twice,
     * the faster run kept.
     */
    private static double cliEndToEnd(int count, boolean piped) throws Exception {
        Path big = Files.createTempFile("dealdesk-bench", ".jsonl");
        Path small = Files.createTempFile("dealdesk-bench", ".jsonl");
        StringBuilder lines = new StringBuilder();
        List<Deal> deals = DealGenerator.generate(5, count);
        for (Deal deal : deals) {
            lines.append(DealJson.toJson(deal)).append('\n');
        }
        Files.writeString(big, lines);
        Files.writeString(small, lines.substring(0, ordinalIndex(lines, '\n', 1000) + 1));
        // Best of two: the first run after writing the input was seen up to a third slower, whatever
        // the machine does with the memory the generator just let go.
        double smallTime = Math.min(timeBatch(small, piped), timeBatch(small, piped));
        double bigTime = Math.min(timeBatch(big, piped), timeBatch(big, piped));
        Files.delete(big);
        Files.delete(small);
        return (deals.size() - 1000) / (bigTime - smallTime);
    }

    private static int ordinalIndex(CharSequence text, char c, int n) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c && ++seen == n) {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static double timeBatch(Path input, boolean piped) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("./dealdesk", "evaluate", "-")
                .redirectInput(piped ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(input.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (piped) {
            try (OutputStream pipe = process.getOutputStream()) {
                Files.copy(input, pipe);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("evaluate failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Resident memory of {@code ./dealdesk serve} after five seconds of loopback load, in MB. */
    private static double serviceRss() throws Exception {
        Process server = new ProcessBuilder("./dealdesk", "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String banner = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            String port = banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1");
            Process load = new ProcessBuilder("java", "-jar", "target/dealdesk.jar", "load", "--port", port, "--threads", "2",
                    "--seconds", "5").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            load.waitFor();
            for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void row(String figure, String value, String baseline, String ratio, String target) {
        rows.add(new String[] {figure, value, baseline, ratio, target});
    }

    private void print() {
        System.out.println();
        System.out.println("| figure | measured | hand-coded twin | twin / engine | target |");
        System.out.println("|---|---|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double baseline, double measured) {
        return String.format(Locale.ROOT, "%.1fx", baseline / measured);
    }

    private static String us(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ms(double microseconds) {
        return String.format(Locale.ROOT, "%.0f", microseconds / 1000);
    }

    private static String secs(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
