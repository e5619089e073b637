package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * What-if over a large audit log, as the workbench runs it for a draft: the log is written by the
 * engine (every record a real decision), the candidate moves one threshold, and the run is timed
 * from reading the log to the report, each run on a draft compiled afresh (new rule classes, as
 * the workbench compiles each draft). Prints the median of three runs in seconds.
 */
public final class WhatIfTiming {

    private WhatIfTiming() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("what-if over %,d logged decisions: %.2f s (median of 3)%n", records, seconds(records));
    }

    /** The median of three timed what-if runs over a fresh log of {@code records} decisions. */
    static double seconds(int records) throws Exception {
        Path work = Files.createTempDirectory("dealdesk-what-if");
        try {
            Path log = work.resolve("log.jsonl");
            List<Deal> deals = DealGenerator.generate(42, records);
            try (DealDesk engine = DealDesk.builder().rules(Path.of("rules")).audit(log).build()) {
                List<CompletableFuture<Decision>> pending = new ArrayList<>();
                for (Deal deal : deals) {
                    pending.add(engine.submit(deal));
                    if (pending.size() == 1_000) {
                        pending.forEach(CompletableFuture::join);
                        pending.clear();
                    }
                }
                pending.forEach(CompletableFuture::join);
            }
            Path candidate = Files.createDirectory(work.resolve("candidate"));
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, candidate.resolve(file.getFileName()));
                }
            }
            Path thresholds = candidate.resolve("thresholds.drl");
            String shipped = Files.readString(thresholds);
            double[] runs = new double[3];
            for (int i = 0; i < runs.length; i++) {
                // Each run is a draft of its own, compiled afresh, as the workbench does: its rules are new classes.
                Files.writeString(thresholds, shipped.replace("valueProofMaxWindowDays() { return 90; }",
                        "valueProofMaxWindowDays() { return " + (120 + i) + "; }"));
                CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(candidate));
                long start = System.nanoTime();
                WhatIf.Report report = WhatIf.run(log, policy);
                runs[i] = (System.nanoTime() - start) / 1e9;
                if (report.decisions() != records || !report.errors().isEmpty()) {
                    throw new IllegalStateException("what-if compared " + report.decisions() + " of " + records + ": " + report.errors());
                }
            }
            Arrays.sort(runs);
            return runs[1];
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }
}
