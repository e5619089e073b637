package dev.dealdesk.bench;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;

/** Reading, linting and compiling the shipped rules: what a reload costs in a warm process. */
public class CompileBenchmark {

    @Benchmark
    public CompiledPolicy compile() throws PolicyLoadException {
        return CompiledPolicy.compile(PolicySource.read(Path.of("rules")));
    }
}
