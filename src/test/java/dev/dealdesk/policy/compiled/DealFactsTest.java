package dev.dealdesk.policy.compiled;

import dev.dealdesk.policy.MapEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.decision.Decision;
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

    private static final String ASSERTED_FACT_RULES = """
            package dealdesk.policy;
            import dev.dealdesk.facts.Deal;
            import dev.dealdesk.policy.SellerOwnershipModel;
            global dev.dealdesk.policy.Findings findings;

            rule "Assert the model as a fact"
                @code("test.assert-model") @concerns("failure:test") @severity("INFO")
            when
                Deal($seller : seller)
            then
                insert(new SellerOwnershipModel(ownershipModelFor($seller.arr())));
            end

            rule "Report the asserted model"
                @code("test.model-fact") @concerns("failure:test") @severity("INFO")
            when
                SellerOwnershipModel($model : model)
                Number($count : intValue) from accumulate(SellerOwnershipModel(), count(1))
            then
                findings.add(kcontext, "model " + $model + " of " + $count, null);
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

    @Test
    void factsARuleInserted_doNotOutliveTheirDecision() throws Exception {
        RulesCopy copy = RulesCopy.of(temp).write("asserted.drl", ASSERTED_FACT_RULES);
        CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(copy.directory()));
        // One thread, so every decision runs in the same reused session.
        for (String arr : List.of("5000000", "60000000", "250000000", "5000000")) {
            Deal deal = TestDeals.cleanLand().set("/seller/arr", new java.math.BigDecimal(arr)).deal();
            Decision decision = policy.decide(deal, "d-" + arr, Instant.EPOCH);
            List<String> reported = decision.findings().stream().filter(f -> f.code().equals("test.model-fact"))
                    .map(f -> f.message()).toList();
            assertEquals(List.of("model " + decision.ownershipModel() + " of 1"), reported, "seller ARR " + arr);
        }
    }

    private static List<String> testCodes(CompiledPolicy policy, Deal deal) {
        Decision decision = policy.decide(deal, "d-1", Instant.EPOCH);
        return decision.codes().stream().filter(code -> code.startsWith("test.")).sorted().toList();
    }
}
