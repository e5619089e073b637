package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void verify_untouchedLog_isIntact() {
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(0, run.status(), run.out());
        assertEquals(log + ": intact: 4 records, chain and pinned policies verified\n", run.out());
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
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        CliRunner.Result run = CliRunner.run("", "verify", log.toString());
        assertEquals(3, run.status());
        assertTrue(run.out().startsWith(log + ": TORN_TAIL at line 4: the last write was cut short by a crash"), run.out());
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
