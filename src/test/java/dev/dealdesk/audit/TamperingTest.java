package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestEngines;
import dev.dealdesk.audit.AuditVerifier.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering is caught at the right record, records deleted from the end are caught
 * by the head, and a torn tail is told apart from tampering.
 */
class TamperingTest {

    @TempDir
    static Path original;

    @TempDir
    Path temp;

    private Path log;
    private List<String> lines;
    private List<String> ids;

    @BeforeAll
    static void auditTenDecisions() throws Exception {
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, original.resolve("log.jsonl"),
                AuditFixtures.exampleDeals().subList(0, 10));
    }

    @BeforeEach
    void copyTheLog() throws Exception {
        try (var tree = Files.walk(original)) {
            for (Path path : tree.toList()) {
                Path copy = temp.resolve(original.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        log = temp.resolve("log.jsonl");
        lines = Files.readAllLines(log);
        ids = new ArrayList<>();
        for (String line : lines) {
            ids.add(AuditRecord.parse(line).decisionId());
        }
        assertEquals(List.of(), AuditVerifier.verify(log).problems());
    }

    private AuditVerifier.Problem first() throws Exception {
        return AuditVerifier.verify(log).problems().get(0);
    }

    private void write(List<String> changed) throws Exception {
        Files.writeString(log, String.join("\n", changed) + "\n");
    }

    private void assertFirst(Kind kind, long line, String decisionId) throws Exception {
        AuditVerifier.Problem problem = first();
        assertEquals(kind, problem.kind(), problem.message());
        assertEquals(line, problem.line(), problem.message());
        assertEquals(decisionId, problem.decisionId(), problem.message());
    }

    @Test
    void verify_aMemberAddedToARecord_isEditedAtThatLine_thoughTheHashStillMatchesTheRest() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.set(3, changed.get(3).replaceFirst("^\\{", "{\"approvedBy\":\"VP Sales override\","));
        write(changed);
        AuditVerifier.Problem problem = first();
        assertEquals(Kind.EDITED, problem.kind(), problem.message());
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("approvedBy"), problem.message());
    }

    @Test
    void verify_aRecordSpelledOtherwiseWithTheSameValues_isEditedAtThatLine() throws Exception {
        for (String[] edit : new String[][] {
                {"\"schema\":1}", "\"schema\":1.9}"},
                {"\"policy\":{\"files\":", "\"policy\":{\"approvedBy\":\"mallory\",\"files\":"},
                {"\"schema\":1}", "\"schema\": 1}"}}) {
            List<String> changed = new ArrayList<>(lines);
            assertTrue(changed.get(2).contains(edit[0]), edit[0]);
            changed.set(2, changed.get(2).replace(edit[0], edit[1]));
            write(changed);
            assertFirst(Kind.EDITED, 3, null);
        }
    }

    @Test
    void aWriter_refusesToChainAfterALastRecordThatIsNotUtf8() throws Exception {
        byte[] bytes = Files.readAllBytes(log);
        int at = bytes.length - 1 - lines.get(lines.size() - 1).length() + lines.get(lines.size() - 1).indexOf("\"dealId\":\"") + 10;
        bytes[at] = (byte) 0xff;
        Files.write(log, bytes);
        assertEquals(Kind.EDITED, first().kind());
        AuditException refused = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class,
                () -> AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, AuditFixtures.exampleDeals().subList(0, 1)));
        assertTrue(refused.getMessage().contains("cannot be read"), refused.getMessage());
        assertEquals(bytes.length, Files.size(log), "nothing was appended");
    }

    @Test
    void verify_oneByteEditedInARecord_isEditedAtThatLine() throws Exception {
        byte[] bytes = Files.readAllBytes(log);
        int offset = String.join("\n", lines.subList(0, 6)).length() + 1 + lines.get(6).indexOf("\"acv\":") + 6;
        bytes[offset] = (byte) (bytes[offset] == '9' ? '8' : '9');
        Files.write(log, bytes);
        assertFirst(Kind.EDITED, 7, ids.get(6));
    }

    @Test
    void verify_editedHashOrChainLink_isEdited() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        String line = changed.get(3);
        int digit = line.indexOf("\"prev\":\"sha256:") + "\"prev\":\"sha256:".length();
        char flipped = line.charAt(digit) == 'f' ? 'e' : 'f';
        changed.set(3, line.substring(0, digit) + flipped + line.substring(digit + 1));
        write(changed);
        assertEquals(Kind.EDITED, first().kind());
        assertEquals(4, first().line());
    }

    @Test
    void verify_deletedLine_isDeletedAtTheNextRecord() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.remove(4);
        write(changed);
        assertFirst(Kind.DELETED, 5, ids.get(5));
    }

    @Test
    void verify_deletedFirstLine_isDeleted() throws Exception {
        write(lines.subList(1, lines.size()));
        assertFirst(Kind.DELETED, 1, ids.get(1));
    }

    @Test
    void verify_swappedLines_isReordered() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.set(2, lines.get(3));
        changed.set(3, lines.get(2));
        write(changed);
        assertFirst(Kind.REORDERED, 3, ids.get(3));
    }

    @Test
    void verify_duplicatedLine_isInserted() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.add(5, lines.get(4));
        write(changed);
        assertFirst(Kind.INSERTED, 6, ids.get(4));
    }

    @Test
    void verify_forgedRecordWithAValidHash_isInserted() throws Exception {
        // A forger who knows the format: a record that hashes correctly and links to line 2.
        AuditRecord genuine = AuditRecord.parse(lines.get(2));
        AuditRecord forged = AuditRecord.of(AuditRecord.parse(lines.get(0)).readDeal(),
                TestEngines.shipped().evaluate(AuditRecord.parse(lines.get(0)).readDeal()), "forger", genuine.previousHash());
        List<String> changed = new ArrayList<>(lines);
        changed.add(2, forged.line());
        write(changed);
        assertFirst(Kind.INSERTED, 3, forged.decisionId());
    }

    @Test
    void verify_crashMidWrite_isATornTailNotTampering() throws Exception {
        // A crash tears a line the writer had not finished, which its head does not name yet.
        Files.write(log, lines.get(0).substring(0, 100).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(Kind.TORN_TAIL, report.problems().get(0).kind());
        assertEquals(11, report.problems().get(0).line());
        assertEquals(true, report.onlyTornTail());
    }

    @Test
    void verify_lastRecordDeleted_isDeleted() throws Exception {
        write(lines.subList(0, 9));
        assertFirst(Kind.DELETED, 10, null);
        assertTrue(first().message().startsWith("the log ends after 9 records, but its head says 10 were written"),
                first().message());
    }

    @Test
    void verify_lastRecordsDeletedAndTheOneBeforeCut_isDeletedNotATornTail() throws Exception {
        String kept = String.join("\n", lines.subList(0, 7)) + "\n" + lines.get(7).substring(0, 200);
        Files.writeString(log, kept);
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(Kind.DELETED), report.problems().stream().map(AuditVerifier.Problem::kind).toList(),
                report.problems().toString());
        assertEquals(8, report.problems().get(0).line());
        assertTrue(report.problems().get(0).message().contains("cut short"), report.problems().get(0).message());
    }

    @Test
    void verify_emptiedLog_isDeleted() throws Exception {
        Files.write(log, new byte[0]);
        assertFirst(Kind.DELETED, 1, null);
        assertTrue(first().message().startsWith("the log is empty, but its head says 10 were written"), first().message());
    }

    /** Replaces the last record by a forged one that hashes correctly and links to the record before. */
    private void forgeLastRecord() throws Exception {
        AuditRecord original = AuditRecord.parse(lines.get(0));
        AuditRecord forged = AuditRecord.of(original.readDeal(), TestEngines.shipped().evaluate(original.readDeal()),
                "forger", AuditRecord.parse(lines.get(8)).hash());
        List<String> changed = new ArrayList<>(lines.subList(0, 9));
        changed.add(forged.line());
        write(changed);
    }

    @Test
    void logFileDeletedWithItsHeadLeft_isDeleted_andAWriterDoesNotStartAnother() throws Exception {
        Files.delete(log);
        assertFirst(Kind.DELETED, 1, null);
        assertTrue(first().message().startsWith("the log file is missing, but its head"), first().message());
        AuditException refused = assertThrows(AuditException.class, () -> AuditLog.open(log, "test"));
        assertTrue(refused.getMessage().contains("the log was deleted"), refused.getMessage());
        assertTrue(Files.notExists(log), "no new, empty log is started in its place");
    }

    @Test
    void verify_lastRecordReplacedByAForgedOneWithAValidHash_isRewritten() throws Exception {
        forgeLastRecord();
        assertFirst(Kind.REWRITTEN, 10, null);
    }

    @Test
    void verify_logWithoutAHeadFile_isIntact_andSaysItHasNoHead() throws Exception {
        Files.delete(LogFiles.head(log));
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(), report.problems());
        assertEquals(Optional.empty(), report.head());
        assertEquals(new LogHead(10, AuditRecord.parse(lines.get(9)).hash()), report.last());
    }

    @Test
    void verify_headFileOverwritten_isHeadEdited() throws Exception {
        Files.writeString(LogFiles.head(log), "{\"records\":3}\n");
        assertFirst(Kind.HEAD_EDITED, 0, null);
    }

    @Test
    void verify_headSlotTornByAPowerLoss_fallsBackToTheHeadBefore() throws Exception {
        byte[] head = Files.readAllBytes(LogFiles.head(log));
        int newest = new String(head, StandardCharsets.UTF_8).indexOf("\"records\":10") < HeadFile.SLOT ? 0 : 1;
        head[newest * HeadFile.SLOT + 20] ^= 1;
        Files.write(LogFiles.head(log), head);
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(), report.problems());
        assertTrue(report.head().orElseThrow().records() < 10, report.head().toString());
    }

    @Test
    void aWriter_refusesALogThatLostRecordsItsHeadNames_andLeavesItAsItIs() throws Exception {
        Files.writeString(log, String.join("\n", lines.subList(0, 7)) + "\n" + lines.get(7).substring(0, 200));
        byte[] deleted = Files.readAllBytes(log);
        AuditException refused = assertThrows(AuditException.class, () -> AuditLog.open(log, "test"));
        assertTrue(refused.getMessage().startsWith("audit log " + log + ": DELETED: the log ends after 7 records"),
                refused.getMessage());
        assertArrayEquals(deleted, Files.readAllBytes(log), "the log is not repaired");
        try (var files = Files.list(temp)) {
            assertEquals(List.of(), files.filter(path -> path.getFileName().toString().contains(".torn-")).toList(),
                    "nothing is set aside as a torn tail");
        }
    }

    @Test
    void aWriter_refusesALogWhoseRecordAtItsHeadIsAnother() throws Exception {
        forgeLastRecord();
        byte[] forged = Files.readAllBytes(log);
        AuditException refused = assertThrows(AuditException.class, () -> AuditLog.open(log, "test"));
        assertTrue(refused.getMessage().startsWith("audit log " + log + ": REWRITTEN: record 10"), refused.getMessage());
        assertArrayEquals(forged, Files.readAllBytes(log));
    }

    @Test
    void verify_missingOrAlteredPolicySnapshot_isReported() throws Exception {
        Path snapshot = PolicySnapshots.beside(log).of(AuditRecord.parse(lines.get(0)).policy().version());
        Path thresholds = snapshot.resolve("thresholds.drl");
        Files.writeString(thresholds, Files.readString(thresholds).replace("return 90;", "return 120;"));
        assertEquals(Kind.ALTERED_SNAPSHOT, first().kind());
        assertEquals(1, first().line());

        try (var files = Files.list(snapshot)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(snapshot);
        assertEquals(Kind.MISSING_SNAPSHOT, first().kind());
    }

    @Test
    void verify_lineThatIsNotJson_isEdited() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.set(8, "not json at all");
        write(changed);
        AuditVerifier.Problem problem = first();
        assertEquals(Kind.EDITED, problem.kind());
        assertEquals(9, problem.line());
    }
}
