package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.decision.EvaluationBudget;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deal past the evaluation budget is that request's 500 problem, or that element's error in a batch; the service goes on. */
class HttpBudgetTest {

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(DecisionService service, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.address().getPort() + path));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDealPastTheBudget_isA500Problem_andABatchElementError_andTheServiceGoesOn() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("endless.drl", TestEngines.ENDLESS);
        String clean = TestDeals.cleanLand().json();
        String endless = TestDeals.cleanLand().set("/dealId", "endless").json();
        try (DealDesk engine = DealDesk.builder().rules(rules.directory())
                .budget(new EvaluationBudget(200, Duration.ofSeconds(5))).build();
             DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults())) {
            HttpResponse<String> one = send(service, "POST", "/v1/decisions", endless);
            assertEquals(500, one.statusCode(), one.body());
            assertEquals("application/problem+json", one.headers().firstValue("Content-Type").orElse(""));
            JsonObject problem = Json.createReader(new StringReader(one.body())).readObject();
            assertTrue(problem.getString("detail").contains("its rules fired 200 times without coming to rest"), one.body());
            assertTrue(problem.getString("detail").contains("\"Echo\""), one.body());

            HttpResponse<String> batch = send(service, "POST", "/v1/decisions/batch", "[" + clean + "," + endless + "," + clean + "]");
            assertEquals(200, batch.statusCode(), batch.body());
            JsonArray results = Json.createReader(new StringReader(batch.body())).readArray();
            assertEquals("APPROVE", results.getJsonObject(0).getString("outcome"));
            assertEquals("/1", results.getJsonObject(1).getJsonObject("error").getString("path"));
            assertEquals("APPROVE", results.getJsonObject(2).getString("outcome"));

            assertEquals(200, send(service, "GET", "/healthz", null).statusCode());
            assertEquals(200, send(service, "POST", "/v1/decisions", clean).statusCode());
        }
    }
}
