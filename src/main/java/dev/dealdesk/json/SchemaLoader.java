package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.SchemaNode.ArrayNode;
import dev.dealdesk.json.SchemaNode.BooleanNode;
import dev.dealdesk.json.SchemaNode.NumberNode;
import dev.dealdesk.json.SchemaNode.ObjectNode;
import dev.dealdesk.json.SchemaNode.StringNode;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a schema document into {@link SchemaNode}s, refusing every keyword, and every use of one,
 * that the nodes do not enforce (the subset is listed on {@link DealSchema}). Stateless.
 */
final class SchemaLoader {

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Each keyword a subschema may hold, and the types it applies to ({@code "any"} for all). */
    private static final Map<String, Set<String>> KEYWORDS = Map.ofEntries(
            Map.entry("type", Set.of("any")), Map.entry("title", Set.of("any")),
            Map.entry("description", Set.of("any")), Map.entry("default", Set.of("any")),
            Map.entry("properties", Set.of("object")), Map.entry("required", Set.of("object")),
            Map.entry("additionalProperties", Set.of("object")),
            Map.entry("items", Set.of("array")), Map.entry("maxItems", Set.of("array")),
            Map.entry("enum", Set.of("string")), Map.entry("pattern", Set.of("string")),
            Map.entry("format", Set.of("string")), Map.entry("minimum", Set.of("number", "integer")),
            Map.entry("maximum", Set.of("number", "integer")));
    private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean");

    private SchemaLoader() {
    }

    /** @throws IllegalArgumentException naming the schema location (a JSON Pointer) of the first thing refused */
    static SchemaNode load(JsonObject document) {
        JsonValue dialect = document.get("$schema");
        if (!(dialect instanceof JsonString text) || !text.getString().equals(DIALECT)) {
            throw refused("", "$schema must be \"" + DIALECT + "\"");
        }
        JsonValue id = document.get("$id");
        if (id != null && !absoluteUri(id)) {
            throw refused("/$id", "$id must be an absolute URI");
        }
        return node(document, "", true);
    }

    private static SchemaNode node(JsonValue value, String at, boolean root) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw refused(at, "expected a schema object, got " + JsonFields.describe(value));
        }
        JsonObject schema = value.asJsonObject();
        String type = type(schema.get("type"), at);
        for (String keyword : schema.keySet()) {
            Set<String> appliesTo = KEYWORDS.get(keyword);
            if (appliesTo == null && !(root && ROOT_KEYWORDS.contains(keyword))) {
                throw refused(JsonFields.child(at, keyword), "unsupported keyword \"" + keyword + "\"; supported: "
                        + String.join(", ", new TreeSet<>(KEYWORDS.keySet())) + ", and $schema and $id at the root");
            }
            if (appliesTo != null && !appliesTo.contains("any") && !appliesTo.contains(type)) {
                throw refused(JsonFields.child(at, keyword), "\"" + keyword + "\" does not apply to type " + type);
            }
        }
        text(schema, "title", at);
        text(schema, "description", at);
        boolean nullable = schema.get("type").getValueType() == JsonValue.ValueType.ARRAY;
        SchemaNode node = switch (type) {
            case "object" -> ObjectNode.of(nullable, properties(schema, at), required(schema, at), closed(schema, at));
            case "array" -> new ArrayNode(nullable, schema.containsKey("maxItems") ? count(schema.get("maxItems"), at)
                    : ArrayNode.UNBOUNDED, schema.containsKey("items") ? node(schema.get("items"), at + "/items", false) : null);
            case "string" -> string(schema, at, nullable);
            case "boolean" -> new BooleanNode(nullable);
            default -> number(schema, at, nullable, type.equals("integer"));
        };
        JsonValue defaultValue = schema.get("default");
        if (defaultValue != null) {
            try {
                node.check(defaultValue, "", null);
            } catch (InvalidDealException e) {
                throw refused(at + "/default", "the default does not conform: " + e.problem());
            }
        }
        return node;
    }

    /** The one type besides null: {@code type} is a type name, or an array of one type name and {@code "null"}. */
    private static String type(JsonValue type, String at) {
        List<String> names = new ArrayList<>();
        if (type instanceof JsonString name) {
            names.add(name.getString());
        } else if (type != null && type.getValueType() == JsonValue.ValueType.ARRAY) {
            type.asJsonArray().forEach(name -> names.add(name instanceof JsonString text ? text.getString() : ""));
        }
        boolean oneType = names.size() == 1 && TYPES.contains(names.get(0));
        boolean oneAndNull = names.size() == 2 && names.get(1).equals("null") && TYPES.contains(names.get(0));
        if (!oneType && !oneAndNull) {
            throw refused(at + "/type", "type must name one of " + String.join(", ", new TreeSet<>(TYPES))
                    + ", alone or as [type, \"null\"]");
        }
        return names.get(0);
    }

    private static Map<String, SchemaNode> properties(JsonObject schema, String at) {
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        JsonValue declared = schema.get("properties");
        if (declared != null) {
            if (declared.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(at + "/properties", "properties must be an object");
            }
            declared.asJsonObject().forEach((name, property) ->
                    properties.put(name, node(property, JsonFields.child(at + "/properties", name), false)));
        }
        return properties;
    }

    private static Set<String> required(JsonObject schema, String at) {
        Set<String> required = new LinkedHashSet<>();
        JsonValue names = schema.get("required");
        if (names != null) {
            JsonValue properties = schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT);
            if (names.getValueType() != JsonValue.ValueType.ARRAY) {
                throw refused(at + "/required", "required must be an array of property names");
            }
            for (JsonValue name : names.asJsonArray()) {
                if (!(name instanceof JsonString text) || !required.add(text.getString())
                        || !properties.asJsonObject().containsKey(text.getString())) {
                    throw refused(at + "/required", "required must list declared properties, each once; got " + name);
                }
            }
        }
        return Set.copyOf(required);
    }

    /** Only {@code additionalProperties: false} is supported: a closed object. */
    private static boolean closed(JsonObject schema, String at) {
        JsonValue additional = schema.get("additionalProperties");
        if (additional != null && additional != JsonValue.FALSE) {
            throw refused(at + "/additionalProperties", "additionalProperties may only be false");
        }
        return additional != null;
    }

    private static StringNode string(JsonObject schema, String at, boolean nullable) {
        int constraints = (schema.containsKey("enum") ? 1 : 0) + (schema.containsKey("pattern") ? 1 : 0)
                + (schema.containsKey("format") ? 1 : 0);
        if (constraints > 1) {
            throw refused(at, "a string may have one of enum, pattern and format");
        }
        List<String> constants = schema.containsKey("enum") ? constants(schema.get("enum"), at + "/enum", nullable) : null;
        JsonValue format = schema.get("format");
        if (format != null && !(format instanceof JsonString text && text.getString().equals("date"))) {
            throw refused(at + "/format", "format may only be \"date\"");
        }
        Pattern pattern = null;
        String title = text(schema, "title", at);
        if (schema.containsKey("pattern")) {
            if (title == null) {
                throw refused(at, "a pattern needs a title, which names the form in messages");
            }
            try {
                pattern = EcmaPattern.compile(text(schema, "pattern", at));
            } catch (PatternSyntaxException e) {
                throw refused(at + "/pattern", "not a regular expression: " + e.getDescription());
            }
        }
        return new StringNode(nullable, constants, pattern, title, format != null);
    }

    /** The strings of an {@code enum}, which lists null exactly when the type allows it. */
    private static List<String> constants(JsonValue values, String at, boolean nullable) {
        List<String> constants = new ArrayList<>();
        boolean listsNull = false;
        if (values.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : values.asJsonArray()) {
                if (value instanceof JsonString text && !constants.contains(text.getString())) {
                    constants.add(text.getString());
                } else if (value == JsonValue.NULL && !listsNull) {
                    listsNull = true;
                } else {
                    throw refused(at, "enum may list only distinct strings (and null), got " + value);
                }
            }
        }
        if (constants.isEmpty() || listsNull != nullable) {
            throw refused(at, "enum must be an array of strings, with null exactly when the type allows null");
        }
        return List.copyOf(constants);
    }

    private static NumberNode number(JsonObject schema, String at, boolean nullable, boolean integer) {
        BigDecimal minimum = bound(schema, "minimum", at);
        BigDecimal maximum = bound(schema, "maximum", at);
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            throw refused(at + "/maximum", "maximum must not be under minimum");
        }
        return new NumberNode(nullable, integer, minimum, maximum);
    }

    private static BigDecimal bound(JsonObject schema, String keyword, String at) {
        JsonValue bound = schema.get(keyword);
        if (bound != null && bound.getValueType() != JsonValue.ValueType.NUMBER) {
            throw refused(at + "/" + keyword, keyword + " must be a number");
        }
        return bound == null ? null : ((JsonNumber) bound).bigDecimalValue();
    }

    private static int count(JsonValue value, String at) {
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigDecimalValue().signum() >= 0
                && number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
            return number.intValue();
        }
        throw refused(at + "/maxItems", "maxItems must be an integer >= 0");
    }

    private static String text(JsonObject schema, String keyword, String at) {
        JsonValue value = schema.get(keyword);
        if (value != null && value.getValueType() != JsonValue.ValueType.STRING) {
            throw refused(at + "/" + keyword, keyword + " must be a string");
        }
        return value == null ? null : ((JsonString) value).getString();
    }

    private static boolean absoluteUri(JsonValue id) {
        try {
            return id instanceof JsonString text && new URI(text.getString()).isAbsolute();
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    private static IllegalArgumentException refused(String at, String problem) {
        return new IllegalArgumentException("schema " + (at.isEmpty() ? "root" : at) + ": " + problem);
    }
}
