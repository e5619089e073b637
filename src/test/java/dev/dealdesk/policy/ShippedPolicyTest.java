package dev.dealdesk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules at their boundaries, one concern at a time. Each test changes one thing of a
 * clean land and checks exactly which findings appear, with which severity.
 */
class ShippedPolicyTest {

    private static Decision decide(TestDeals deal) {
        return TestEngines.shipped().evaluate(deal.deal());
    }

    private static List<String> codes(TestDeals deal) {
        return decide(deal).codes();
    }

    private static Finding only(Decision decision, String code) {
        List<Finding> found = decision.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, found.size(), "findings with code " + code + " in " + decision.codes());
        return found.get(0);
    }

    private static List<String> with(String... codes) {
        return List.of(codes);
    }

    @Test
    void evaluate_cleanLand_approvesWithOnlyTheOwnershipModel() {
        Decision decision = decide(TestDeals.cleanLand());
        assertEquals(Outcome.APPROVE, decision.outcome());
        assertEquals(with("ownership.model"), decision.codes());
        assertEquals(List.of(), decision.approvers());
    }

    @Nested
    class LandValueProof {

        @Test
        void evaluate_windowOfExactly90Days_passes() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/valueProof/windowDays", 90)));
        }

        @Test
        void evaluate_windowOf91Days_flags() {
            Decision decision = decide(TestDeals.cleanLand().set("/valueProof/windowDays", 91));
            assertEquals(with("value-proof.window", "ownership.model"), decision.codes());
            Finding window = only(decision, "value-proof.window");
            assertEquals(Severity.FLAG, window.severity());
            assertEquals(ApproverRole.DEAL_DESK, window.approver());
            assertEquals(91, window.evidence().get("valueProof.windowDays"));
            assertEquals(90, window.evidence().get("valueProofMaxWindowDays"));
            assertTrue(window.message().contains("91 days") && window.message().contains("90-day"), window.message());
        }

        @Test
        void evaluate_noValueProofAtClose_rejects() {
            Decision decision = decide(TestDeals.cleanLand().remove("/valueProof"));
            assertEquals(with("value-proof.missing", "ownership.model"), decision.codes());
            assertEquals(Severity.REJECT, only(decision, "value-proof.missing").severity());
            assertEquals(Outcome.REJECT, decision.outcome());
            assertEquals(List.of(), decision.approvers(), "a REJECT has no approver to sign");
        }

        @Test
        void evaluate_noValueProofBeforeClose_flags() {
            Decision decision = decide(TestDeals.cleanLand().remove("/valueProof").set("/stage", "NEGOTIATION"));
            assertEquals(Severity.FLAG, only(decision, "value-proof.missing").severity());
            assertEquals(List.of(ApproverRole.DEAL_DESK), decision.approvers());
        }

        @Test
        void evaluate_blankMetric_isMissing() {
            assertEquals(with("value-proof.missing", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/valueProof/metric", " \t")));
        }

        @Test
        void evaluate_noBreakSpaceMetric_isBlank() {
            assertEquals(with("value-proof.missing", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/valueProof/metric", "\u00a0")));
        }

        @Test
        void evaluate_missingBaseline_isMissing() {
            assertEquals(with("value-proof.missing", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/valueProof/baseline")));
        }

        @Test
        void evaluate_targetEqualsBaselineByValue_flagsNoMovement() {
            assertEquals(with("value-proof.no-movement", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/valueProof/baseline", 18).set("/valueProof/target", 18.0)));
        }

        @Test
        void evaluate_negativeZeroTarget_equalsZeroBaselineEveryTime() {
            // Drools compares boxed numbers interpreted at first and compiled later: both must agree.
            TestDeals deal = TestDeals.cleanLand().set("/valueProof/baseline", 0)
                    .set("/valueProof/target", TestDeals.parse("[-0.0]").asJsonArray().get(0));
            for (int i = 0; i < 60; i++) {
                assertEquals(with("value-proof.no-movement", "ownership.model"), codes(deal), "evaluation " + i);
            }
        }

        @Test
        void evaluate_reachesProductionAbsent_passesAndFalse_flags() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().remove("/valueProof/reachesProduction")));
            assertEquals(with("value-proof.not-production", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/valueProof/reachesProduction", false)));
        }

        @Test
        void evaluate_blankChampion_flags() {
            assertEquals(with("value-proof.no-champion", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/valueProof/champion", "")));
        }

        @Test
        void evaluate_selfServeLandWithoutProofOrMap_approves() {
            TestDeals selfServe = TestDeals.cleanLand().set("/touchModel", "SELF_SERVE").set("/acv", 3000)
                    .remove("/valueProof").remove("/expansionMap").remove("/customerStrategy")
                    .remove("/customerSuccess").remove("/ownership");
            assertEquals(with("ownership.model"), codes(selfServe));
        }

        @Test
        void evaluate_expansionWithoutProvenLand_flags() {
            TestDeals expansion = TestDeals.cleanLand().set("/motion", "EXPANSION");
            assertEquals(with("expansion.value-not-proven", "ownership.model"), codes(expansion));
            assertEquals(with("ownership.model"),
                    codes(expansion.set("/expansion", TestDeals.parse("{\"landValueProven\": true}"))));
        }
    }

    @Nested
    class ExpansionMap {

        @Test
        void evaluate_emptyMap_isMissingOnly() {
            Decision decision = decide(TestDeals.cleanLand().set("/expansionMap", TestDeals.parse("[]")));
            assertEquals(with("expansion-map.missing", "ownership.model"), decision.codes());
            assertEquals(Severity.REJECT, only(decision, "expansion-map.missing").severity());
        }

        @Test
        void evaluate_nextQuarterAcrossTheYearEnd_passes() {
            TestDeals deal = TestDeals.cleanLand().set("/asOf", "2026-12-15");
            for (int i = 0; i < 4; i++) {
                deal.set("/expansionMap/" + i + "/targetQuarter", i == 2 ? "2027-Q1" : "2027-Q3");
            }
            assertEquals(with("ownership.model"), codes(deal));
        }

        @Test
        void evaluate_onlyQuartersTwoAhead_rejectsAtCloseAndFlagsBefore() {
            TestDeals deal = TestDeals.cleanLand().set("/asOf", "2026-12-15");
            for (int i = 0; i < 4; i++) {
                deal.set("/expansionMap/" + i + "/targetQuarter", "2027-Q2");
            }
            assertEquals(Severity.REJECT, only(decide(deal), "expansion-map.no-next-quarter").severity());
            deal.set("/stage", "PROPOSAL");
            assertEquals(Severity.FLAG, only(decide(deal), "expansion-map.no-next-quarter").severity());
        }

        @Test
        void evaluate_onlyPastQuarters_rejects() {
            TestDeals deal = TestDeals.cleanLand().set("/asOf", "2027-01-04");
            for (int i = 0; i < 4; i++) {
                deal.set("/expansionMap/" + i + "/targetQuarter", "2026-Q4");
            }
            assertEquals(with("expansion-map.no-next-quarter", "ownership.model"), codes(deal));
        }

        @Test
        void evaluate_threeTeams_flagsTooFew() {
            assertEquals(with("expansion-map.too-few-teams", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/expansionMap/3")));
        }

        @Test
        void evaluate_twoIncompleteEntries_reportsEachInMapOrder() {
            Decision decision = decide(TestDeals.cleanLand()
                    .set("/expansionMap/3/sponsor", " ")
                    .remove("/expansionMap/1/estimatedAcv"));
            assertEquals(with("expansion-map.incomplete", "expansion-map.incomplete", "ownership.model"), decision.codes());
            assertTrue(decision.findings().get(0).message().contains("entry 2 (HR)"), decision.findings().get(0).message());
            assertTrue(decision.findings().get(1).message().contains("entry 4 (Sales Ops)"));
            assertEquals(" ", decision.findings().get(1).evidence().get("expansionMap[3].sponsor"));
        }
    }

    @Nested
    class LandTooSmall {

        @Test
        void evaluate_smbAtExactlyTheMinimum_passes() {
            TestDeals deal = TestDeals.cleanLand().set("/segment", "SMB").set("/acv", 15000)
                    .set("/customerSuccess/csHoursPerQuarter", 1);
            assertEquals(with("ownership.model"), codes(deal));
        }

        @Test
        void evaluate_smbOneCentUnderTheMinimum_rejects() {
            TestDeals deal = TestDeals.cleanLand().set("/segment", "SMB").set("/acv", 14999.99)
                    .set("/customerSuccess/csHoursPerQuarter", 1);
            Decision decision = decide(deal);
            assertEquals(with("land.below-minimum", "ownership.model"), decision.codes());
            Finding finding = only(decision, "land.below-minimum");
            assertEquals("ACV $14,999.99 is under the $15,000 minimum viable land for SMB", finding.message());
            assertEquals(Severity.REJECT, finding.severity());
        }

        @Test
        void evaluate_midMarketAndEnterpriseMinimum_is40000() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/acv", 40000)));
            assertEquals(with("land.below-minimum", "ownership.model"), codes(TestDeals.cleanLand().set("/acv", 39999.99)));
            assertEquals(with("land.below-minimum", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/segment", "ENTERPRISE").set("/acv", 39999.99)));
        }

        @Test
        void evaluate_acvExactlyEightTimesCsCost_passesAndACentLess_rejects() {
            // 8 hours a quarter x 4 x $200 = $6,400 a year; 8x = $51,200.
            TestDeals deal = TestDeals.cleanLand().set("/customerSuccess/csHourlyCost", 200);
            assertEquals(with("ownership.model"), codes(deal.set("/acv", 51200)));
            assertEquals(with("land.cs-cost-not-covered", "ownership.model"), codes(deal.set("/acv", 51199.99)));
        }

        @Test
        void evaluate_csCostWithDecimals_comparesExactly() {
            // 0.1 hours x 4 x $0.3 = $0.12 a year; 8x = $0.96 exactly.
            TestDeals deal = TestDeals.cleanLand().set("/touchModel", "HIGH_TOUCH").set("/acv", 0.96)
                    .set("/customerSuccess/csHoursPerQuarter", 0.1).set("/customerSuccess/csHourlyCost", 0.3);
            assertFalse(codes(deal).contains("land.cs-cost-not-covered"));
        }

        @Test
        void evaluate_csCostBeyondAnyAcv_rejectsInsteadOfFailing() {
            TestDeals deal = TestDeals.cleanLand().set("/customerSuccess/csHoursPerQuarter", 1e200)
                    .set("/customerSuccess/csHourlyCost", 1e200);
            assertEquals(with("land.cs-cost-not-covered", "ownership.model"), codes(deal));
        }

        @Test
        void evaluate_acvJustUnderTheMinimum_messageDoesNotRoundOntoIt() {
            Decision decision = decide(TestDeals.cleanLand().set("/segment", "SMB").set("/acv", 14999.999)
                    .set("/customerSuccess/csHoursPerQuarter", 1));
            assertEquals("ACV $14,999.999 is under the $15,000 minimum viable land for SMB",
                    only(decision, "land.below-minimum").message());
        }

        @Test
        void evaluate_csCostAbsent_doesNotFire() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/acv", 40000)
                    .remove("/customerSuccess/csHourlyCost").set("/customerSuccess/csHoursPerQuarter", 1000)));
        }

        @Test
        void evaluate_selfServeWithCsHours_flags() {
            TestDeals deal = TestDeals.cleanLand().set("/touchModel", "SELF_SERVE").set("/acv", 3000)
                    .set("/customerSuccess", TestDeals.parse("{\"csHoursPerQuarter\": 2}"));
            Decision decision = decide(deal);
            assertEquals(with("land.self-serve-with-human-cs", "ownership.model"), decision.codes());
            assertEquals(ApproverRole.CS_LEADERSHIP, only(decision, "land.self-serve-with-human-cs").approver());
            deal.set("/customerSuccess", TestDeals.parse("{\"csHoursPerQuarter\": 0, \"csmAssigned\": false}"));
            assertEquals(with("ownership.model"), codes(deal));
        }
    }

    @Nested
    class OwnershipAndRoles {

        @Test
        void evaluate_arrBandEdges_selectTheModel() {
            assertEquals(OwnershipModel.AE_OWNS, model(9_999_999.99));
            assertEquals(OwnershipModel.CSM_NOMINATES_AE_CLOSES, model(10_000_000));
            assertEquals(OwnershipModel.CSM_NOMINATES_AE_CLOSES, model(49_999_999.99));
            assertEquals(OwnershipModel.DEDICATED_AM, model(50_000_000));
            assertEquals(OwnershipModel.DEDICATED_AM, model(199_999_999));
            assertEquals(OwnershipModel.STRATEGIC_AM_POD, model(200_000_000));
        }

        private OwnershipModel model(double arr) {
            Decision decision = decide(TestDeals.cleanLand().set("/seller/arr", arr));
            Finding info = only(decision, "ownership.model");
            assertEquals(Severity.INFO, info.severity());
            assertEquals(null, info.approver());
            assertEquals(decision.ownershipModel().name(), info.evidence().get("ownershipModel"));
            return decision.ownershipModel();
        }

        @Test
        void evaluate_aeOwnsSeller_needsNoCsmNorHandoff() {
            TestDeals deal = TestDeals.cleanLand().set("/seller/arr", 5_000_000).remove("/customerSuccess")
                    .set("/ownership", TestDeals.parse("{\"expansionOwner\": \"AE\"}"));
            assertEquals(with("ownership.model"), codes(deal));
        }

        @Test
        void evaluate_csmNominatesWithCsmOwner_passes() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/ownership/expansionOwner", "CSM")));
        }

        @Test
        void evaluate_dedicatedAmWithAeOwner_flagsMismatch() {
            Decision decision = decide(TestDeals.cleanLand().set("/seller/arr", 80_000_000));
            assertEquals(with("ownership.mismatch", "ownership.model"), decision.codes());
            assertEquals(ApproverRole.REVOPS, only(decision, "ownership.mismatch").approver());
        }

        @Test
        void evaluate_unassignedOwner_flagsUnassignedNotMismatch() {
            assertEquals(with("ownership.unassigned", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/ownership/expansionOwner", "UNASSIGNED")));
        }

        @Test
        void evaluate_noHandoffSla_flags() {
            assertEquals(with("ownership.no-handoff-sla", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/ownership/handoffSlaDays")));
        }

        @Test
        void evaluate_noCsm_flagsUnassignedCsm() {
            assertEquals(with("csm.unassigned", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/customerSuccess/csmAssigned", false)));
        }

        @Test
        void evaluate_csmWithoutTarget_flagsOnAnyMotion() {
            TestDeals renewal = TestDeals.cleanLand().set("/motion", "RENEWAL").remove("/customerSuccess/csmExpansionTarget");
            assertEquals(with("csm.no-expansion-target", "ownership.model"), codes(renewal));
        }

        @Test
        void evaluate_expansionQueued60Days_passesAnd61_flags() {
            TestDeals expansion = TestDeals.cleanLand().set("/motion", "EXPANSION")
                    .set("/expansion", TestDeals.parse("{\"landValueProven\": true, \"daysInQueue\": 60}"));
            assertEquals(with("ownership.model"), codes(expansion));
            assertEquals(with("ownership.stalled-expansion", "ownership.model"),
                    codes(expansion.set("/expansion/daysInQueue", 61)));
        }
    }

    @Nested
    class GrowthContract {

        @Test
        void evaluate_flatFeeTwelveMonths_flags() {
            Decision decision = decide(TestDeals.cleanLand().set("/contract/pricingModel", "FLAT_FEE"));
            assertEquals(with("contract.flat-fee", "ownership.model"), decision.codes());
            assertEquals(List.of(ApproverRole.FINANCE), decision.approvers());
        }

        @Test
        void evaluate_flatFeeThirteenMonths_rejects() {
            Decision decision = decide(TestDeals.cleanLand().set("/contract/pricingModel", "FLAT_FEE")
                    .set("/contract/termMonths", 13));
            assertEquals(with("contract.flat-fee-multi-year", "ownership.model"), decision.codes());
            Finding finding = only(decision, "contract.flat-fee-multi-year");
            assertEquals(List.of("mechanic:growth-contract", "failure:pricing-lock-in"), finding.concerns());
            assertEquals(Outcome.REJECT, decision.outcome());
        }

        @Test
        void evaluate_renewalWithoutAddOn_isNotAskedForOne() {
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/motion", "RENEWAL")
                    .remove("/contract/expansionByAddOn")));
            assertEquals(with("contract.expansion-needs-renegotiation", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/contract/expansionByAddOn")));
        }

        @Test
        void evaluate_usageWithoutSpendAlerts_flags() {
            TestDeals usage = TestDeals.cleanLand().set("/contract/pricingModel", "USAGE");
            assertEquals(with("contract.usage-bill-shock", "ownership.model"), codes(usage));
            assertEquals(with("ownership.model"), codes(usage.set("/contract/usageSpendAlerts", true)));
        }
    }

    @Nested
    class StrategyAndSizing {

        @Test
        void evaluate_horizon17Months_flagsAnd18Passes() {
            assertEquals(with("strategy.short-horizon", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/customerStrategy/horizonMonths", 17)));
            assertEquals(with("ownership.model"), codes(TestDeals.cleanLand().set("/customerStrategy/horizonMonths", 18)));
        }

        @Test
        void evaluate_onePhaseOrNone_flagsNoPhases() {
            assertEquals(with("strategy.no-phases", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/customerStrategy/phases/1")));
            assertEquals(with("strategy.no-phases", "ownership.model"),
                    codes(TestDeals.cleanLand().remove("/customerStrategy/phases")));
        }

        @Test
        void evaluate_noStrategy_flagsMissingOnly() {
            assertEquals(with("strategy.missing", "ownership.model"), codes(TestDeals.cleanLand().remove("/customerStrategy")));
        }

        @Test
        void evaluate_sellerFramedRenewalGatedRenewal_flagsBoth() {
            TestDeals renewal = TestDeals.cleanLand().set("/motion", "RENEWAL")
                    .set("/customerStrategy/framing", "SELLER_REVENUE")
                    .set("/customerStrategy/expansionTrigger", "RENEWAL_DATE");
            Decision decision = decide(renewal);
            assertEquals(with("strategy.renewal-gated", "strategy.seller-framed", "ownership.model"), decision.codes());
            assertEquals(List.of(ApproverRole.SALES_LEADERSHIP), decision.approvers());
        }

        @Test
        void evaluate_oneSeatShort_flagsUndersold() {
            assertEquals(with("sizing.undersold", "ownership.model"),
                    codes(TestDeals.cleanLand().set("/sizing/seatsPurchased", 39)));
        }
    }

    @Nested
    class Ordering {

        @Test
        void evaluate_manyFindings_ordersBySeverityThenCode() {
            Decision decision = decide(TestDeals.cleanLand()
                    .set("/contract/pricingModel", "FLAT_FEE").set("/contract/termMonths", 36)
                    .set("/acv", 1000).remove("/valueProof").set("/sizing/seatsPurchased", 1)
                    .set("/ownership/expansionOwner", "AM"));
            assertEquals(with("contract.flat-fee-multi-year", "land.below-minimum", "land.cs-cost-not-covered",
                    "value-proof.missing", "ownership.mismatch", "sizing.undersold", "ownership.model"), decision.codes());
            assertEquals(List.of(ApproverRole.REVOPS, ApproverRole.SALES_LEADERSHIP), decision.approvers());
        }

        @Test
        void evaluate_sameDealTwice_givesEqualFindings() {
            TestDeals deal = TestDeals.cleanLand().set("/stage", "PROPOSAL").remove("/expansionMap/0/sponsor")
                    .set("/contract/pricingModel", "USAGE");
            assertEquals(decide(deal).findings(), decide(deal).findings());
        }
    }
}
