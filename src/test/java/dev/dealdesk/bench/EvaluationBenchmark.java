package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.approval.Ask;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.facts.Deal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deciding deals: the engine on the shipped policy against its hand-coded twin, over a fixed corpus
 * of seeded generated deals. Run for throughput and for sampled latency, on one and on two threads
 * (see {@link BenchMain}, which times the twin only if it decides this corpus as the engine does).
 */
@State(Scope.Benchmark)
public class EvaluationBenchmark {

    private DealDesk engine;
    private List<Deal> corpus;

    /** Each thread walks the corpus on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() throws PolicyLoadException {
        AtomicLong ids = new AtomicLong();
        engine = DealDesk.builder().rules(Path.of("rules")).decisionIds(() -> Long.toString(ids.incrementAndGet())).build();
        corpus = corpus();
    }

    /** The deals both benchmarks walk: seeded, 10,000 of them, firing every finding code of the shipped rules. */
    static List<Deal> corpus() {
        return DealGenerator.generate(42, 10_000);
    }

    @Benchmark
    public Decision engine(Cursor cursor) {
        return engine.evaluate(corpus.get(cursor.next++ % corpus.size()));
    }

    /** The same deals, each with its path to approval: a few extra decisions for every FLAG or REJECT. */
    @Benchmark
    public Decision engineWithPath(Cursor cursor) {
        return engine.evaluate(corpus.get(cursor.next++ % corpus.size()), PATH);
    }

    private static final Ask PATH = new Ask(true, null);

    @Benchmark
    public HandCodedPolicy.Result twin(Cursor cursor) {
        return HandCodedPolicy.decide(corpus.get(cursor.next++ % corpus.size()));
    }
}
