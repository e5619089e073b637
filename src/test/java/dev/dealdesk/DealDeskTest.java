package dev.dealdesk;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.facts.Deal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The façade: building from a rules directory, versioning, and what callers see when things break. */
class DealDeskTest {

    @TempDir
    Path temp;

    @Nested
    class Building {

        @Test
        void evaluate_withInjectedClockAndIds_stampsTheDecision() {
            DealDesk engine = TestEngines.fixedEngine(TestEngines.SHIPPED_RULES);
            Decision first = engine.evaluate(TestDeals.cleanLand().deal());
            Decision second = engine.evaluate(TestDeals.cleanLand().deal());
            assertEquals("d-1", first.decisionId());
            assertEquals("d-2", second.decisionId());
            assertEquals(Instant.parse("2026-11-23T10:15:30Z"), first.evaluatedAt());
            assertEquals(engine.policy(), first.policy());
            assertEquals("D-CLEAN", first.dealId());
        }

        @Test
        void build_withoutRules_saysWhatIsMissing() {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DealDesk.builder().build());
            assertEquals("rules(directory) is required", e.getMessage());
        }

        @Test
        void build_missingDirectory_isAPolicyLoadFailure() {
            Path missing = temp.resolve("nowhere");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(missing).build());
            assertEquals(List.of(PolicyProblem.error("", 0, "rules directory not found: " + missing)), e.problems());
        }

        @Test
        void build_directoryWithoutRules_isAPolicyLoadFailure() {
            PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> DealDesk.builder().rules(temp).build());
            assertEquals("error: no .drl files in rules directory " + temp, e.getMessage());
        }
    }

    @Nested
    class Versioning {

        @Test
        void policyVersion_isTheShaOfTheSha256sumManifest_asTheReadmeRecipeDerivesIt() throws Exception {
            String recipe = Files.readString(Path.of("README.md")).lines().filter(line -> line.startsWith("cd rules && find"))
                    .findFirst().orElseThrow(() -> new AssertionError("README has no version recipe"));
            assertEquals("sha256:" + digest(recipe, TestEngines.SHIPPED_RULES), TestEngines.shipped().policy().version());
            assertEquals(TestEngines.shippedRuleFiles().size(), TestEngines.shipped().policy().files());

            // A policy with custom fields: the declaration is one of its files.
            Path custom = CustomFieldsTest.examplePolicy(Files.createDirectory(temp.resolve("custom"))).directory();
            assertEquals("sha256:" + digest(recipe, custom), DealDesk.builder().rules(custom).build().policy().version());
        }

        private static String digest(String recipe, Path rules) throws Exception {
            Process process = new ProcessBuilder("bash", "-c", "cd '" + rules.toAbsolutePath() + "' && "
                    + recipe.substring("cd rules && ".length()) + " | cut -d' ' -f1").redirectErrorStream(true).start();
            String digest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, process.waitFor(), digest);
            return digest;
        }

        @Test
        void policyVersion_dependsOnContentNotLocation() throws PolicyLoadException {
            RulesCopy copy = RulesCopy.of(temp);
            assertEquals(TestEngines.shipped().policy(), DealDesk.builder().rules(copy.directory()).build().policy());
            copy.replace("thresholds.drl", "// Every number", "//  Every number");
            assertNotEquals(TestEngines.shipped().policy(), DealDesk.builder().rules(copy.directory()).build().policy());
        }

        @Test
        void thresholdEdit_isOneLineAndChangesDecisions() {
            RulesCopy copy = RulesCopy.of(temp).replace("thresholds.drl",
                    "function int valueProofMaxWindowDays() { return 90; }",
                    "function int valueProofMaxWindowDays() { return 120; }");
            Deal deal = TestDeals.cleanLand().set("/valueProof/windowDays", 100).deal();
            assertEquals(List.of("value-proof.window", "ownership.model"), TestEngines.shipped().evaluate(deal).codes());
            assertEquals(List.of("ownership.model"), TestEngines.fixedEngine(copy.directory()).evaluate(deal).codes());
        }
    }

    @Nested
    class BrokenPolicy {

        @Test
        void build_syntaxError_namesFileAndLine() {
            RulesCopy copy = RulesCopy.of(temp).replace("pricing-lock-in.drl",
                    "termMonths <= flatFeeMaxTermMonths())", "termMonths <= flatFeeMaxTermMonths()))");
            int line = copy.lineOf("pricing-lock-in.drl", "flatFeeMaxTermMonths()))");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            PolicyProblem problem = e.problems().get(0);
            assertEquals("pricing-lock-in.drl", problem.file());
            assertEquals(line, problem.line());
            assertEquals(PolicyProblem.Level.ERROR, problem.level());
        }

        @Test
        void build_aThresholdsFileThatDoesNotParse_isReportedAlone_notOncePerCallOfItsFunctions() {
            RulesCopy copy = RulesCopy.of(temp).write("thresholds.drl", "garbage");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertFalse(e.problems().isEmpty());
            assertEquals(List.of("thresholds.drl"), e.problems().stream().map(PolicyProblem::file).distinct().toList(),
                    e.problems().toString());
            assertEquals(1, e.problems().get(0).line(), e.problems().toString());
        }

        @Test
        void build_brokenThresholdFunction_isOneErrorNotOnePerRule() {
            RulesCopy copy = RulesCopy.of(temp).replace("thresholds.drl",
                    "function int flatFeeMaxTermMonths() { return 12; }", "function int flatFeeMaxTermMonths() { return 12 }");
            int line = copy.lineOf("thresholds.drl", "function int flatFeeMaxTermMonths()");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertEquals(List.of(PolicyProblem.error("thresholds.drl", line,
                    "function flatFeeMaxTermMonths: Syntax error, insert \";\" to complete BlockStatements")), e.problems());
        }

        @Test
        void build_unknownFactField_namesFileAndLine() {
            RulesCopy copy = RulesCopy.of(temp).replace("pricing-lock-in.drl",
                    "termMonths <= flatFeeMaxTermMonths()", "termMonth <= flatFeeMaxTermMonths()");
            int line = copy.lineOf("pricing-lock-in.drl", "termMonth <=");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("pricing-lock-in.drl") && p.line() == line
                    && p.message().contains("termMonth")), e.getMessage());
        }

        @Test
        void build_ruleWithoutCode_namesFileLineAndRule() {
            RulesCopy copy = RulesCopy.of(temp).replace("pricing-lock-in.drl", "    @code(\"contract.flat-fee\")\n", "");
            int line = copy.lineOf("pricing-lock-in.drl", "rule \"Flat fee\"");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertEquals(List.of(PolicyProblem.error("pricing-lock-in.drl", line,
                    "rule \"Flat fee\": missing @code(\"area.name\")")), e.problems());
        }

        @Test
        void build_severalKindsOfProblems_areReportedInOneRun() {
            RulesCopy copy = RulesCopy.of(temp)
                    .replace("pricing-lock-in.drl", "termMonths <= flatFeeMaxTermMonths()", "termMonth <= flatFeeMaxTermMonths()")
                    .replace("role-confusion.drl", "@approver(\"REVOPS\")", "@approver(\"REVOP\")");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("pricing-lock-in.drl")), e.getMessage());
            assertEquals(4, e.problems().stream().filter(p -> p.file().equals("role-confusion.drl")).count(), e.getMessage());
        }

        @Test
        void build_unknownApprover_isRefused() {
            RulesCopy copy = RulesCopy.of(temp).replace("undersold.drl", "@approver(\"SALES_LEADERSHIP\")", "@approver(\"CEO\")");
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).message().contains("@approver \"CEO\" is not one of"), e.getMessage());
        }

        @Test
        void build_duplicateRuleName_namesBothPlaces() {
            RulesCopy copy = RulesCopy.of(temp).write("extra.drl", """
                    package dealdesk.policy;
                    import dev.dealdesk.facts.Contract;
                    global dev.dealdesk.policy.Findings findings;
                    rule "Flat fee"
                        @code("contract.flat-fee") @concerns("mechanic:growth-contract") @severity("FLAG") @approver("FINANCE")
                    when
                        Contract()
                    then
                    end
                    """);
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            int line = copy.lineOf("pricing-lock-in.drl", "rule \"Flat fee\"");
            assertEquals(List.of(PolicyProblem.error("pricing-lock-in.drl", line,
                    "rule \"Flat fee\" is already defined at extra.drl:4")), e.problems());
        }
    }

    @Nested
    class NeverFailOpen {

        @Test
        void evaluate_aRuleThatRunsPastTheBudgetInsideOneFiring_isStopped_andTheEngineGoesOn() throws Exception {
            // No loop, no recursion: 40 functions each calling the one before twice make 2^40 calls in one firing.
            StringBuilder chain = new StringBuilder("function long e0(long n) { return n + 1; }\n");
            for (int k = 1; k <= 40; k++) {
                chain.append("function long e").append(k).append("(long n) { return e").append(k - 1).append("(n) + e")
                        .append(k - 1).append("(n + 1); }\n");
            }
            RulesCopy copy = RulesCopy.of(temp).write("chain.drl", """
                    package dealdesk.policy;
                    import dev.dealdesk.facts.Deal;
                    global dev.dealdesk.policy.Findings findings;
                    %srule "Call the chain"
                        @code("test.chain") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                    when
                        Deal(dealId == "chain")
                    then
                        findings.add(kcontext, "calls " + e40(1), "none");
                    end
                    """.formatted(chain));
            try (DealDesk engine = DealDesk.builder().rules(copy.directory())
                    .budget(new EvaluationBudget(10_000, Duration.ofMillis(300))).build()) {
                EvaluationException e = assertThrows(EvaluationException.class,
                        () -> engine.evaluate(TestDeals.cleanLand().set("/dealId", "chain").deal()));
                assertTrue(e.getMessage().startsWith("deal chain could not be decided: it ran past its time budget of 300 ms"
                        + " (the last rule to fire was \"Call the chain\")"), e.getMessage());
                assertEquals(Outcome.APPROVE, engine.evaluate(TestDeals.cleanLand().deal()).outcome());
            }
        }

        @Test
        void evaluate_pastItsTimeBudget_raisesEvaluationExceptionNamingTheRule_andTheEngineGoesOn() throws Exception {
            RulesCopy copy = RulesCopy.of(temp).write("endless.drl", TestEngines.ENDLESS);
            try (DealDesk engine = DealDesk.builder().rules(copy.directory())
                    .budget(new EvaluationBudget(Integer.MAX_VALUE, Duration.ofMillis(500))).build()) {
                EvaluationException e = assertThrows(EvaluationException.class,
                        () -> engine.evaluate(TestDeals.cleanLand().set("/dealId", "endless").deal()));
                assertTrue(e.getMessage().startsWith("deal endless could not be decided: it ran past its time budget of 500 ms"
                        + " (the last rule to fire was \"Echo\")"), e.getMessage());
                assertEquals(Outcome.APPROVE, engine.evaluate(TestDeals.cleanLand().deal()).outcome());
            }
        }

        @Test
        void evaluate_rulesThatSetEachOtherOffWithoutEnd_raiseEvaluationException_andTheEngineGoesOn() {
            RulesCopy copy = RulesCopy.of(temp).write("endless.drl", TestEngines.ENDLESS);
            DealDesk engine = TestEngines.fixedEngine(copy.directory());
            EvaluationException e = assertThrows(EvaluationException.class,
                    () -> engine.evaluate(TestDeals.cleanLand().set("/dealId", "endless").deal()));
            assertTrue(e.getMessage().contains("its rules fired 10000 times without coming to rest"), e.getMessage());
            assertTrue(e.getMessage().contains("\"Echo\""), e.getMessage());
            assertEquals(Outcome.APPROVE, engine.evaluate(TestDeals.cleanLand().deal()).outcome());
        }

        @Test
        void evaluate_ruleThatExhaustsMemory_raisesEvaluationException_andTheEngineGoesOn() {
            // The lint refuses what it knows to be unbounded (repeat, recursion); a collection's
            // capacity is a plain number it lets through, so an Error must still end as this deal's error.
            RulesCopy copy = RulesCopy.of(temp).write("exhausting.drl", """
                    package dealdesk.policy;
                    import dev.dealdesk.facts.Deal;
                    import java.util.ArrayList;
                    global dev.dealdesk.policy.Findings findings;
                    rule "Too big"
                        @code("test.too-big") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                    when
                        Deal(dealId == "big")
                    then
                        findings.add(kcontext, "size " + new ArrayList(2000000000).size(), "never");
                    end
                    """);
            DealDesk engine = TestEngines.fixedEngine(copy.directory());
            EvaluationException big = assertThrows(EvaluationException.class,
                    () -> engine.evaluate(TestDeals.cleanLand().set("/dealId", "big").deal()));
            assertTrue(big.getMessage().contains("a rule exhausted the memory"), big.getMessage());
            assertEquals(Outcome.APPROVE, engine.evaluate(TestDeals.cleanLand().deal()).outcome());
        }

        @Test
        void evaluate_ruleThatThrows_raisesEvaluationException() {
            RulesCopy copy = RulesCopy.of(temp).write("faulty.drl", """
                    package dealdesk.policy;
                    import dev.dealdesk.facts.Contract;
                    global dev.dealdesk.policy.Findings findings;
                    rule "Faulty rule"
                        @code("test.faulty") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                    when
                        Contract()
                    then
                        findings.add(kcontext, "never", "never", "n", Integer.parseInt("not a number"));
                    end
                    """);
            DealDesk engine = TestEngines.fixedEngine(copy.directory());
            EvaluationException e = assertThrows(EvaluationException.class,
                    () -> engine.evaluate(TestDeals.cleanLand().deal()));
            assertTrue(e.getMessage().startsWith("deal D-CLEAN could not be decided"), e.getMessage());
            assertTrue(e.getMessage().contains("Faulty rule"), e.getMessage());
        }

        @Test
        void build_policyWithNoRuleNamingTheOwnershipModel_doesNotLoad() {
            RulesCopy copy = RulesCopy.of(temp);
            String text = copy.read("ownership-model.drl");
            copy.write("ownership-model.drl", text.substring(0, text.indexOf("rule \"")));
            PolicyLoadException e = assertThrows(PolicyLoadException.class,
                    () -> DealDesk.builder().rules(copy.directory()).build());
            assertTrue(e.getMessage().contains("no rule names the ownership model"), e.getMessage());
        }

        @Test
        void evaluate_dealForWhichNoRuleNamesTheOwnershipModel_raisesEvaluationException() {
            RulesCopy copy = RulesCopy.of(temp).replace("ownership-model.drl", "    Deal($seller : seller)",
                    "    Deal($seller : seller, acv > 1000000000)");
            DealDesk engine = TestEngines.fixedEngine(copy.directory());
            EvaluationException e = assertThrows(EvaluationException.class,
                    () -> engine.evaluate(TestDeals.cleanLand().deal()));
            assertTrue(e.getMessage().contains("named no ownership model"), e.getMessage());
        }

        @Test
        void evaluate_evidenceNotInPairs_raisesEvaluationException() throws IOException {
            RulesCopy copy = RulesCopy.of(temp).replace("undersold.drl",
                    "\"sizing.seatsPurchased\", $sizing.seatsPurchased(),", "\"sizing.seatsPurchased\",");
            DealDesk engine = TestEngines.fixedEngine(copy.directory());
            EvaluationException e = assertThrows(EvaluationException.class,
                    () -> engine.evaluate(TestDeals.cleanLand().set("/sizing/seatsPurchased", 1).deal()));
            assertTrue(e.getMessage().contains("evidence that is not name, value pairs"), e.getMessage());
        }
    }
}
