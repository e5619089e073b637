package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and every error status, with a real HTTP client against a server on a loopback port. */
class HttpServiceTest {

    @TempDir
    Path temp;

    private DealDesk engine;
    private DecisionService service;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(temp.resolve("token"), "s3cret\n");
        engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(temp.resolve("log.jsonl")).build();
        service = DecisionService.start(engine, new DecisionService.Options("127.0.0.1", 0, temp.resolve("token"), 4096, 2,
                Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        service.close();
        engine.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.address().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send("POST", "/v1/decisions", "application/json", body, "s3cret");
    }

    private HttpResponse<String> postBatch(String body) throws Exception {
        return send("POST", "/v1/decisions/batch", "application/json", body, "s3cret");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, "s3cret");
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(type, problem.getString("type"));
        assertTrue(!response.body().contains("at dev.") && !response.body().contains("Exception"), response.body());
    }

    @Test
    void getOpenApi_withATokenConfigured_declaresBearerAuth() throws Exception {
        JsonObject description = object(get("/v1/openapi.json"));
        assertEquals("bearer", description.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
        assertTrue(description.containsKey("security"));
    }

    @Test
    void getDealSchema_servesTheSchemaTheReaderEnforces() throws Exception {
        HttpResponse<String> response = get("/v1/schema/deal.json");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/schema+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject schema = object(response);
        assertEquals("https://dealdesk.dev/schemas/deal.json", schema.getString("$id"));
        assertEquals(engine.dealSchema().document(), schema);
    }

    @Test
    void postOneDeal_returnsItsDecisionAndTheReceiptIsStored() throws Exception {
        HttpResponse<String> response = post(TestDeals.cleanLand().set("/valueProof/windowDays", 120).json());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject decision = object(response);
        assertEquals("FLAG", decision.getString("outcome"));
        assertEquals(engine.policy().version(), decision.getJsonObject("policy").getString("version"));

        HttpResponse<String> receipt = get("/v1/decisions/" + decision.getString("decisionId"));
        assertEquals(200, receipt.statusCode());
        assertEquals(decision.getString("decisionId"), object(receipt).getString("decisionId"));
        assertEquals("D-CLEAN", object(receipt).getJsonObject("deal").getString("dealId"));
        assertProblem(get("/v1/decisions/no-such-decision"), 404, "https://dealdesk.dev/problems/not-found");
    }

    @Test
    void postBatchWithBadElements_decidesTheOthersInOrder() throws Exception {
        String good = TestDeals.cleanLand().json();
        String bad = TestDeals.cleanLand().set("/contract/termMonths", 0).json();
        HttpResponse<String> response = postBatch("[" + good + "," + bad + "," + good + "]");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray results = Json.createReader(new StringReader(response.body())).readArray();
        assertEquals(3, results.size());
        assertEquals("APPROVE", results.getJsonObject(0).getString("outcome"));
        assertEquals("/1/contract/termMonths", results.getJsonObject(1).getJsonObject("error").getString("path"));
        assertEquals("expected an integer >= 1, got 0", results.getJsonObject(1).getJsonObject("error").getString("message"));
        assertEquals("APPROVE", results.getJsonObject(2).getString("outcome"));
    }

    @Test
    void batchOverTheLimit_isA400ProblemSayingWhatWasExpected() throws Exception {
        String thousand = "[" + String.join(",", java.util.Collections.nCopies(dev.dealdesk.json.DealJson.MAX_BATCH, "{}")) + "]";
        HttpResponse<String> atTheLimit = postBatch(thousand);
        assertEquals(200, atTheLimit.statusCode(), atTheLimit.body());
        assertEquals(dev.dealdesk.json.DealJson.MAX_BATCH, Json.createReader(new StringReader(atTheLimit.body())).readArray().size());

        HttpResponse<String> over = postBatch(thousand.replace("[{}", "[{},{}"));
        assertProblem(over, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("", object(over).getString("path"));
        assertEquals("expected an array of at most 1000 deals, got 1001", object(over).getString("detail"));
    }

    @Test
    void theOtherShape_isA400ProblemSayingWhereToSendIt() throws Exception {
        String deal = TestDeals.cleanLand().json();
        HttpResponse<String> array = post("[" + deal + "]");
        assertProblem(array, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("", object(array).getString("path"));
        assertEquals("expected one deal (an object), got an array: send a batch to POST /v1/decisions/batch",
                object(array).getString("detail"));
        HttpResponse<String> one = postBatch(deal);
        assertProblem(one, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("", object(one).getString("path"));
        assertEquals("expected an array of deals, got an object: send one deal to POST /v1/decisions",
                object(one).getString("detail"));
        HttpResponse<String> text = postBatch("\"D-1\"");
        assertProblem(text, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("expected an array of deals, got a string", object(text).getString("detail"));
        HttpResponse<String> get = send("GET", "/v1/decisions/batch", null, null, "s3cret");
        assertProblem(get, 405, "https://dealdesk.dev/problems/method-not-allowed");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void badInput_isA400ProblemNamingThePath() throws Exception {
        HttpResponse<String> invalid = post(TestDeals.cleanLand().set("/customerSuccess/csmAssinged", true).json());
        assertProblem(invalid, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("/customerSuccess/csmAssinged", object(invalid).getString("path"));
        HttpResponse<String> malformed = post("{\"dealId\": ");
        assertProblem(malformed, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("", object(malformed).getString("path"));
    }

    @Test
    void bodyThatIsNotUtf8_isA400Problem() throws Exception {
        byte[] json = TestDeals.cleanLand().set("/dealId", "D-~").json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '~') {
                json[i] = (byte) 0xff;
            }
        }
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.address().getPort() + "/v1/decisions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400, "https://dealdesk.dev/problems/invalid-deal");
        assertEquals("not valid UTF-8 text", object(response).getString("detail"));
    }

    @Test
    void wrongRequests_getTheirProblemStatus() throws Exception {
        assertProblem(send("POST", "/v1/decisions", "text/plain", "{}", "s3cret"), 415, "https://dealdesk.dev/problems/unsupported-media-type");
        assertProblem(post("{\"pad\": \"" + "x".repeat(5000) + "\"}"), 413, "https://dealdesk.dev/problems/too-large");
        assertProblem(get("/v1/nothing"), 404, "https://dealdesk.dev/problems/not-found");
        HttpResponse<String> wrongMethod = send("DELETE", "/v1/policy", null, null, "s3cret");
        assertProblem(wrongMethod, 405, "https://dealdesk.dev/problems/method-not-allowed");
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertProblem(send("GET", "/v1/decisions", null, null, "s3cret"), 405, "https://dealdesk.dev/problems/method-not-allowed");
    }

    @Test
    void token_isRequiredExceptOnProbes() throws Exception {
        HttpResponse<String> missing = send("POST", "/v1/decisions", "application/json", TestDeals.cleanLand().json(), null);
        assertProblem(missing, 401, "https://dealdesk.dev/problems/unauthorized");
        assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(send("GET", "/v1/policy", null, null, "wrong"), 401, "https://dealdesk.dev/problems/unauthorized");
        assertEquals(200, send("GET", "/healthz", null, null, null).statusCode());
        assertEquals(200, send("GET", "/readyz", null, null, null).statusCode());
    }

    @Test
    void statusEndpoints_describeTheService() throws Exception {
        JsonObject policy = object(get("/v1/policy"));
        assertEquals(engine.policy().version(), policy.getString("version"));
        List<String> files = TestEngines.shippedRuleFiles();
        assertEquals(files.size(), policy.getInt("files"));
        assertEquals(files, policy.getJsonArray("fileNames").getValuesAs(JsonString::getString));
        assertTrue(policy.isNull("lastReload"));
        assertEquals("ready", object(get("/readyz")).getString("status"));
        assertEquals(engine.policy().version(), object(get("/readyz")).getString("policy"));
        JsonObject openApi = object(get("/v1/openapi.json"));
        assertEquals("3.0.3", openApi.getString("openapi"));
        assertTrue(openApi.getJsonObject("paths").containsKey("/v1/decisions/{decisionId}"));

        post(TestDeals.cleanLand().json());
        post(TestDeals.cleanLand().set("/contract/pricingModel", "FLAT_FEE").set("/contract/termMonths", 36).json());
        post("{}");
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("dealdesk_decisions_total{outcome=\"APPROVE\"} 1\n"), text);
        assertTrue(text.contains("dealdesk_decisions_total{outcome=\"REJECT\"} 1\n"), text);
        assertTrue(text.contains("dealdesk_invalid_deals_total 1\n"), text);
        assertTrue(text.contains("dealdesk_evaluation_seconds_count 2\n"), text);
        assertTrue(text.contains("dealdesk_evaluation_seconds_bucket{le=\"+Inf\"} 2\n"), text);
        assertTrue(text.contains("dealdesk_audit_appends_total 2\n"), text);
        assertTrue(text.contains("dealdesk_policy_reloads_total{result=\"failed\"} 0\n"), text);
    }

    @Test
    void getOpenApi_isTheDescriptionMadeFromTheDealSchemaReadBy() throws Exception {
        assertEquals(OpenApiDescription.of(engine.dealSchema().document(), true), object(get("/v1/openapi.json")));
    }
}
