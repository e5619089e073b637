package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.audit.AuditVerifier;
import dev.dealdesk.audit.Replayer;
import dev.dealdesk.facts.Deal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The audit trail: audited decisions (record forced to storage), and verify and replay of a log. */
@State(Scope.Benchmark)
public class AuditBenchmark {

    static final int LOGGED = 5_000;

    private Path directory;
    private DealDesk audited;
    private List<Deal> corpus;
    private Path log;

    /** Each thread walks the corpus on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, PolicyLoadException {
        directory = Files.createTempDirectory("dealdesk-bench");
        corpus = DealGenerator.generate(11, 10_000);
        audited = DealDesk.builder().rules(Path.of("rules")).audit(directory.resolve("appends.jsonl")).build();
        log = directory.resolve("fixed.jsonl");
        try (DealDesk writer = DealDesk.builder().rules(Path.of("rules")).audit(log).build()) {
            for (int i = 0; i < LOGGED; i++) {
                writer.evaluate(corpus.get(i));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        audited.close();
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public Decision auditedEvaluate(Cursor cursor) {
        return audited.evaluate(corpus.get(cursor.next++ % corpus.size()));
    }

    @Benchmark
    @OperationsPerInvocation(LOGGED)
    public AuditVerifier.Report verify() throws IOException {
        return AuditVerifier.verify(log);
    }

    @Benchmark
    @OperationsPerInvocation(LOGGED)
    public Replayer.Report replay() throws IOException {
        return Replayer.replay(log, record -> true);
    }
}
