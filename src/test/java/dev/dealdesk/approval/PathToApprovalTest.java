package dev.dealdesk.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.CustomFieldsTest;
import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.cli.CliRunner;
import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Change;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.PathToApproval;
import dev.dealdesk.decision.SignOff;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path to approval as the engine gives it: the fewest changes, each number at its threshold,
 * what each clears, sign-offs for what no stated fix clears, and what closing would take.
 */
class PathToApprovalTest {

    @TempDir
    Path temp;

    private static Decision withPath(DealDesk engine, TestDeals deal) {
        return engine.evaluate(deal.deal(), new Ask(true, null));
    }

    @Test
    void oneNumberClearingTwoFindings_movesOnceToTheHigherThreshold() {
        // $5,000 SMB land absorbing 8 CS hours a quarter at $100: under both the $15,000 minimum and 8 x $3,200.
        Decision decision = withPath(TestEngines.shipped(), TestDeals.cleanLand().set("/segment", "SMB").set("/acv", 5_000)
                .set("/customerSuccess/csHoursPerQuarter", 8).set("/customerSuccess/csHourlyCost", 100));

        assertEquals(Outcome.REJECT, decision.outcome());
        PathToApproval path = decision.pathToApproval();
        assertTrue(path.verified() && path.reachable(), path.toString());
        assertEquals(List.of(new Change("/acv", 5000L, 25600L, List.of("land.below-minimum", "land.cs-cost-not-covered"))),
                path.changes());
        assertEquals(List.of(), path.signOffs());
        assertNull(path.toClose(), "the clean land is at close already");
    }

    @Test
    void anApprovedDeal_hasAnEmptyVerifiedPath() {
        PathToApproval path = withPath(TestEngines.shipped(), TestDeals.cleanLand()).pathToApproval();
        assertEquals(new PathToApproval(true, true, List.of(), List.of(), null, List.of(), null), path);
    }

    @Test
    void aCustomFieldIsFixedTheSameWay_andAFindingWithoutAFixIsASignOff() throws Exception {
        RulesCopy rules = CustomFieldsTest.examplePolicy(temp);
        // The payment-terms rule states no fix in this copy: only Finance's sign-off clears it.
        rules.replace("finance-terms.drl", "    findings.fixAtMost(kcontext, \"/custom/paymentTermsDays\", maxPaymentTermsDays());\n", "");
        try (DealDesk engine = TestEngines.fixedEngine(rules.directory())) {
            Decision decision = withPath(engine, TestDeals.cleanLand()
                    .set("/custom", TestDeals.parse("{\"discountPercent\": 32.5, \"paymentTermsDays\": 90}")));

            PathToApproval path = decision.pathToApproval();
            assertEquals(List.of(new Change("/custom/discountPercent", new java.math.BigDecimal("32.5"), 25L,
                    List.of("finance.land-discount"))), path.changes());
            assertEquals(List.of(new SignOff("finance.payment-terms", ApproverRole.FINANCE)), path.signOffs());
            assertTrue(path.verified() && path.reachable());
        }
    }

    @Test
    void beforeClose_toCloseNamesWhatTurnsIntoARejectAtClose() {
        // A proposal-stage land without a value proof: FLAG now, REJECT at close.
        Decision decision = withPath(TestEngines.shipped(), TestDeals.cleanLand().set("/stage", "PROPOSAL").remove("/valueProof"));

        assertEquals(Outcome.FLAG, decision.outcome());
        PathToApproval close = decision.pathToApproval().toClose();
        assertTrue(close.rejectAtClose().contains("value-proof.missing"), close.toString());
        assertFalse(decision.pathToApproval().rejectAtClose().contains("value-proof.missing"));
    }

    @Test
    void text_saysWhatToChangeInWords() {
        CliRunner.Result run = CliRunner.run("", "evaluate", "--format", "text", "--path-to-approval",
                "policy-examples/seed-5k-smb-eight-cs-hours.json");
        assertTrue(run.out().contains("  To approve: raise /acv from $5,000 to $25,600\n"), run.out());
    }
}
