package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestDeals;
import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a process killed with SIGKILL in the middle of a large audited batch loses no
 * decision it had printed, and leaves at most a torn last line, which the next writer sets aside.
 */
class CrashTest {

    @TempDir
    Path temp;

    @Test
    void kill_duringAuditedBatch_losesNoPrintedDecision() throws Exception {
        Path input = temp.resolve("deals.jsonl");
        String template = TestDeals.cleanLand().json();
        StringBuilder deals = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            deals.append(template.replace("\"D-CLEAN\"", "\"K-" + i + "\"")).append('\n');
        }
        Files.writeString(input, deals);
        Path log = Files.createDirectory(temp.resolve("audit")).resolve("log.jsonl");
        Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                "dev.dealdesk.cli.Main", "evaluate", "--audit", log.toString(), "-")
                .redirectInput(input.toFile()).redirectError(temp.resolve("stderr").toFile()).start();

        Set<String> printed = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                printed.add(Json.createReader(new StringReader(line)).readObject().getString("decisionId"));
                if (printed.size() == 3_000) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertTrue(report.intact() || report.onlyTornTail(), report.problems().toString());
        Set<String> logged = new HashSet<>();
        for (String line : Files.readAllLines(log)) {
            if (line.endsWith("}")) {
                try {
                    logged.add(AuditRecord.parse(line).decisionId());
                } catch (AuditFormatException torn) {
                    // the torn tail, reported above
                }
            }
        }
        printed.removeAll(logged);
        assertEquals(Set.of(), printed, "decisions printed but not in the log");

        // The next writer sets any torn tail aside and continues a valid chain.
        AuditFixtures.audit(Path.of("rules"), log, List.of(TestDeals.cleanLand().deal()));
        assertEquals(List.of(), AuditVerifier.verify(log).problems());
    }
}
