package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description the service serves is valid OpenAPI as a standard parser reads it, its
 * deal is the deal's JSON Schema with nothing left bare, and it describes every answer.
 */
class OpenApiContractTest {

    private static final String SCHEMAS = "#/components/schemas/";

    private static JsonObject described(boolean tokenRequired) {
        return OpenApiDescription.of(CustomFieldsSchema.NONE.dealSchema().document(), tokenRequired);
    }

    private static OpenAPI parsed(JsonObject description) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(JsonWriter.text(description), null, options);
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    private static JsonObject schemas(JsonObject description) {
        return description.getJsonObject("components").getJsonObject("schemas");
    }

    @ParameterizedTest(name = "token required: {0}")
    @ValueSource(booleans = {true, false})
    void description_parsesWithoutAMessage_andEveryOperationHasAnId(boolean tokenRequired) {
        OpenAPI api = parsed(described(tokenRequired));
        List<String> ids = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertNotNull(operation.getOperationId(), method + " " + path);
            ids.add(operation.getOperationId());
        }));
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        assertEquals("decideDeal", api.getPaths().get("/v1/decisions").getPost().getOperationId());
        assertEquals("decideDeals", api.getPaths().get("/v1/decisions/batch").getPost().getOperationId());
    }

    @Test
    void decideDeal_takesOneDeal_andDecideDeals_anArrayOfAtMostTheBatchLimit() {
        OpenAPI api = parsed(described(false));
        Schema<?> one = api.getPaths().get("/v1/decisions").getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        assertEquals(SCHEMAS + "Deal", one.get$ref());
        Schema<?> batch = api.getPaths().get("/v1/decisions/batch").getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        assertEquals("array", batch.getType());
        assertEquals(DealJson.MAX_BATCH, batch.getMaxItems());
        assertEquals(SCHEMAS + "Deal", batch.getItems().get$ref());
        Schema<?> results = api.getPaths().get("/v1/decisions/batch").getPost().getResponses().get("200").getContent()
                .get("application/json").getSchema();
        assertEquals(SCHEMAS + "BatchResult", results.getItems().get$ref());
    }

    @ParameterizedTest(name = "token required: {0}")
    @ValueSource(booleans = {true, false})
    void everyOperation_describesA4xxAnd5xxProblem_and401OnlyWithAToken(boolean tokenRequired) {
        OpenAPI api = parsed(described(tokenRequired));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<String> codes = operation.getResponses().keySet();
            String where = method + " " + path + " " + codes;
            assertTrue(codes.stream().anyMatch(code -> code.startsWith("4")), where);
            assertTrue(codes.stream().anyMatch(code -> code.startsWith("5")), where);
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            assertEquals(tokenRequired && !open, codes.contains("401"), where);
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    String ref = response.get$ref() != null ? response.get$ref() : null;
                    Schema<?> problem = (ref != null ? api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1))
                            : response).getContent().get("application/problem+json").getSchema();
                    assertEquals(SCHEMAS + "Problem", problem.get$ref(), where + " " + code);
                }
            });
        }));
    }

    @Test
    void everySchemaReachableFromTheDeal_isTypedAndClosed() {
        JsonObject schemas = schemas(described(false));
        Set<String> reached = new LinkedHashSet<>();
        walk(schemas, Json.createObjectBuilder().add("$ref", SCHEMAS + "Deal").build(), "Deal", reached);
        assertTrue(reached.containsAll(List.of("Deal", "Seller", "ValueProof", "ExpansionMapItem", "CustomerStrategy",
                "PhasesItem", "Sizing", "CustomerSuccess", "Ownership", "Contract", "Expansion")), reached.toString());
    }

    /** Asserts {@code schema}, at {@code where}, and all it leads to have a type, and that every object lists its members and no more. */
    private static void walk(JsonObject schemas, JsonObject schema, String where, Set<String> reached) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring(SCHEMAS.length());
            if (reached.add(name)) {
                walk(schemas, schemas.getJsonObject(name), name, reached);
            }
            return;
        }
        assertTrue(schema.containsKey("type"), where + " has no type: " + schema);
        assertEquals(JsonValue.ValueType.STRING, schema.get("type").getValueType(), where + " " + schema);
        if (schema.getString("type").equals("object")) {
            // Only the custom fields of a policy that declares none may be an object of no members (closed: {} only).
            assertTrue(!schema.getJsonObject("properties").isEmpty() || where.equals("Custom"), where + " is a bare object");
            assertEquals(JsonValue.FALSE, schema.get("additionalProperties"), where + " is open");
            schema.getJsonObject("properties").forEach((member, value) ->
                    walk(schemas, value.asJsonObject(), where + "." + member, reached));
        }
        if (schema.getString("type").equals("array")) {
            walk(schemas, schema.getJsonObject("items"), where + "[]", reached);
        }
    }

    @Test
    void objectsWithoutMembers_areOnlyThoseOpenOnPurpose() {
        Set<String> open = new TreeSet<>();
        findOpen(described(true), "", open);
        assertEquals(Set.of(
                "/components/schemas/Finding/properties/evidence",
                "/components/schemas/Receipt/properties/deal",
                "/components/schemas/Draft/properties/thresholds",
                "/components/schemas/WhatIfReport/properties/bySegment",
                "/components/schemas/WhatIfReport/properties/codesGained",
                "/components/schemas/WhatIfReport/properties/codesLost",
                "/paths/~1v1~1openapi.json/get/responses/200/content/application~1json/schema",
                "/paths/~1v1~1schema~1deal.json/get/responses/200/content/application~1schema+json/schema"), open);
    }

    /**
     * Collects the JSON Pointers of object schemas without properties; each must say it is open, or
     * be a map whose values have a schema.
     */
    private static void findOpen(JsonValue value, String pointer, Set<String> open) {
        if (value instanceof JsonObject object) {
            if (object.get("type") != null && object.get("type").equals(Json.createValue("object"))
                    && !object.containsKey("properties")) {
                JsonValue members = object.get("additionalProperties");
                assertTrue(JsonValue.TRUE.equals(members) || members instanceof JsonObject, pointer + " is a bare object");
                open.add(pointer);
            }
            object.forEach((name, member) -> findOpen(member, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), open));
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                findOpen(array.get(i), pointer + "/" + i, open);
            }
        }
    }

    @Test
    void theDealSchema_isConvertedKeywordForKeyword() {
        JsonObject schemas = schemas(described(false));
        JsonObject deal = schemas.getJsonObject("Deal");
        JsonObject source = CustomFieldsSchema.NONE.dealSchema().document();
        assertFalse(deal.containsKey("$schema") || deal.containsKey("$id"), deal.keySet().toString());
        assertEquals(source.getJsonArray("required"), deal.getJsonArray("required"));
        assertEquals(source.getJsonObject("properties").keySet(), deal.getJsonObject("properties").keySet());
        assertEquals(Json.createObjectBuilder().add("description", "Customer segment.").add("type", "string")
                .add("enum", Json.createArrayBuilder().add("SMB").add("MID_MARKET").add("ENTERPRISE")).build(),
                deal.getJsonObject("properties").getJsonObject("segment"));
        JsonObject touchModel = deal.getJsonObject("properties").getJsonObject("touchModel");
        assertEquals("string", touchModel.getString("type"));
        assertEquals(true, touchModel.getBoolean("nullable"));
        assertEquals(List.of("HIGH_TOUCH", "SELF_SERVE"), touchModel.getJsonArray("enum").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("HIGH_TOUCH", touchModel.getString("default"));
        JsonObject valueProof = schemas.getJsonObject("ValueProof");
        assertEquals(true, valueProof.getBoolean("nullable"));
        assertFalse(valueProof.containsKey("required"), "an empty required is no OpenAPI 3.0");
        JsonObject quarter = schemas.getJsonObject("ExpansionMapItem").getJsonObject("properties").getJsonObject("targetQuarter");
        assertEquals("^[0-9]{4}-Q[1-4]$", quarter.getString("pattern"));
        assertEquals(1000, deal.getJsonObject("properties").getJsonObject("expansionMap").getInt("maxItems"));
    }

    @Test
    void aDealSchemaWithCustomFields_isDescribedWithThem() {
        JsonObject custom = Json.createObjectBuilder()
                .add("description", "Fields RevOps declared.")
                .add("type", Json.createArrayBuilder().add("object").add("null"))
                .add("additionalProperties", false)
                .add("properties", Json.createObjectBuilder()
                        .add("discountPercent", Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("number").add("null"))
                                .add("minimum", 0).add("maximum", 100))
                        .add("billing", Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("string").add("null"))
                                .add("enum", Json.createArrayBuilder().add("MONTHLY").add("ANNUAL").addNull())))
                .build();
        JsonObject source = CustomFieldsSchema.NONE.dealSchema().document();
        JsonObject withCustom = Json.createObjectBuilder(source).add("properties",
                Json.createObjectBuilder(source.getJsonObject("properties")).add("custom", custom)).build();

        JsonObject description = OpenApiDescription.of(withCustom, false);

        parsed(description);
        JsonObject schemas = schemas(description);
        assertEquals(SCHEMAS + "Custom", schemas.getJsonObject("Deal").getJsonObject("properties").getJsonObject("custom").getString("$ref"));
        JsonObject converted = schemas.getJsonObject("Custom");
        assertEquals(true, converted.getBoolean("nullable"));
        assertEquals(Json.createObjectBuilder().add("type", "number").add("nullable", true).add("minimum", 0).add("maximum", 100).build(),
                converted.getJsonObject("properties").getJsonObject("discountPercent"));
        assertEquals(Json.createArrayBuilder().add("MONTHLY").add("ANNUAL").build(),
                converted.getJsonObject("properties").getJsonObject("billing").getJsonArray("enum"));
        Set<String> reached = new LinkedHashSet<>();
        walk(schemas, Json.createObjectBuilder().add("$ref", SCHEMAS + "Deal").build(), "Deal", reached);
        assertTrue(reached.contains("Custom"), reached.toString());
    }

    @Test
    void anObjectNamedLikeADescribedSchema_getsItsParentsNameInFront() {
        JsonObject problem = Json.createObjectBuilder().add("type", "object").add("additionalProperties", false)
                .add("properties", Json.createObjectBuilder().add("note", Json.createObjectBuilder().add("type", "string")))
                .build();
        JsonObject source = CustomFieldsSchema.NONE.dealSchema().document();
        JsonObject schema = Json.createObjectBuilder(source).add("properties",
                Json.createObjectBuilder(source.getJsonObject("properties")).add("problem", problem).add("batchResult", problem)).build();

        JsonObject schemas = schemas(OpenApiDescription.of(schema, false));

        assertEquals(SCHEMAS + "DealProblem", schemas.getJsonObject("Deal").getJsonObject("properties").getJsonObject("problem").getString("$ref"));
        assertEquals(SCHEMAS + "DealBatchResult", schemas.getJsonObject("Deal").getJsonObject("properties").getJsonObject("batchResult").getString("$ref"));
        assertTrue(schemas.getJsonObject("Problem").containsKey("required"), "the service's Problem is left as it is");
        assertTrue(schemas.getJsonObject("BatchResult").getJsonObject("properties").containsKey("outcome"), "and so is BatchResult");
    }

    @Test
    void decisionFindingErrorAndProblem_carryEveryMemberTheDescriptionRequires() {
        JsonObject schemas = schemas(described(false));
        JsonObject decision = DecisionJson.toJson(TestEngines.shipped()
                .evaluate(TestDeals.cleanLand().set("/valueProof/windowDays", 120).deal()));
        assertRequired(schemas.getJsonObject("Decision"), decision);
        assertRequired(schemas.getJsonObject("Decision").getJsonObject("properties").getJsonObject("policy"),
                decision.getJsonObject("policy"));
        assertFalse(decision.getJsonArray("findings").isEmpty());
        decision.getJsonArray("findings").forEach(finding -> assertRequired(schemas.getJsonObject("Finding"), finding.asJsonObject()));
        JsonObject error = DecisionJson.error(null, "/1/acv", "expected a number >= 0");
        assertRequired(schemas.getJsonObject("ElementError"), error);
        assertRequired(schemas.getJsonObject("ElementError").getJsonObject("properties").getJsonObject("error"),
                error.getJsonObject("error"));
        assertRequired(schemas.getJsonObject("BatchResult"), decision);
        assertRequired(schemas.getJsonObject("BatchResult"), error);
        JsonObject problem = Json.createReader(new StringReader(
                Problem.of(503, "busy", "The service is busy", "send again").json())).readObject();
        assertRequired(schemas.getJsonObject("Problem"), problem);
    }

    private static void assertRequired(JsonObject schema, JsonObject json) {
        for (JsonValue member : schema.getOrDefault("required", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            String name = ((jakarta.json.JsonString) member).getString();
            assertTrue(json.containsKey(name), name + " in " + json);
        }
        assertTrue(schema.getJsonObject("properties").keySet().containsAll(json.keySet()), json.keySet() + " documented");
    }

    @Test
    void servedWithoutAToken_theDescriptionDeclaresNoBearerAuth_andStillParses() throws Exception {
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).build();
             DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults())) {
            String served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.address().getPort() + "/v1/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonObject description = Json.createReader(new StringReader(served)).readObject();
            assertEquals(described(false), description);
            OpenAPI api = parsed(description);
            assertEquals(null, api.getSecurity());
            assertEquals(null, api.getComponents().getSecuritySchemes());
            assertFalse(api.getComponents().getResponses().containsKey("Unauthorized"));
        }
    }

    @Test
    void withAToken_everyOperationButTheProbesIsSecured() {
        OpenAPI api = parsed(described(true));
        assertEquals(List.of(Map.of("bearer", List.of())), api.getSecurity().stream().map(Map::copyOf).toList());
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
        assertEquals(List.of(), api.getPaths().get("/healthz").getGet().getSecurity());
        assertEquals(List.of(), api.getPaths().get("/readyz").getGet().getSecurity());
    }
}
