package dev.dealdesk.policy.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealdesk.RulesCopy;
import dev.dealdesk.decision.PolicyLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy's version names its files exactly, so no file can pass for another policy's. */
class PolicySourceTest {

    @Test
    void aFileNameThatCouldForgeALineOfTheManifest_isRefused(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        String shippedVersion = PolicySource.read(rules.directory()).version().version();
        // A name holding a line break and a manifest line of its own.
        Files.writeString(dir.resolve("x\n" + "0".repeat(64) + "  thresholds.drl"), "package dealdesk.policy;\n");
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicySource.read(rules.directory()));
        assertEquals("x?" + "0".repeat(64) + "  thresholds.drl: error: a rules file name may not hold a backslash,"
                + " a line break or another control character", e.getMessage());
        Files.delete(dir.resolve("x\n" + "0".repeat(64) + "  thresholds.drl"));
        assertEquals(shippedVersion, PolicySource.read(rules.directory()).version().version());
    }
}
