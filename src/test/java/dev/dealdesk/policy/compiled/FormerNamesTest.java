package dev.dealdesk.policy.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.decision.Decision;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules written before a rule API type moved, as audit logs pin them, still load and decide alike. */
class FormerNamesTest {

    @Test
    void rulesImportingTheFormerOwnershipModelName_loadAndDecideAsTheShippedOnes(@TempDir Path dir) throws Exception {
        RulesCopy former = RulesCopy.of(dir);
        for (String file : new String[] {"ownership-model.drl", "role-confusion.drl", "csm-expansion.drl"}) {
            former.replace(file, "import dev.dealdesk.decision.OwnershipModel;", "import dev.dealdesk.OwnershipModel;");
        }
        var deal = TestDeals.cleanLand().set("/seller/arr", 60_000_000).deal();
        try (DealDesk formerEngine = TestEngines.fixedEngine(former.directory());
             DealDesk shippedEngine = TestEngines.fixedEngine(TestEngines.SHIPPED_RULES)) {
            Decision before = formerEngine.evaluate(deal);
            Decision now = shippedEngine.evaluate(deal);
            assertNotEquals(now.policy().version(), before.policy().version(), "the version is that of the files as written");
            assertEquals(now.ownershipModel(), before.ownershipModel());
            assertEquals(now.findings(), before.findings());
        }
    }
}
