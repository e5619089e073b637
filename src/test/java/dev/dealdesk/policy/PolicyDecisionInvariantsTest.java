package dev.dealdesk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.examples.PolicyExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What holds of every decision of the shipped rules whatever their thresholds are. The thresholds'
 * boundaries are shown by the golden examples in {@code policy-examples/}, which travel with the
 * rules; nothing here writes a threshold down, so RevOps can change a number without breaking it.
 */
class PolicyDecisionInvariantsTest {

    private static Decision decide(TestDeals deal) {
        return TestEngines.shipped().evaluate(deal.deal());
    }

    private static List<Decision> exampleDecisions() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("policy-examples"))) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no policy examples");
        List<Decision> decisions = new ArrayList<>();
        for (Path file : files) {
            Deal deal = PolicyExample.read(StrictJson.parse(Files.readString(file))).deal();
            decisions.add(TestEngines.shipped().evaluate(deal));
        }
        return decisions;
    }

    @Test
    void evaluate_everyExampleDeal_listsFindingsBySeverityThenCode() throws Exception {
        Comparator<Finding> order = Comparator.comparing(Finding::severity).thenComparing(Finding::code);
        for (Decision decision : exampleDecisions()) {
            List<Finding> sorted = decision.findings().stream().sorted(order).toList();
            assertEquals(sorted, decision.findings(), decision.dealId() + ": " + decision.codes());
        }
    }

    @Test
    void evaluate_everyExampleDeal_namesItsOwnershipModelOnceAsInformation() throws Exception {
        for (Decision decision : exampleDecisions()) {
            List<Finding> infos = decision.findings().stream().filter(f -> f.code().equals("ownership.model")).toList();
            assertEquals(1, infos.size(), decision.dealId() + ": " + decision.codes());
            Finding info = infos.get(0);
            assertEquals(Severity.INFO, info.severity(), decision.dealId());
            assertNull(info.approver(), decision.dealId());
            assertEquals(decision.ownershipModel().name(), info.evidence().get("ownershipModel"), decision.dealId());
        }
    }

    @Test
    void evaluate_negativeZeroTarget_equalsZeroBaselineEveryTime() {
        // Drools compares boxed numbers interpreted at first and compiled later: both must agree.
        TestDeals deal = TestDeals.cleanLand().set("/valueProof/baseline", 0)
                .set("/valueProof/target", TestDeals.parse("[-0.0]").asJsonArray().get(0));
        List<String> first = decide(deal).codes();
        assertTrue(first.contains("value-proof.no-movement"), first.toString());
        for (int i = 0; i < 60; i++) {
            assertEquals(first, decide(deal).codes(), "evaluation " + i);
        }
    }

    @Test
    void evaluate_twoIncompleteMapEntries_reportsEachInMapOrderWithItsValues() {
        Decision decision = decide(TestDeals.cleanLand()
                .set("/expansionMap/3/sponsor", " ")
                .remove("/expansionMap/1/estimatedAcv"));
        List<Finding> incomplete = decision.findings().stream()
                .filter(f -> f.code().equals("expansion-map.incomplete")).toList();
        assertEquals(2, incomplete.size(), decision.codes().toString());
        assertTrue(incomplete.get(0).message().contains("entry 2 (HR)"), incomplete.get(0).message());
        assertTrue(incomplete.get(1).message().contains("entry 4 (Sales Ops)"), incomplete.get(1).message());
        assertEquals(" ", incomplete.get(1).evidence().get("expansionMap[3].sponsor"));
    }

    @Test
    void evaluate_sameDealTwice_givesEqualFindings() {
        TestDeals deal = TestDeals.cleanLand().set("/stage", "PROPOSAL").remove("/expansionMap/0/sponsor")
                .set("/contract/pricingModel", "USAGE");
        assertEquals(decide(deal).findings(), decide(deal).findings());
    }
}
