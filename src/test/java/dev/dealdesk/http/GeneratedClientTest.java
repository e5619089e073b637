package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealdesk.DealDesk;
import dev.dealdesk.TestEngines;
import dev.dealdesk.generated.ApiClient;
import dev.dealdesk.generated.ApiException;
import dev.dealdesk.generated.api.DefaultApi;
import dev.dealdesk.generated.model.BatchResult;
import dev.dealdesk.generated.model.Contract;
import dev.dealdesk.generated.model.Deal;
import dev.dealdesk.generated.model.Decision;
import dev.dealdesk.generated.model.Finding;
import dev.dealdesk.generated.model.Problem;
import dev.dealdesk.generated.model.Seller;
import dev.dealdesk.json.DealJson;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client openapi-generator makes from the description {@code dealdesk schema} prints (the
 * build generates and compiles it, see the POM) decides deals against a running service, as an
 * integrator's code would: deals are the client's model classes, answers its classes or its
 * {@link ApiException}.
 */
class GeneratedClientTest {

    private static final Path GOLDEN = Path.of("policy-examples/seed-5k-smb-eight-cs-hours.json");
    /** Where the build wrote the description the client was generated from. */
    private static final Path DESCRIPTION = Path.of("target/openapi/dealdesk.json");

    private static DealDesk engine;
    private static DecisionService service;
    private static ApiClient client;
    private static DefaultApi api;

    @BeforeAll
    static void start() throws Exception {
        engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).build();
        service = DecisionService.start(engine, DecisionService.Options.defaults());
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + service.address().getPort());
        api = new DefaultApi(client);
    }

    @AfterAll
    static void stop() {
        service.close();
        engine.close();
    }

    /** A deal built with the client's model classes: an SMB renewal, flat fee over 36 months. */
    private static Deal flatFeeRenewal(String dealId, int termMonths) {
        return new Deal().dealId(dealId).asOf(LocalDate.of(2026, 11, 23)).motion(Deal.MotionEnum.RENEWAL)
                .stage(Deal.StageEnum.CLOSED_WON).segment(Deal.SegmentEnum.SMB).acv(new BigDecimal("12000"))
                .touchModel(Deal.TouchModelEnum.SELF_SERVE).seller(new Seller().arr(new BigDecimal("6000000")))
                .contract(new Contract().pricingModel(Contract.PricingModelEnum.FLAT_FEE).termMonths(termMonths));
    }

    @Test
    void theClient_wasGeneratedFromWhatTheServiceServes() throws Exception {
        ObjectMapper mapper = client.getObjectMapper();
        assertEquals(mapper.readTree(DESCRIPTION.toFile()), mapper.valueToTree(api.getOpenApi()));
    }

    @Test
    void decideDeal_goldenExample_givesWhatTheEngineGives() throws Exception {
        JsonNode dealJson = client.getObjectMapper().readTree(GOLDEN.toFile()).get("deal");
        Deal deal = client.getObjectMapper().treeToValue(dealJson, Deal.class);

        Decision decision = api.decideDeal(deal, true, null);

        dev.dealdesk.decision.Decision expected = engine.evaluate(DealJson.read(dealJson.toString()));
        assertEquals(expected.outcome().name(), decision.getOutcome().getValue());
        assertEquals(expected.codes(), decision.getFindings().stream().map(Finding::getCode).toList());
        assertTrue(decision.getFindings().stream().anyMatch(finding -> finding.getCode().equals("land.below-minimum")),
                decision.toString());
        assertEquals(engine.policy().version(), decision.getPolicy().getVersion());
        // The path to approval, typed: the seed's one change raises the ACV to clear both land findings.
        assertEquals(true, decision.getPathToApproval().getReachable());
        assertEquals("/acv", decision.getPathToApproval().getChanges().get(0).getPath());
        assertEquals(List.of("land.below-minimum", "land.cs-cost-not-covered"),
                decision.getPathToApproval().getChanges().get(0).getClears());
    }

    @Test
    void decideDeals_oneInvalidElement_decidesTheOthersAndNamesItsPath() throws Exception {
        List<BatchResult> results = api.decideDeals(List.of(flatFeeRenewal("D-1", 36), flatFeeRenewal("D-2", 0)), null);

        assertEquals(2, results.size());
        assertEquals("D-1", results.get(0).getDealId());
        assertEquals(BatchResult.OutcomeEnum.REJECT, results.get(0).getOutcome());
        assertEquals(List.of("contract.flat-fee-multi-year"), results.get(0).getFindings().stream()
                .map(Finding::getCode).filter(code -> code.startsWith("contract.")).toList());
        assertNull(results.get(0).getError());
        assertNull(results.get(1).getOutcome());
        assertEquals("/1/contract/termMonths", results.get(1).getError().getPath());
        assertEquals("expected an integer >= 1, got 0", results.get(1).getError().getMessage());
    }

    @Test
    void decideDeal_invalidDeal_isAnApiExceptionCarryingTheProblem() throws Exception {
        ApiException refused = assertThrows(ApiException.class, () -> api.decideDeal(flatFeeRenewal("D-3", 0), null, null));

        assertEquals(400, refused.getCode());
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("https://dealdesk.dev/problems/invalid-deal", problem.getType().toString());
        assertEquals(400, problem.getStatus());
        assertEquals("/contract/termMonths", problem.getPath());
        assertEquals("expected an integer >= 1, got 0", problem.getDetail());
    }
}
