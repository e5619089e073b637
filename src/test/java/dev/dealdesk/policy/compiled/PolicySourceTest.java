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

    @Test
    void aSymbolicLink_isRefusedByName_andNoByteOfItsTargetIsShown(@TempDir Path dir, @TempDir Path outside) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        Path secret = Files.writeString(outside.resolve("secret.txt"), "hunter2 is the password\n");
        Files.createSymbolicLink(dir.resolve("zz.drl"), secret);
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicySource.read(rules.directory()));
        assertEquals("zz.drl: error: is a symbolic link: a rules directory holds regular files and folders only", e.getMessage());
    }

    @Test
    void aLinkedFolder_isRefusedByName(@TempDir Path dir, @TempDir Path outside) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        Files.writeString(outside.resolve("more.drl"), "package dealdesk.policy;\n");
        Files.createSymbolicLink(dir.resolve("more"), outside);
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicySource.read(rules.directory()));
        assertEquals("more: error: is a symbolic link: a rules directory holds regular files and folders only", e.getMessage());
    }

    @Test
    void aFifo_isRefusedByName_withoutBeingOpened(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("pipe.drl").toString()).start().waitFor());
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicySource.read(rules.directory()));
        assertEquals("pipe.drl: error: is not a regular file: a rules directory holds regular files and folders only",
                e.getMessage());
    }

    @Test
    void aFileOverTheSizeLimit_isRefusedWithItsSize(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        Files.write(dir.resolve("huge.drl"), new byte[PolicySource.MAX_FILE_BYTES + 1]);
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicySource.read(rules.directory()));
        assertEquals("huge.drl: error: is 1048577 bytes: a rules file may hold at most 1048576 bytes", e.getMessage());
    }

    @Test
    void hiddenEntries_editorLockLinksIncluded_areLeftAlone(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir);
        String version = PolicySource.read(rules.directory()).version().version();
        Files.createSymbolicLink(dir.resolve(".#thresholds.drl"), Path.of("user@host.1234"));
        assertEquals(version, PolicySource.read(rules.directory()).version().version());
    }
}
