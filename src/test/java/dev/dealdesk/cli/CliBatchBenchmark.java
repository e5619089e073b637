package dev.dealdesk.cli;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.bench.DealGenerator;
import dev.dealdesk.facts.Deal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code dealdesk evaluate -} end to end in process: JSON Lines in, decision lines out (policy compiled per batch). */
@State(Scope.Benchmark)
public class CliBatchBenchmark {

    static final int DEALS = 20_000;

    private byte[] input;

    @Setup
    public void setUp() {
        StringBuilder lines = new StringBuilder();
        for (Deal deal : DealGenerator.generate(7, DEALS)) {
            lines.append(DealJson.toJson(deal)).append('\n');
        }
        input = lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(DEALS)
    public int batch() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return Main.run(new String[] {"evaluate", "--rules", "rules", "-"}, new ByteArrayInputStream(input), discard, discard);
    }
}
