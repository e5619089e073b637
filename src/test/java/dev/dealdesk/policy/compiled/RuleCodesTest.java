package dev.dealdesk.policy.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.RulesCopy;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding code is one kind of finding: every rule that reports it says the same of it. */
class RuleCodesTest {

    private static String rule(String severity, String approver) {
        return """
                package dealdesk.policy;
                import dev.dealdesk.facts.Deal;
                global dev.dealdesk.policy.Findings findings;

                rule "Another way to be too small"
                    @code("land.below-minimum") @concerns("failure:land-too-small") @severity("%s") @approver("%s")
                when
                    Deal(acv < 1)
                then
                    findings.add(kcontext, "ACV under $1", "Charge something");
                end
                """.formatted(severity, approver);
    }

    @Test
    void aRuleReportingAnotherRulesCodeWithAnotherSeverity_doesNotLoad(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir).write("tiny-land.drl", rule("FLAG", "DEAL_DESK"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> CompiledPolicy.compile(PolicySource.read(rules.directory())));
        PolicyProblem problem = e.problems().stream().filter(p -> p.file().equals("tiny-land.drl")).findFirst().orElseThrow();
        assertEquals(5, problem.line(), problem.toString());
        assertTrue(problem.message().startsWith("rule \"Another way to be too small\" reports land.below-minimum with other"
                + " metadata than rule \""), problem.message());
    }

    @Test
    void aRuleReportingAnotherRulesCodeWithTheSameMetadata_loads(@TempDir Path dir) throws Exception {
        RulesCopy rules = RulesCopy.of(dir).write("tiny-land.drl", rule("REJECT", "DEAL_DESK"));
        CompiledPolicy.compile(PolicySource.read(rules.directory()));
    }
}
