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
            for (Path file : files.filter(file -> file.toString().endsWith(".kpkg")).toList()) {
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

    /** The shipped rules plus a rule that flags every deal: a policy to forge cache entries from. */
    private static RulesCopy flagEverything(Path rules) {
        return RulesCopy.of(rules).write("zz-forged.drl", """
                package dealdesk.policy;
                import dev.dealdesk.facts.Deal;
                global dev.dealdesk.policy.Findings findings;
                rule "Flag everything"
                    @code("forged.flag") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                when
                    Deal()
                then
                    findings.add(kcontext, "forged", "none");
                end
                """);
    }

    /** Copies the one entry {@code from} holds over the entry {@code to} holds: same name, other contents. */
    private static void forge(Path from, Path to) throws Exception {
        Path forged;
        try (Stream<Path> files = Files.list(from)) {
            forged = files.filter(file -> file.toString().endsWith(".kpkg")).findFirst().orElseThrow();
        }
        try (Stream<Path> files = Files.list(to)) {
            for (Path target : files.filter(file -> file.toString().endsWith(".kpkg")).toList()) {
                Files.copy(forged, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void anEntrySealedByTheEngineForOtherFiles_isNotUsed(@TempDir Path rules, @TempDir Path other) throws Exception {
        CompiledPolicy.compile(PolicySource.read(TestEngines.SHIPPED_RULES), cache);
        Path otherEntries = Files.createDirectory(other.resolve("entries"));
        Files.copy(cache.resolve(CacheSeal.KEY_FILE), otherEntries.resolve(CacheSeal.KEY_FILE));
        CompiledPolicy.compile(PolicySource.read(flagEverything(rules).directory()), otherEntries);
        Files.delete(otherEntries.resolve(CacheSeal.KEY_FILE));
        forge(otherEntries, cache);

        CompiledPolicy loaded = CompiledPolicy.compile(PolicySource.read(TestEngines.SHIPPED_RULES), cache);
        Deal deal = DealGenerator.generate(3, 1).get(0);
        assertEquals(TestEngines.shipped().evaluate(deal).findings().toString(),
                loaded.decide(deal, "d", java.time.Instant.EPOCH).findings().toString());
    }

    @Test
    void anEntryNotSealedWithThisCachesKey_isNeverRead(@TempDir Path rules, @TempDir Path other) throws Exception {
        CompiledPolicy.compile(PolicySource.read(TestEngines.SHIPPED_RULES), cache);
        // Another engine (its own key) compiles other rules; its entry is put where the shipped one is.
        RulesCopy forgedRules = flagEverything(rules);
        Files.writeString(forgedRules.directory().resolve("thresholds.drl"),
                Files.readString(TestEngines.SHIPPED_RULES.resolve("thresholds.drl")));
        CompiledPolicy.compile(PolicySource.read(forgedRules.directory()), other);
        forge(other, cache);

        CompiledPolicy loaded = CompiledPolicy.compile(PolicySource.read(TestEngines.SHIPPED_RULES), cache);
        Deal deal = DealGenerator.generate(4, 1).get(0);
        assertEquals(TestEngines.shipped().evaluate(deal).findings().toString(),
                loaded.decide(deal, "d", java.time.Instant.EPOCH).findings().toString());
    }

    @Test
    void aKeyOthersCanRead_sealsNothing() throws Exception {
        byte[] sealed = CacheSeal.seal(cache, "payload".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("payload", new String(CacheSeal.open(cache, sealed), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache.resolve(CacheSeal.KEY_FILE))));
        sealed[3] ^= 1;
        assertEquals(null, CacheSeal.open(cache, sealed));
        Files.setPosixFilePermissions(cache.resolve(CacheSeal.KEY_FILE),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(java.io.IOException.class, () -> CacheSeal.open(cache, sealed));
    }
}
