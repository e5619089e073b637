package dev.dealdesk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.Decision;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.ValueProof;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which facts a policy gets for each deal: the kinds its rules match, and no others. */
class DealFactsTest {

    private static final String PART_RULES = """
            package dealdesk.policy;
            import dev.dealdesk.facts.Deal;
            import dev.dealdesk.facts.ValueProof;
            import dev.dealdesk.facts.CustomerSuccess;
            global dev.dealdesk.policy.Findings findings;

            rule "Part fact: no value proof"
                @code("test.no-value-proof") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
            when
                Deal()
                not ValueProof()
            then
                findings.add(kcontext, "no value proof", "write one");
            end

            rule "Part fact: CSM assigned"
                @code("test.csm-assigned") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
            when
                CustomerSuccess(csmAssigned == true)
            then
                findings.add(kcontext, "a CSM is assigned", "none");
            end
            """;

    @TempDir
    Path temp;

    @Test
    void shippedPolicy_insertsTheDealAndItsMapEntriesOnly() throws Exception {
        CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(TestEngines.SHIPPED_RULES));
        assertEquals(List.of(Deal.class, MapEntry.class), policy.factTypes());
    }

    @Test
    void policyMatchingPartsAsFacts_getsThoseFactsAndDecidesOnThem() throws Exception {
        RulesCopy copy = RulesCopy.of(temp).write("parts.drl", PART_RULES);
        CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(copy.directory()));
        assertEquals(List.of(Deal.class, ValueProof.class, CustomerSuccess.class, MapEntry.class), policy.factTypes());

        Deal clean = TestDeals.cleanLand().deal();
        assertEquals(List.of("test.csm-assigned"), testCodes(policy, clean));
        Deal noProof = TestDeals.cleanLand().remove("/valueProof").deal();
        assertEquals(List.of("test.csm-assigned", "test.no-value-proof"), testCodes(policy, noProof));
    }

    private static List<String> testCodes(CompiledPolicy policy, Deal deal) {
        Decision decision = policy.decide(deal, "d-1", Instant.EPOCH);
        return decision.codes().stream().filter(code -> code.startsWith("test.")).sorted().toList();
    }
}
