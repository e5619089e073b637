package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
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
 * after JVM start, a RevOps edit going live, a CLI batch end to end, service memory), and prints one
 * table: each figure, the hand-coded baseline where there is one, the ratio, and the floor. Every
 * figure is measured in this run on this machine. The twin is timed, and compared with the engine,
 * only if it first decides the benchmark's deals and every policy example exactly as the engine does.
 */
public final class BenchMain {

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        BenchMain bench = new BenchMain();
        if (args.length == 1 && args[0].equals("workbench")) {
            // ./dealdesk bench workbench: the workbench's rows alone.
            bench.workbench();
            bench.print();
        } else {
            bench.run();
        }
    }

    /** The workbench's rows: a page's first view and a draft's what-if, on a log of 100,000 decisions. */
    private void workbench() throws Exception {
        WorkbenchBench.Figures workbench = WorkbenchBench.measure(100_000);
        row("workbench first view (ms), 100k-decision log: just started / median", ms1(workbench.coldFirstViewMs()) + " / "
                + ms1(workbench.firstViewMs()), "", "", floor(workbench.firstViewMs() < 1_000, "< 1,000"));
        row("workbench draft over 100k logged decisions (s): median answer / what-if part", secs(workbench.draftSeconds()) + " / "
                + secs(workbench.whatIfSeconds()), "", "", floor(workbench.draftSeconds() <= 5, "<= 5"));
        row("workbench's first draft after the service started and read the log (s): answer / what-if part",
                secs(workbench.firstDraftSeconds()) + " / " + secs(workbench.firstWhatIfSeconds()), "", "", floor(workbench.firstDraftSeconds() <= 5, "<= 5"));
    }

    private void run() throws Exception {
        TwinAgreement agreement;
        try (DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build()) {
            agreement = new TwinAgreement(engine);
            agreement.compare("generated", EvaluationBenchmark.corpus());
            agreement.compareExamples(Path.of("policy-examples"));
        }
        String twinReport = agreement.report(10);
        System.out.println(twinReport);

        double engine1 = throughput("EvaluationBenchmark.engine$", 1);
        double engine2 = throughput("EvaluationBenchmark.engine$", 2);
        Statistics latency = sample("EvaluationBenchmark.engine$");
        Statistics compile = sample("CompileBenchmark.compile$");
        double audited1 = throughput("AuditBenchmark.auditedEvaluate$", 1);
        double audited2 = throughput("AuditBenchmark.auditedEvaluate$", 2);
        double verify = throughput("AuditBenchmark.verify$", 1);
        double replay = throughput("AuditBenchmark.replay$", 1);
        if (agreement.agrees()) {
            double twin1 = throughput("EvaluationBenchmark.twin$", 1);
            row("engine, 1 thread (decisions/s)", num(engine1), num(twin1), ratio(twin1, engine1), floor(engine1 >= 200_000, ">= 200,000"));
        } else {
            row("engine, 1 thread (decisions/s)", num(engine1), "not timed: decides differently", "", floor(engine1 >= 200_000, ">= 200,000"));
        }
        row("engine, 2 threads (decisions/s)", num(engine2), "", "", "");
        row("engine with path to approval, 1 thread (decisions/s)", num(throughput("EvaluationBenchmark.engineWithPath$", 1)), "", "", "");
        row("evaluation latency p50 / p99 (us)", us(latency.getPercentile(50)) + " / " + us(latency.getPercentile(99)), "", "", "");
        row("policy compile, warm (ms)", ms(compile.getPercentile(50)), "", "", "");
        row("audited decisions, 1 / 2 threads (/s)", num(audited1) + " / " + num(audited2), "", "", "");
        row("verify / replay (records/s)", num(verify) + " / " + num(replay), "", "", "");
        double whatIf = WhatIfTiming.seconds(100_000);
        row("what-if over 100,000 logged decisions (s)", secs(whatIf), "", "", floor(whatIf <= 5.0, "<= 5.0"));
        double first = firstDecision();
        row("first decision after JVM start (s)", secs(first), "", "", floor(first <= 1.0, "<= 1.0"));
        row("RevOps edit live, watched engine (s)", secs(editLive()), "", "", "");
        double cli = cliEndToEnd(100_000);
        row("CLI end to end, 100k deals, start-up included (deals/s)", num(cli), "", "", floor(cli >= 20_000, ">= 20,000"));
        row("service RSS after 5 s of load (MB)", num(serviceRss()), "", "", "");
        workbench();
        print();
        String summary = twinReport.lines().findFirst().orElse("");
        System.out.println(agreement.agrees() ? summary : summary + " (listed above): no twin figures printed.");
    }

    private static Collection<RunResult> jmh(String pattern, int threads, org.openjdk.jmh.annotations.Mode mode)
            throws Exception {
        Options options = new OptionsBuilder()
                .include(pattern)
                .mode(mode)
                .timeUnit(mode == org.openjdk.jmh.annotations.Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
                .threads(threads)
                .forks(1)
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

    /**
     * Wall time of a fresh {@code ./dealdesk evaluate} deciding one example on an unchanged policy
     * (an untimed run first builds the jar if needed and fills the compiled-policy cache), median of five.
     */
    private static double firstDecision() throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("./dealdesk", "evaluate", "policy-examples/seed-5k-smb-eight-cs-hours.json")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("evaluate failed");
            }
            if (i > 0) {
                times.add((System.nanoTime() - start) / 1e9);
            }
        }
        return median(times);
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
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Deals per second through {@code ./dealdesk evaluate -} with {@code count} generated deals in a
     * file on standard input, from launch to exit (JVM start and policy load included), median of three.
     */
    private static double cliEndToEnd(int count) throws Exception {
        Path input = Files.createTempFile("dealdesk-bench", ".jsonl");
        try {
            try (Writer out = Files.newBufferedWriter(input)) {
                for (Deal deal : DealGenerator.generate(5, count)) {
                    out.write(JsonWriter.text(DealJson.toJson(deal)));
                    out.write('\n');
                }
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Process process = new ProcessBuilder("./dealdesk", "evaluate", "-")
                        .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("evaluate failed");
                }
                times.add((System.nanoTime() - start) / 1e9);
            }
            return count / median(times);
        } finally {
            Files.delete(input);
        }
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
        System.out.println("| figure | measured | hand-coded twin | twin / engine | floor |");
        System.out.println("|---|---|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String floor(boolean met, String floor) {
        return met ? floor : floor + " (missed)";
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

    private static String ms1(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String secs(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
