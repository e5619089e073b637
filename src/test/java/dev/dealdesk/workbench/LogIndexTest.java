package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-if over the workbench's index of the log reads only each deal again, and reports exactly as over the log itself. */
class LogIndexTest {

    @TempDir
    Path temp;

    @Test
    void whatIfOverTheIndex_isWhatIfOverTheLog_unreadableLinesIncluded() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path log = temp.resolve("log.jsonl");
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).audit(log).build()) {
            int id = 0;
            for (int window : new int[] {30, 90, 91, 120}) {
                for (String segment : new String[] {"SMB", "MID_MARKET", "ENTERPRISE"}) {
                    engine.evaluate(TestDeals.cleanLand().set("/dealId", "I-" + id++).set("/segment", segment)
                            .set("/valueProof/windowDays", window).set("/acv", 10_000 + id * 2_500.5).set("/seller/arr", 1_000_000)
                            .set("/valueProof/workflow", "intake für Ärzte").deal());
                }
            }
        }
        String first = Files.readAllLines(log, StandardCharsets.UTF_8).get(0);
        Files.writeString(log, String.join("\n",
                "not a record",
                first.replaceFirst("\"acv\":[0-9.]+", "\"acv\":\"many\""),
                first.replace("\"findings\":", "\"noFindings\":"),
                first.replace("\"outcome\":", "\"verdict\":")) + "\n", StandardOpenOption.APPEND);

        LogIndex index = new LogIndex(log);
        index.refresh();
        assertEquals(12 + 1, index.records(), "the record with an invalid deal is still a logged decision");
        assertEquals(3, index.unreadable());

        rules.replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 120; }");
        CompiledPolicy candidate = CompiledPolicy.compile(PolicySource.read(rules.directory()));
        WhatIf.Report overIndex = WhatIf.run(index.whatIfSource(), candidate);
        WhatIf.Report overLog = WhatIf.run(log, candidate);

        assertEquals(overLog, overIndex);
        assertEquals(12, overIndex.decisions());
        assertFalse(overIndex.changes().isEmpty(), "windows of 91 and 120 days flip");
        List<String> errors = overIndex.errors();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("line 13: not a record: "), errors.get(0));
        assertEquals("line 14: /deal/acv: expected a number >= 0, got the string \"many\"", errors.get(1));
        assertEquals("line 15: not a record: it lacks its decisionId, deal, outcome or findings", errors.get(2));
        assertEquals("line 16: not a record: it lacks its decisionId, deal, outcome or findings", errors.get(3));
    }
}
