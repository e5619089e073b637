package dev.dealdesk.policy.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestEngines;
import dev.dealdesk.bench.DealGenerator;
import dev.dealdesk.facts.Deal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy loaded from the compiled-policy cache decides exactly as a freshly compiled one. */
class PolicyCacheTest {

    @TempDir
    Path cache;

    private static List<String> decisions(DealDesk engine, List<Deal> deals) {
        return deals.stream().map(deal -> engine.evaluate(deal).findings().toString()).toList();
    }

    private long cachedFiles() throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.toString().endsWith(".kpkg")).count();
        }
    }

    @Test
    void cachedPolicy_decidesAsTheCompiledOne() throws Exception {
        List<Deal> deals = DealGenerator.generate(21, 3000);
        List<String> compiled = decisions(TestEngines.shipped(), deals);
        try (DealDesk first = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).policyCache(cache).build()) {
            assertEquals(compiled, decisions(first, deals));
        }
        assertEquals(1, cachedFiles(), "the first start keeps the compiled policy");
        try (DealDesk second = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).policyCache(cache).build()) {
            assertEquals(compiled, decisions(second, deals));
        }
    }

    @Test
    void unreadableCacheFile_isIgnoredAndThePolicyCompiled() throws Exception {
        try (DealDesk first = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).policyCache(cache).build()) {
            first.policy();
        }
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                Files.writeString(file, "not a compiled policy");
            }
        }
        List<Deal> deals = DealGenerator.generate(22, 500);
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).policyCache(cache).build()) {
            assertEquals(decisions(TestEngines.shipped(), deals), decisions(engine, deals));
        }
    }

    @Test
    void manyVersions_keepOnlyTheNewestCompiledPolicies(@TempDir Path rules) throws Exception {
        RulesCopy copy = RulesCopy.of(rules);
        for (int i = 0; i < PolicyCache.KEEP + 2; i++) {
            copy.write("thresholds.drl", copy.read("thresholds.drl") + "\n// edit " + i + "\n");
            CompiledPolicy.compile(PolicySource.read(copy.directory()), cache);
        }
        assertEquals(PolicyCache.KEEP, cachedFiles());
    }

    @Test
    void hostileRules_areRefusedWhateverTheCacheHolds(@TempDir Path rules) {
        RulesCopy copy = RulesCopy.of(rules).write("hostile.drl", """
                package dealdesk.policy;
                import java.io.File;
                """);
        assertThrows(PolicyLoadException.class, () -> DealDesk.builder().rules(copy.directory()).policyCache(cache).build());
    }
}
