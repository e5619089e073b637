package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestEngines;
import dev.dealdesk.policy.compiled.PolicyRule;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dealdesk validate} and {@code dealdesk test}: the RevOps authoring loop, as real invocations. */
class AuthoringCommandsTest {

    @TempDir
    Path temp;

    @Test
    void validate_shippedRules_wouldLoad() throws Exception {
        CliRunner.Result run = CliRunner.run("", "validate");
        assertEquals(0, run.status(), run.out());
        assertEquals("rules: " + TestEngines.shippedRuleFiles().size() + " files, " + TestEngines.shippedPolicy().rules().size()
                + " rules: the policy would load as " + PolicySource.read(Path.of("rules")).version().version()
                + " (0 errors, 0 warnings)\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void validate_syntaxErrorAndHostileFile_listsEachWithFileLineColumn() {
        RulesCopy copy = RulesCopy.of(temp)
                .replace("undersold.drl", "sizing.seatsPurchased < sizing.seatsNeededForOutcome)", "sizing.seatsPurchased < sizing.seatsNeededForOutcome))")
                .write("zz-hostile.drl", """
                        package dealdesk.policy;
                        import java.nio.file.Files;
                        """);
        int line = copy.lineOf("undersold.drl", "seatsNeededForOutcome))");
        CliRunner.Result run = CliRunner.run("", "validate", "--rules", copy.directory().toString());
        assertEquals(1, run.status(), run.out());
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith(copy.directory().resolve("undersold.drl") + ":" + line + ":"), run.out());
        assertTrue(lines.get(0).contains(": error: "), run.out());
        assertEquals(copy.directory().resolve("zz-hostile.drl") + ":2:1: error: import of java.nio.file.Files is not"
                + " allowed: rules may use only the fact model, the findings API and JDK value types (see README,"
                + " \"What rules may use\")", lines.get(1));
        assertEquals(copy.directory() + ": the policy would not load (2 errors, 0 warnings)", lines.get(2));
    }

    @Test
    void validate_aPolicyThatCannotDecideAGoldenExampleWithinTheBudget_wouldNotLoad() throws Exception {
        RulesCopy copy = RulesCopy.of(java.nio.file.Files.createDirectories(temp.resolve("rules")))
                .write("endless.drl", TestEngines.ENDLESS);
        Path examples = java.nio.file.Files.createDirectories(temp.resolve("examples"));
        java.nio.file.Files.writeString(examples.resolve("endless.json"), java.nio.file.Files.readString(
                Path.of("policy-examples/clean-mid-market-land.json")).replace("GOLD-CLEAN-MID-MARKET-LAND", "endless"));
        CliRunner.Result run = CliRunner.run("", "validate", "--rules", copy.directory().toString(),
                "--examples", examples.toString(), "--max-firings", "500");
        assertEquals(1, run.status(), run.out());
        assertEquals(List.of(examples.resolve("endless.json") + ": error: deal endless could not be decided: its rules"
                        + " fired 500 times without coming to rest (a rule that sets itself off again?) (the last rule"
                        + " to fire was \"Echo\")",
                copy.directory() + ": " + (TestEngines.shippedRuleFiles().size() + 1) + " files, "
                        + (TestEngines.shippedPolicy().rules().size() + 2) + " rules: the policy compiles but cannot"
                        + " decide every example (1 error, 0 warnings)"), run.lines());
    }

    @Test
    void validate_rulesNestedTooDeeplyToCompile_wouldNotLoad_andSaysWhy() {
        RulesCopy copy = RulesCopy.of(temp).write("nested.drl", TestEngines.NESTED_CONSEQUENCE);
        CliRunner.Result run = CliRunner.run("", "validate", "--rules", copy.directory().toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals(List.of("error: the rules are nested too deeply to compile (the stack ran out): reduce the parentheses,"
                + " brackets or blocks within one another", copy.directory() + ": the policy would not load (1 error, 0 warnings)"),
                run.lines());
        assertEquals("", run.err());
    }

    @Test
    void test_impossibleMinimumCoverage_isACommandLineError() {
        CliRunner.Result run = CliRunner.run("", "test", "--min-coverage", "101");
        assertEquals(2, run.status());
        assertEquals("dealdesk: --min-coverage must be a percentage from 0 to 100, not 101.0\n", run.err());
    }

    @Test
    void test_shippedExamples_allPass() throws Exception {
        long examples;
        try (var files = Files.list(Path.of("policy-examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        CliRunner.Result run = CliRunner.run("", "test");
        assertEquals(0, run.status(), run.out());
        assertEquals(examples + " passed, 0 failed\n", run.out());
    }

    /** Runs {@code test} over three examples: the given one as it is, and a wrong and a bad one. */
    private CliRunner.Result testRightWrongAndBad(String example, String wrong, String bad) throws Exception {
        Path examples = Files.createDirectories(temp.resolve("examples"));
        Files.writeString(examples.resolve("a-right.json"), example);
        Files.writeString(examples.resolve("b-wrong.json"), wrong);
        Files.writeString(examples.resolve("c-bad.json"), bad);
        return CliRunner.run("", "test", "--examples", examples.toString());
    }

    @Test
    void test_wrongExpectation_failsWithTheDifference() throws Exception {
        Path examples = temp.resolve("examples");
        String example = Files.readString(Path.of("policy-examples/contract-flat-fee.json"));
        CliRunner.Result run = testRightWrongAndBad(example,
                example.replace("\"contract.flat-fee\"", "\"contract.usage-bill-shock\""), "{\"description\": \"no deal\"}");
        assertEquals(1, run.status());
        assertEquals(List.of(
                "FAIL " + examples.resolve("b-wrong.json") + ": expected FLAG, got FLAG; missing [contract.usage-bill-shock];"
                        + " extra [contract.flat-fee]",
                "FAIL " + examples.resolve("c-bad.json") + ": invalid example: /deal: required field is missing",
                "1 passed, 2 failed"), run.lines());
    }

    @Test
    void test_wrongPathToApproval_failsPrintingExpectedAndActual() throws Exception {
        Path examples = temp.resolve("examples");
        String example = Files.readString(Path.of("policy-examples/seed-5k-smb-eight-cs-hours.json"));
        CliRunner.Result run = testRightWrongAndBad(example, example.replace("\"to\": 25600", "\"to\": 15000"),
                example.replace("\"signOffs\": []", "\"signoffs\": []"));
        assertEquals(1, run.status());
        String change = "{\"clears\":[\"land.below-minimum\",\"land.cs-cost-not-covered\"],\"from\":5000,\"path\":\"/acv\",\"to\":";
        assertEquals(List.of(
                "FAIL " + examples.resolve("b-wrong.json") + ": path to approval: expected {\"changes\":[" + change
                        + "15000}],\"reachable\":true,\"signOffs\":[]}, got {\"changes\":[" + change
                        + "25600}],\"reachable\":true,\"signOffs\":[]}",
                "FAIL " + examples.resolve("c-bad.json") + ": invalid example: /expect/pathToApproval/signoffs: unknown field;"
                        + " expected one of [changes, reachable, reason, signOffs, toClose, verified]",
                "1 passed, 2 failed"), run.lines());
    }

    @Test
    void test_coverage_countsExamplesPerRuleAndNamesTheUnfired() throws Exception {
        Path examples = Files.createDirectory(temp.resolve("examples"));
        Files.copy(Path.of("policy-examples/contract-flat-fee.json"), examples.resolve("flat-fee.json"));
        CliRunner.Result run = CliRunner.run("", "test", "--examples", examples.toString(), "--coverage",
                "--min-coverage", "50");
        assertEquals(1, run.status(), run.out());
        List<PolicyRule> rules = TestEngines.shippedPolicy().rules();
        int flatFee = lineOf(rules, "contract.flat-fee");
        int undersold = lineOf(rules, "sizing.undersold");
        assertTrue(run.out().contains("    1  rules/pricing-lock-in.drl:" + flatFee + "  Flat fee  [contract.flat-fee]\n"), run.out());
        assertTrue(run.out().contains("    0  rules/undersold.drl:" + undersold
                + "  Land buys fewer seats than the outcome needs  [sizing.undersold]\n"), run.out());
        assertTrue(run.out().contains("No example fires rules/undersold.drl:" + undersold
                + " \"Land buys fewer seats than the outcome needs\"\n"), run.out());
        // The example fires two rules, contract.flat-fee and ownership.model, of however many the policy has.
        String percent = String.format(Locale.ROOT, "%.1f%%", 100.0 * 2 / rules.size());
        assertTrue(run.out().contains("Rule coverage: " + percent + " of " + rules.size() + " rules\nRule coverage " + percent
                + " is under the minimum 50.0%\n"), run.out());
        assertTrue(run.out().endsWith("1 passed, 0 failed\n"), run.out());
    }

    /** The line of the one rule reporting {@code code}. */
    private static int lineOf(List<PolicyRule> rules, String code) {
        List<PolicyRule> reporting = rules.stream().filter(rule -> rule.code().equals(code)).toList();
        assertEquals(1, reporting.size(), "rules reporting " + code + ": " + reporting);
        return reporting.get(0).line();
    }
}
