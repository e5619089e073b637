package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI description the service serves is valid OpenAPI, as a standard parser reads it. */
class OpenApiContractTest {

    @Test
    void description_parsesWithoutAMessage_andEveryOperationHasAnId() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                Files.readString(Path.of("src/main/resources/openapi.json")), null, options);
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        List<String> ids = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertNotNull(operation.getOperationId(), method + " " + path);
            ids.add(operation.getOperationId());
        }));
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
    }

    @Test
    void decisionFindingErrorAndProblem_carryEveryMemberTheDescriptionRequires() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(Path.of("src/main/resources/openapi.json"))).getOpenAPI();
        java.util.Map<String, io.swagger.v3.oas.models.media.Schema> schemas = api.getComponents().getSchemas();
        jakarta.json.JsonObject decision = dev.dealdesk.json.DecisionJson.toJson(dev.dealdesk.TestEngines.shipped()
                .evaluate(dev.dealdesk.TestDeals.cleanLand().set("/valueProof/windowDays", 120).deal()));
        assertRequired(schemas.get("Decision"), decision);
        assertRequired((io.swagger.v3.oas.models.media.Schema<?>) schemas.get("Decision").getProperties().get("policy"),
                decision.getJsonObject("policy"));
        assertEquals(false, decision.getJsonArray("findings").isEmpty());
        decision.getJsonArray("findings").forEach(finding -> assertRequired(schemas.get("Finding"), finding.asJsonObject()));
        jakarta.json.JsonObject error = dev.dealdesk.json.DecisionJson.error(null, "/1/acv", "expected a number >= 0");
        assertRequired(schemas.get("ElementError"), error);
        assertRequired((io.swagger.v3.oas.models.media.Schema<?>) schemas.get("ElementError").getProperties().get("error"),
                error.getJsonObject("error"));
        jakarta.json.JsonObject problem = jakarta.json.Json.createReader(new java.io.StringReader(
                Problem.of(503, "busy", "The service is busy", "send again").json())).readObject();
        assertRequired(schemas.get("Problem"), problem);
    }

    @Test
    void servedWithoutAToken_theDescriptionDeclaresNoBearerAuth_andStillParses() throws Exception {
        try (dev.dealdesk.DealDesk engine = dev.dealdesk.DealDesk.builder().rules(dev.dealdesk.TestEngines.SHIPPED_RULES).build();
             DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults())) {
            String served = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + service.address().getPort() + "/v1/openapi.json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, new ParseOptions());
            assertEquals(List.of(), result.getMessages());
            assertEquals(null, result.getOpenAPI().getSecurity());
            assertEquals(null, result.getOpenAPI().getComponents().getSecuritySchemes());
        }
    }

    private static void assertRequired(io.swagger.v3.oas.models.media.Schema<?> schema, jakarta.json.JsonObject json) {
        assertNotNull(schema.getRequired(), schema.getName());
        for (String member : schema.getRequired()) {
            assertEquals(true, json.containsKey(member), member + " in " + json);
        }
        assertEquals(schema.getProperties().keySet().containsAll(json.keySet()), true, json.keySet() + " documented");
    }
}
