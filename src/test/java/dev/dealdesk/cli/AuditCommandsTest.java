package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --audit}, {@code verify}, {@code replay} and {@code what-if} as real invocations. */
class AuditCommandsTest {

    @TempDir
    Path temp;

    private Path log;

    @BeforeEach
    void auditTheSeedExamples() {
        log = temp.resolve("decisions.jsonl");
        CliRunner.Result run = CliRunner.run("", "evaluate", "--audit", log.toString(),
                "policy-examples/seed-5k-smb-eight-cs-hours.json", "policy-examples/seed-three-year-flat-fee-discount.json",
                "policy-examples/seed-18m-arr-devtools-per-seat.json", "policy-examples/value-proof-window.json");
        assertEquals(0, run.status(), run.err());
        assertEquals(4, run.lines().size());
    }

    /** A member of the record on {@code line} (1-based) of the log. */
    private String member(int line, String name) throws Exception {
        return Json.createReader(new StringReader(Files.readAllLines(log).get(line - 1))).readObject().getString(name);
    }

    @Test
    void verify_untouchedLog_isIntact_andPrintsItsHead() throws Exception {
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(0, run.status(), run.out());
        assertEquals(log + ": intact: 4 records, chain, head and pinned policies verified\n"
                + "head: 4 records, last " + member(4, "hash") + " (keep it elsewhere; check with --expect)\n", run.out());
    }

    @Test
    void verify_lastRecordDeleted_isDeletedAndExits1() throws Exception {
        String last = member(4, "hash");
        Files.writeString(log, String.join("\n", Files.readAllLines(log).subList(0, 3)) + "\n");
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(1, run.status());
        assertEquals(log + ": DELETED at line 4: the log ends after 3 records, but its head says 4 were written, the last "
                + last + ": records were deleted from its end\n", run.out());
    }

    @Test
    void verify_lastRecordDeletedAndTheNewestHeadSlotSpoiled_saysTheHeadWasNotWhole() throws Exception {
        Files.writeString(log, String.join("\n", Files.readAllLines(log).subList(0, 3)) + "\n");
        Path head = Path.of(log + ".head");
        String text = Files.readString(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int newest = text.indexOf("\"records\":4");
        Files.writeString(head, text.substring(0, newest) + "\"records\":7" + text.substring(newest + 11),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertTrue(run.out().contains("note: one slot of the head file " + head + " is not a head (a crash while it was"
                + " written, or an edit): the log was checked against the head before it, and records deleted since then"
                + " are found only with --expect\n"), run.out());
    }

    @Test
    void verify_expect_aKeptHashStillInTheLog_passesCountingTheRecordsAfterIt() throws Exception {
        String kept = member(3, "hash");
        CliRunner.Result run = CliRunner.run("", "verify", "--expect", kept, log.toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().endsWith("expected " + kept + " is record 3 (decision " + member(3, "decisionId")
                + "): 1 record follows it\n"), run.out());
    }

    @Test
    void verify_expect_afterTheWholeLogWasRewrittenWithItsHead_failsNamingTheMissingHash() throws Exception {
        String kept = member(4, "hash");
        // Whoever can rewrite the file can recompute every hash and the head: here, a log of other decisions.
        Path other = Files.createDirectory(temp.resolve("other")).resolve("decisions.jsonl");
        assertEquals(0, CliRunner.run("", "evaluate", "--audit", other.toString(), "policy-examples/clean-renewal.json").status());
        Files.copy(other, log, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(other + ".head"), Path.of(log + ".head"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, CliRunner.run("", "verify", log.toString()).status(), "alone, the rewritten log verifies");

        CliRunner.Result run = CliRunner.run("", "verify", "--expect", kept, log.toString());
        assertEquals(1, run.status());
        assertEquals(log + ": EXPECTED_MISSING: no record has the hash kept elsewhere, " + kept
                + ": records were deleted, or the log was rewritten, since it was kept\n", run.out());
    }

    @Test
    void verify_expect_somethingThatIsNotAHash_isACommandLineError() {
        CliRunner.Result run = CliRunner.run("", "verify", "--expect", "c47af695", log.toString());
        assertEquals(2, run.status());
        assertEquals("dealdesk: --expect takes a record's hash as verify prints it, sha256: and 64 lower-case hex digits,"
                + " not c47af695\n", run.err());
    }

    @Test
    void evaluate_auditPathThatCannotBeWritten_isOneLineOnStderr_exit1_noDecision() throws Exception {
        Path sealed = Files.createFile(temp.resolve("sealed.jsonl"));
        Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("r--r--r--"));
        Path missing = temp.resolve("no-such-directory/x.jsonl");
        for (String[] path : new String[][] {
                {missing.toString(), "cannot be created: no such directory " + missing.getParent()},
                {sealed.toString(), "cannot be written: no write permission"},
                {temp.toString(), "is a directory, not a file"}}) {
            CliRunner.Result run = CliRunner.run("", "evaluate", "--audit", path[0], "policy-examples/clean-renewal.json");
            assertEquals(1, run.status(), run.err());
            assertEquals("dealdesk: audit log " + path[0] + " " + path[1] + "\n", run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void verify_swappedLines_namesTheRecordAndExits1() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        Files.writeString(log, String.join("\n", lines) + "\n");
        String movedId = Json.createReader(new StringReader(lines.get(1))).readObject().getString("decisionId");
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().startsWith(log + ": REORDERED at line 2 (decision " + movedId + "): out of order"), run.out());
    }

    @Test
    void verify_tornTail_exits3() throws Exception {
        // A crash tears a line the writer had not finished, past the records its head names.
        Files.writeString(log, Files.readAllLines(log).get(0).substring(0, 100), StandardOpenOption.APPEND);
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(3, run.status());
        assertTrue(run.out().startsWith(log + ": TORN_TAIL at line 5: the last write was cut short by a crash"), run.out());
    }

    @Test
    void replay_ofAnUntouchedLog_matchesEveryRecord() {
        CliRunner.Result run = CliRunner.run("", "replay", log.toString());
        assertEquals(0, run.status(), run.out());
        assertEquals("4 replayed, 4 matched, 0 diverged\n", run.out());
        CliRunner.Result one = CliRunner.run("", "replay", log.toString(), "--deal", "GOLD-VALUE-PROOF-WINDOW");
        assertEquals("1 replayed, 1 matched, 0 diverged\n", one.out());
    }

    @Test
    void whatIf_json_reportsTransitionsAndChanges() throws Exception {
        Path candidate = Files.createDirectory(temp.resolve("candidate"));
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, candidate.resolve(file.getFileName()));
            }
        }
        Path thresholds = candidate.resolve("thresholds.drl");
        Files.writeString(thresholds, Files.readString(thresholds).replace("valueProofMaxWindowDays() { return 90; }",
                "valueProofMaxWindowDays() { return 365; }"));
        CliRunner.Result run = CliRunner.run("", "what-if", log.toString(), "--rules", candidate.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonObject report = Json.createReader(new StringReader(run.out())).readObject();
        assertEquals(4, report.getInt("decisions"));
        assertEquals(1, report.getJsonArray("changes").size());
        JsonObject change = report.getJsonArray("changes").getJsonObject(0);
        assertEquals("GOLD-VALUE-PROOF-WINDOW", change.getString("dealId"));
        assertEquals("FLAG", change.getString("from"));
        assertEquals("APPROVE", change.getString("to"));
        assertEquals("[\"value-proof.window\"]", change.getJsonArray("lost").toString());
        assertEquals(1, report.getJsonObject("codesLost").getInt("value-proof.window"));
        assertEquals(report.getJsonArray("changes"), report.getJsonArray("flips"));
    }

    @Test
    void secondWriter_onAnOpenLog_isRefused() throws Exception {
        try (var held = dev.dealdesk.audit.AuditLog.open(log, "test")) {
            CliRunner.Result run = CliRunner.run("", "evaluate", "--audit", log.toString(), "policy-examples/clean-renewal.json");
            assertEquals(1, run.status());
            assertEquals("dealdesk: audit log " + log + " is in use by another writer\n", run.err());
            assertEquals("", run.out());
        }
    }
}
