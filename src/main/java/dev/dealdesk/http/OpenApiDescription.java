package dev.dealdesk.http;

import static java.util.Objects.requireNonNull;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service's OpenAPI 3.0.3 description. The operations and the schemas of what the service
 * answers (decision, finding, problem, policy status) are written in {@code openapi.json}; the deal's
 * schema is converted from the deal's JSON Schema (2020-12) each time, so the description says what
 * the reader enforces and nothing else, custom fields included.
 *
 * <p>The conversion, keyword by keyword: {@code type: [t, "null"]} becomes {@code type: t} with
 * {@code nullable: true}, and {@code null} leaves such a member's {@code enum}; {@code $schema} and
 * {@code $id} are dropped, and so is an empty {@code required} (OpenAPI 3.0 wants at least one name);
 * every other keyword is carried over as it is. Each object, the deal's members and array items
 * included, becomes a named component schema (its member name capitalised, {@code Item} added for
 * the items of an array: {@code Seller}, {@code ExpansionMapItem}), so generated clients get one
 * class per object; a name the description already holds is prefixed with its parent's.
 *
 * <p>A batch's results are one {@code BatchResult} schema: the members of a decision and of an
 * element error, none required, since a result is one or the other. A {@code oneOf} of the two
 * without a discriminator is what Java clients generated from the description cannot deserialize
 * (both classes take either object) and what Salesforce External Services refuse. Stateless and
 * thread-safe.
 */
public final class OpenApiDescription {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String BATCH_RESULT = "BatchResult";
    private static final JsonObject TEMPLATE = template();

    private OpenApiDescription() {
    }

    /**
     * The full description.
     *
     * @param dealSchema    the deal's JSON Schema document, in the subset {@link dev.dealdesk.json.DealSchema} loads
     * @param tokenRequired whether clients must send a bearer token: only then does the description
     *                      declare bearer auth, and a 401 on every operation it covers (all but the probes)
     * @return an OpenAPI 3.0.3 document, members in a stable order
     */
    public static JsonObject of(JsonObject dealSchema, boolean tokenRequired) {
        requireNonNull(dealSchema, "dealSchema");
        Map<String, JsonValue> template = TEMPLATE.getJsonObject("components").getJsonObject("schemas");
        Set<String> taken = new HashSet<>(template.keySet());
        taken.add(BATCH_RESULT);
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        new Converter(taken, schemas).component("Deal", dealSchema);
        JsonObjectBuilder all = JSON.createObjectBuilder();
        schemas.forEach(all::add);
        template.forEach(all::add);
        all.add(BATCH_RESULT, batchResult(template));

        JsonObjectBuilder components = JSON.createObjectBuilder(TEMPLATE.getJsonObject("components")).add("schemas", all);
        JsonObjectBuilder description = JSON.createObjectBuilder(TEMPLATE);
        if (tokenRequired) {
            description.add("paths", unauthorizedAnswered(TEMPLATE.getJsonObject("paths")));
        } else {
            description.remove("security");
            components.remove("securitySchemes");
            components.add("responses", JSON.createObjectBuilder(TEMPLATE.getJsonObject("components")
                    .getJsonObject("responses")).remove("Unauthorized"));
        }
        return description.add("components", components).build();
    }

    /** One result of a batch: every member of a decision and of an element error, none required. */
    private static JsonObject batchResult(Map<String, JsonValue> schemas) {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        for (String name : new String[] {"Decision", "ElementError"}) {
            schemas.get(name).asJsonObject().getJsonObject("properties").forEach(properties::add);
        }
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add("description", "One deal's result in a batch: its decision (the members of Decision), or, for a deal"
                        + " that is not valid or that the policy could not decide, error alone (as in ElementError).")
                .add("properties", properties)
                .add("additionalProperties", false)
                .build();
    }

    /** {@code paths} with a 401 answer on every operation that does not waive the bearer token. */
    private static JsonObject unauthorizedAnswered(JsonObject paths) {
        JsonObjectBuilder answered = JSON.createObjectBuilder();
        paths.forEach((path, item) -> {
            JsonObjectBuilder members = JSON.createObjectBuilder();
            item.asJsonObject().forEach((name, value) -> members.add(name, !secured(value) ? value
                    : JSON.createObjectBuilder(value.asJsonObject()).add("responses",
                            JSON.createObjectBuilder(value.asJsonObject().getJsonObject("responses")).add("401",
                                    JSON.createObjectBuilder().add("$ref", "#/components/responses/Unauthorized")))
                            .build()));
            answered.add(path, members);
        });
        return answered.build();
    }

    /** Whether {@code value}, a member of a path item, is an operation that takes the bearer token. */
    private static boolean secured(JsonValue value) {
        return value instanceof JsonObject operation && operation.containsKey("responses")
                && !(operation.containsKey("security") && operation.getJsonArray("security").isEmpty());
    }

    /** Converts a JSON Schema and its objects into component schemas, named apart from {@code taken}. */
    private record Converter(Set<String> taken, Map<String, JsonObject> out) {

        private static final JsonValue NULL = JSON.createValue("null");
        private static final JsonValue OBJECT = JSON.createValue("object");

        /** Adds {@code schema} as the component {@code name}, its objects as components of their own. */
        void component(String name, JsonObject schema) {
            out.put(name, JsonValue.EMPTY_JSON_OBJECT); // claimed before its members claim theirs
            out.put(name, convert(name, name, schema));
        }

        /**
         * @param owner the component {@code schema} is in, whose name prefixes a taken name
         * @param self  the name {@code schema} is known by, which its array items are named after
         */
        private JsonObject convert(String owner, String self, JsonObject schema) {
            boolean nullable = schema.get("type") instanceof JsonArray types && types.contains(NULL);
            JsonObjectBuilder converted = JSON.createObjectBuilder();
            schema.forEach((keyword, value) -> {
                switch (keyword) {
                    case "$schema", "$id" -> { }
                    case "type" -> {
                        converted.add("type", nullable ? nonNull(value.asJsonArray()) : value);
                        if (nullable) {
                            converted.add("nullable", true);
                        }
                    }
                    case "enum" -> converted.add("enum", nullable ? withoutNull(value.asJsonArray()) : value);
                    case "required" -> {
                        if (!value.asJsonArray().isEmpty()) {
                            converted.add("required", value);
                        }
                    }
                    case "properties" -> {
                        JsonObjectBuilder properties = JSON.createObjectBuilder();
                        value.asJsonObject().forEach((member, subschema) ->
                                properties.add(member, member(owner, capitalised(member), subschema.asJsonObject())));
                        converted.add("properties", properties);
                    }
                    case "items" -> converted.add("items", member(owner, self + "Item", value.asJsonObject()));
                    default -> converted.add(keyword, value);
                }
            });
            return converted.build();
        }

        /** A member's schema: a reference to a component of its own for an object, else converted in place. */
        private JsonObject member(String owner, String name, JsonObject schema) {
            JsonValue type = schema.get("type");
            if (!OBJECT.equals(type) && !(type instanceof JsonArray types && types.contains(OBJECT))) {
                return convert(owner, name, schema);
            }
            String component = name;
            for (int n = 1; taken.contains(component) || out.containsKey(component); n++) {
                component = owner + name + (n == 1 ? "" : Integer.toString(n));
            }
            component(component, schema);
            return JSON.createObjectBuilder().add("$ref", SCHEMAS + component).build();
        }

        private static JsonValue nonNull(JsonArray types) {
            return types.stream().filter(type -> !type.equals(NULL)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("a type that is null alone: " + types));
        }

        private static JsonArray withoutNull(JsonArray values) {
            JsonArrayBuilder kept = JSON.createArrayBuilder();
            values.stream().filter(value -> value.getValueType() != JsonValue.ValueType.NULL).forEach(kept::add);
            return kept.build();
        }
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static JsonObject template() {
        try (InputStream in = OpenApiDescription.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("resource missing: /openapi.json");
            }
            return JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /openapi.json", e);
        }
    }
}
