package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real invocations of the command line, checked on stdout, stderr and exit status. */
class CliTest {

    @TempDir
    Path temp;

    static CliRunner.Result run(String stdin, String... args) {
        return CliRunner.run(stdin, args);
    }

    @Nested
    class Evaluate {

        @Test
        void evaluate_exampleFile_printsOneDecisionLine() {
            CliRunner.Result run = run("", "evaluate", "policy-examples/seed-three-year-flat-fee-discount.json");
            assertEquals(0, run.status(), run.err());
            assertEquals("", run.err());
            assertEquals(1, run.lines().size());
            JsonObject decision = run.line(0);
            assertEquals("REJECT", decision.getString("outcome"));
            assertEquals("contract.flat-fee-multi-year", decision.getJsonArray("findings").getJsonObject(0).getString("code"));
            assertTrue(decision.getJsonObject("policy").getString("version").matches("sha256:[0-9a-f]{64}"));
            assertEquals(List.of("dealId", "asOf", "outcome", "ownershipModel", "approvers", "findings", "policy",
                    "decisionId", "evaluatedAt"), List.copyOf(decision.keySet()));
            assertEquals(List.of("code", "severity", "concerns", "message", "evidence", "remedy", "approver", "rule"),
                    List.copyOf(decision.getJsonArray("findings").getJsonObject(0).keySet()));
        }

        @Test
        void evaluate_aDealPastTheBudget_isAnErrorRecordNamingTheRule_andTheOthersAreDecided() {
            RulesCopy rules = RulesCopy.of(temp).write("endless.drl", TestEngines.ENDLESS);
            String good = TestDeals.cleanLand().json();
            String endless = TestDeals.cleanLand().set("/dealId", "endless").json();
            CliRunner.Result run = run(good + "\n" + endless + "\n" + good + "\n", "evaluate", "--rules",
                    rules.directory().toString(), "--max-firings", "100", "-");
            assertEquals(1, run.status(), run.err());
            assertEquals(3, run.lines().size());
            assertEquals("APPROVE", run.line(0).getString("outcome"));
            assertEquals("stdin:2: the policy failed while deciding this deal: deal endless could not be decided: its rules"
                    + " fired 100 times without coming to rest (a rule that sets itself off again?) (the last rule to fire"
                    + " was \"Echo\")", run.line(1).getJsonObject("error").getString("source") + ": "
                    + run.line(1).getJsonObject("error").getString("message"));
            assertEquals("APPROVE", run.line(2).getString("outcome"));
        }

        @Test
        void evaluate_aFileHoldingAnArrayOfDeals_isABatch_asOverHttp() throws Exception {
            String good = TestDeals.cleanLand().json();
            String bad = TestDeals.cleanLand().set("/contract/termMonths", "twelve").json();
            Path batch = Files.writeString(temp.resolve("batch.json"), "[" + good + "," + bad + "," + good + "]");
            CliRunner.Result run = run("", "evaluate", batch.toString());
            assertEquals(2, run.status(), run.err());
            assertEquals(3, run.lines().size());
            assertEquals("APPROVE", run.line(0).getString("outcome"));
            JsonObject error = run.line(1).getJsonObject("error");
            assertEquals(batch.toString(), error.getString("source"));
            assertEquals("/1/contract/termMonths", error.getString("path"));
            assertEquals("APPROVE", run.line(2).getString("outcome"));

            CliRunner.Result lines = run("[" + good + "," + good + "]\n" + good + "\n", "evaluate", "-");
            assertEquals(0, lines.status(), lines.err());
            assertEquals(3, lines.lines().size());
        }

        @Test
        void evaluate_aBatchOverTheLimit_isRefusedWhole() throws Exception {
            String good = TestDeals.cleanLand().json();
            Path batch = Files.writeString(temp.resolve("big.json"),
                    "[" + String.join(",", java.util.Collections.nCopies(dev.dealdesk.json.DealJson.MAX_BATCH + 1, "{}")) + "]");
            CliRunner.Result run = run("", "evaluate", batch.toString());
            assertEquals(2, run.status());
            assertEquals(List.of("expected an array of at most 1000 deals, got 1001"),
                    List.of(run.line(0).getJsonObject("error").getString("message")));
        }

        @Test
        void evaluate_aBudgetThatIsNotPositive_isACommandLineError() {
            CliRunner.Result run = run("", "evaluate", "--max-time-ms", "0", "policy-examples/clean-renewal.json");
            assertEquals(2, run.status());
            assertTrue(run.err().startsWith("--max-time-ms must be a positive number of at most 3600000 (an hour), not 0"), run.err());
            assertEquals("", run.out());
        }

        @Test
        void evaluate_jsonLinesWithOneBadRecord_decidesTheOthersAndExits2() {
            String good = TestDeals.cleanLand().json();
            String bad = TestDeals.cleanLand().set("/contract/termMonths", "twelve").json();
            CliRunner.Result run = run(good + "\n" + bad + "\n" + good + "\n", "evaluate", "--rules", "rules", "-");
            assertEquals(2, run.status());
            assertEquals("", run.err());
            assertEquals(3, run.lines().size());
            assertEquals("APPROVE", run.line(0).getString("outcome"));
            JsonObject error = run.line(1).getJsonObject("error");
            assertEquals("stdin:2", error.getString("source"));
            assertEquals("/contract/termMonths", error.getString("path"));
            assertEquals("expected an integer >= 1, got the string \"twelve\"", error.getString("message"));
            assertEquals("APPROVE", run.line(2).getString("outcome"));
        }

        @Test
        void evaluate_malformedLines_eachGetAnErrorInPlace_andBlankLinesAreSkipped() {
            CliRunner.Result run = run("{\"dealId\": \n\n \t\r\n[1]\n", "evaluate", "-");
            assertEquals(2, run.status());
            assertEquals(2, run.lines().size());
            assertTrue(run.line(0).getJsonObject("error").getString("message").startsWith("malformed JSON at line 1"));
            assertEquals("stdin:1", run.line(0).getJsonObject("error").getString("source"));
            // A line holding an array is a batch: its element 0 is no deal.
            assertEquals("expected an object, got the number 1", run.line(1).getJsonObject("error").getString("message"));
            assertEquals("/0", run.line(1).getJsonObject("error").getString("path"));
            assertEquals("stdin:4", run.line(1).getJsonObject("error").getString("source"));
        }

        @Test
        void evaluate_tooDeeplyNestedLine_isAnErrorAndTheBatchGoesOn() {
            String deep = "[".repeat(1000) + "]".repeat(1000);
            CliRunner.Result run = run(deep + "\n" + TestDeals.cleanLand().json() + "\n", "evaluate", "-");
            assertEquals(2, run.status(), run.err());
            assertEquals(2, run.lines().size());
            assertTrue(run.line(0).getJsonObject("error").getString("message").startsWith("malformed JSON"), run.out());
            assertEquals("APPROVE", run.line(1).getString("outcome"));
        }

        @Test
        void evaluate_dealWithAStrayDealMember_namesThatMember() {
            CliRunner.Result run = run(TestDeals.cleanLand().set("/deal", 1).json() + "\n", "evaluate", "-");
            assertEquals(2, run.status());
            assertEquals("/deal", run.line(0).getJsonObject("error").getString("path"));
        }

        @Test
        void evaluate_lineThatIsNotUtf8_isAnErrorRecord() {
            byte[] good = (TestDeals.cleanLand().json() + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] bad = TestDeals.cleanLand().set("/dealId", "AB~CD").json().replace("~", "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
            java.io.ByteArrayOutputStream stdin = new java.io.ByteArrayOutputStream();
            stdin.writeBytes(bad);
            stdin.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
            stdin.writeBytes(good);
            CliRunner.Result run = CliRunner.run(stdin.toByteArray(), "evaluate", "-");
            assertEquals(2, run.status());
            assertEquals("{\"error\":{\"source\":\"stdin:1\",\"path\":\"\",\"message\":\"not valid UTF-8 text\"}}", run.lines().get(0));
            assertEquals("APPROVE", run.line(1).getString("outcome"));
        }

        @Test
        void evaluate_missingFile_isAnErrorRecord() {
            CliRunner.Result run = run("", "evaluate", "no-such-deal.json", "policy-examples/clean-renewal.json");
            assertEquals(2, run.status());
            assertEquals("{\"error\":{\"source\":\"no-such-deal.json\",\"path\":\"\",\"message\":\"no such file or directory\"}}",
                    run.lines().get(0));
            assertEquals("APPROVE", run.line(1).getString("outcome"));
        }

        @Test
        void evaluate_directory_decidesEachFileInNameOrder() throws Exception {
            Files.writeString(temp.resolve("b.json"), TestDeals.cleanLand().set("/dealId", "B").json());
            Files.writeString(temp.resolve("a.json"), TestDeals.cleanLand().set("/dealId", "A").json());
            Files.writeString(temp.resolve("notes.txt"), "not a deal");
            CliRunner.Result run = run("", "evaluate", temp.toString());
            assertEquals(0, run.status(), run.out());
            assertEquals(2, run.lines().size());
            assertEquals("A", run.line(0).getString("dealId"));
            assertEquals("B", run.line(1).getString("dealId"));
        }

        @Test
        void evaluate_textFormat_explainsEachFinding() {
            CliRunner.Result run = run("", "evaluate", "--format", "text", "policy-examples/seed-5k-smb-eight-cs-hours.json");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().startsWith("Deal "), run.out());
            assertTrue(run.out().contains(": REJECT\n"), run.out());
            assertTrue(run.out().contains("REJECT land.below-minimum  (DEAL_DESK)"), run.out());
            assertTrue(run.out().contains("ACV $5,000 is under the $15,000 minimum viable land for SMB"), run.out());
            assertTrue(run.out().contains("Fix: Resize the land to at least $15,000"), run.out());
            assertTrue(run.out().contains("Ownership model: AE_OWNS"), run.out());
            assertTrue(run.out().contains("Policy sha256:"), run.out());
        }

        @Test
        void evaluate_brokenPolicy_exits1WithFileAndLineOnStderr() {
            RulesCopy copy = RulesCopy.of(temp).replace("undersold.drl", "sizing.seatsPurchased < sizing.seatsNeededForOutcome)",
                    "sizing.seatsPurchased < sizing.seatsNeededForOutcome))");
            int line = copy.lineOf("undersold.drl", "seatsNeededForOutcome))");
            CliRunner.Result run = run("", "evaluate", "--rules", copy.directory().toString(), "policy-examples/clean-renewal.json");
            assertEquals(1, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("dealdesk: the policy in " + copy.directory() + " cannot load:\n"), run.err());
            assertTrue(run.err().contains(copy.directory().resolve("undersold.drl") + ":" + line + ":"), run.err());
        }

        @Test
        void evaluate_ruleThatFails_exits1AndKeepsOneLinePerRecord() {
            RulesCopy copy = RulesCopy.of(temp).write("faulty.drl", """
                    package dealdesk.policy;
                    import dev.dealdesk.facts.Sizing;
                    global dev.dealdesk.policy.Findings findings;
                    rule "Faulty rule"
                        @code("test.faulty") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                    when
                        Sizing()
                    then
                        findings.add(kcontext, "never", "never", "n", Integer.parseInt("x"));
                    end
                    """);
            String withSizing = TestDeals.cleanLand().json();
            String withoutSizing = TestDeals.cleanLand().remove("/sizing").json();
            CliRunner.Result run = run(withSizing + "\n" + withoutSizing + "\n", "evaluate", "--rules",
                    copy.directory().toString(), "-");
            assertEquals(1, run.status());
            assertEquals(2, run.lines().size(), run.out());
            assertTrue(run.line(0).getJsonObject("error").getString("message")
                    .startsWith("the policy failed while deciding this deal: deal D-CLEAN could not be decided"), run.out());
            assertEquals("APPROVE", run.line(1).getString("outcome"));
            assertTrue(run.err().startsWith("dealdesk: stdin:1: deal D-CLEAN could not be decided"), run.err());
        }

        @Test
        void evaluate_missingRulesDirectory_exits1() {
            CliRunner.Result run = run("", "evaluate", "--rules", temp.resolve("none").toString(), "policy-examples/clean-renewal.json");
            assertEquals(1, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().contains("error: rules directory not found: " + temp.resolve("none")), run.err());
        }
    }

    @Nested
    class Usage {

        @Test
        void help_listsTheCommands() {
            CliRunner.Result run = run("", "--help");
            assertEquals(0, run.status());
            assertTrue(run.out().contains("Usage: dealdesk"), run.out());
            assertTrue(run.out().contains("evaluate"), run.out());
        }

        @Test
        void evaluateHelp_documentsOptionsAndExitStatus() {
            CliRunner.Result run = run("", "evaluate", "--help");
            assertEquals(0, run.status());
            assertTrue(run.out().contains("--rules=DIR"), run.out());
            assertTrue(run.out().contains("--format=FORMAT"), run.out());
            assertTrue(run.out().contains("Exit status:"), run.out());
        }

        @Test
        void version_printsTheProductVersion() {
            CliRunner.Result run = run("", "--version");
            assertEquals(0, run.status());
            assertTrue(run.out().startsWith("dealdesk "), run.out());
        }

        @Test
        void unknownOption_exits2WithUsageOnStderr() {
            CliRunner.Result run = run("", "evaluate", "--frmat", "json", "x.json");
            assertEquals(2, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().contains("Unknown option: '--frmat'"), run.err());
        }

        @Test
        void evaluateWithoutInput_exits2() {
            CliRunner.Result run = run("", "evaluate");
            assertEquals(2, run.status());
            assertTrue(run.err().contains("Missing required parameter"), run.err());
        }
    }
}
