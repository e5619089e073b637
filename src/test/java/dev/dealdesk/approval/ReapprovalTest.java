package dev.dealdesk.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.Replayer;
import dev.dealdesk.cli.CliRunner;
import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.Reapproval;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.http.DecisionService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smart re-approval: a resubmission with a change no FLAG depends on carries every sign-off over;
 * one that changes a finding's evidence asks exactly that finding's approver again; findings gone
 * are listed as cleared. In the library, the command line, HTTP and the audit record.
 */
class ReapprovalTest {

    @TempDir
    Path temp;

    /** A land FLAGged twice: a 100-day value-proof window (DEAL_DESK) and growth by renegotiation (FINANCE). */
    private static TestDeals flagged() {
        return TestDeals.cleanLand().set("/valueProof/windowDays", 100).set("/contract/expansionByAddOn", false);
    }

    private DealDesk audited(Path log) throws Exception {
        return DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build();
    }

    @Test
    void library_carriesOverUnchangedRoles_asksChangedOnesAgain_andListsWhatCleared() throws Exception {
        Path log = temp.resolve("log.jsonl");
        try (DealDesk engine = audited(log)) {
            Decision first = engine.evaluate(flagged().deal());
            assertEquals(List.of(ApproverRole.DEAL_DESK, ApproverRole.FINANCE), first.approvers());
            JsonObject previous = AuditRecord.parse(engine.auditRecord(first.decisionId()).orElseThrow()).asPreviousDecision();

            Decision irrelevant = engine.evaluate(flagged().set("/acv", 61_000).deal(), new Ask(false, previous));
            assertEquals(new Reapproval(first.decisionId(), List.of(ApproverRole.DEAL_DESK, ApproverRole.FINANCE), List.of(),
                    List.of()), irrelevant.reapproval());

            Decision longerWindow = engine.evaluate(flagged().set("/valueProof/windowDays", 120).deal(), new Ask(false, previous));
            assertEquals(new Reapproval(first.decisionId(), List.of(ApproverRole.FINANCE), List.of(ApproverRole.DEAL_DESK),
                    List.of()), longerWindow.reapproval());

            Decision addOn = engine.evaluate(flagged().set("/contract/expansionByAddOn", true).deal(), new Ask(false, previous));
            assertEquals(new Reapproval(first.decisionId(), List.of(ApproverRole.DEAL_DESK), List.of(),
                    List.of("contract.expansion-needs-renegotiation")), addOn.reapproval());

            Deal other = flagged().set("/dealId", "D-OTHER").deal();
            InvalidDealException refused = assertThrows(InvalidDealException.class, () -> engine.evaluate(other, new Ask(false, previous)));
            assertEquals("/dealId", refused.path());
            assertTrue(refused.problem().contains("is of deal " + first.dealId() + ", not D-OTHER"), refused.problem());
        }
        // The re-approvals are in the records, and replay derives each again from the previous record.
        String records = Files.readString(log);
        assertTrue(records.contains("\"reapproval\":{\"carriedOver\":[\"FINANCE\"]"), records);
        Replayer.Report replay = Replayer.replay(log, record -> true);
        assertEquals(List.of(), replay.divergences());
        assertEquals(4, replay.matched());
    }

    @Test
    void commandLine_eachDealAgainstTheLatestLoggedDecisionOfItsId() throws Exception {
        Path before = temp.resolve("before.jsonl");
        try (DealDesk engine = audited(before)) {
            engine.evaluate(flagged().set("/valueProof/windowDays", 95).deal());
            engine.evaluate(flagged().deal()); // the latest of this deal id
        }
        String latest = AuditRecord.latestByDeal(before).get(flagged().deal().dealId()).getString("decisionId");
        Path deals = Files.writeString(temp.resolve("deals.json"), "[" + flagged().set("/valueProof/windowDays", 120).json()
                + "," + flagged().set("/dealId", "D-NEW").json() + "]");

        CliRunner.Result run = CliRunner.run("", "evaluate", "--previous", before.toString(), deals.toString());
        assertEquals(0, run.status(), run.err());
        JsonObject again = run.line(0).getJsonObject("reapproval");
        assertEquals(latest, again.getString("previousDecisionId"));
        assertEquals(Json.createArrayBuilder().add("FINANCE").build(), again.getJsonArray("carriedOver"));
        assertEquals(Json.createArrayBuilder().add("DEAL_DESK").build(), again.getJsonArray("required"));
        assertFalse(run.line(1).containsKey("reapproval"), "a deal with no logged decision has nothing to carry over");
    }

    @Test
    void http_previousAndPathToApprovalAreQueryParameters_andABadQueryIsA400() throws Exception {
        try (DealDesk engine = audited(temp.resolve("log.jsonl"))) {
            DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults());
            try {
                String base = "http://127.0.0.1:" + service.address().getPort() + "/v1/decisions";
                JsonObject first = json(post(base, flagged().json()).body());
                assertNull(first.get("reapproval"));

                HttpResponse<String> again = post(base + "?previous=" + first.getString("decisionId") + "&pathToApproval=true",
                        flagged().set("/acv", 61_000).json());
                assertEquals(200, again.statusCode(), again.body());
                JsonObject decision = json(again.body());
                assertEquals(Json.createArrayBuilder().add("DEAL_DESK").add("FINANCE").build(),
                        decision.getJsonObject("reapproval").getJsonArray("carriedOver"));
                assertTrue(decision.getJsonObject("pathToApproval").getBoolean("reachable"), again.body());

                assertQueryRefused(post(base + "?previous=no-such-id", flagged().json()), "the audit log has no decision no-such-id");
                assertQueryRefused(post(base + "?pathToApproval=yes", flagged().json()), "pathToApproval must be true or false");
                assertQueryRefused(post(base + "?colour=red", flagged().json()), "unknown query parameter \"colour\"");
                assertQueryRefused(post(base + "/batch?previous=" + first.getString("decisionId"), "[" + flagged().json() + "]"),
                        "previous names one deal's previous decision");
            } finally {
                service.close();
            }
        }
    }

    @Test
    void pathToApproval_isInTheRecord_andReplayFindsItAgain() throws Exception {
        Path log = temp.resolve("log.jsonl");
        try (DealDesk engine = audited(log)) {
            Decision decided = engine.evaluate(TestDeals.cleanLand().set("/acv", 5_000).deal(), new Ask(true, null));
            assertEquals(Outcome.REJECT, decided.outcome());
            assertTrue(decided.pathToApproval().verified());
        }
        assertTrue(Files.readString(log).contains("\"pathToApproval\":{"), "the record holds the path");
        Replayer.Report replay = Replayer.replay(log, record -> true);
        assertEquals(List.of(), replay.divergences());
        assertEquals(1, replay.matched());
    }

    private static void assertQueryRefused(HttpResponse<String> response, String detail) {
        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = json(response.body());
        assertEquals("https://dealdesk.dev/problems/invalid-query", problem.getString("type"));
        assertTrue(problem.getString("detail").contains(detail), problem.getString("detail"));
    }

    private static HttpResponse<String> post(String uri, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
