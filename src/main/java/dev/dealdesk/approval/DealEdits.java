package dev.dealdesk.approval;

import dev.dealdesk.decision.Fix;
import dev.dealdesk.json.DealSchema;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies fixes to a deal's JSON: each sets or bounds one value at a JSON Pointer, creating the
 * objects above it when they are absent. Texts the AE must supply are placeholders in angle
 * brackets ({@code "<sponsor>"}). Stateless apart from the deal's schema, which says what an added
 * object holds and whether a number is an integer.
 */
final class DealEdits {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final DealSchema schema;

    DealEdits(DealSchema schema) {
        this.schema = schema;
    }

    /**
     * The deal with every fix applied: objects and entries first (outermost first), then values.
     *
     * @throws IllegalArgumentException when a fix's path leads nowhere in the deal's schema
     */
    JsonObject apply(JsonObject deal, List<Fix> fixes) {
        JsonObject edited = deal;
        List<Fix> ordered = new ArrayList<>(fixes);
        ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (Fix fix : ordered) {
            edited = apply(edited, fix);
        }
        return edited;
    }

    private static int rank(Fix fix) {
        int depth = fix.path().split("/").length;
        return switch (fix.kind()) {
            case ADD, ENTRIES -> depth;
            default -> 1_000 + depth;
        };
    }

    private JsonObject apply(JsonObject deal, Fix fix) {
        String path = fix.path();
        String type = schema.type(path);
        JsonValue current = at(deal, path);
        JsonValue next = switch (fix.kind()) {
            case AT_LEAST -> current instanceof JsonNumber number && number.bigDecimalValue().compareTo(bound(fix, type)) >= 0
                    ? current : JSON.createValue(bound(fix, type));
            case AT_MOST -> current instanceof JsonNumber number && number.bigDecimalValue().compareTo(bound(fix, type)) <= 0
                    ? current : JSON.createValue(bound(fix, type));
            case TO -> json(fix.value());
            case FILL -> JSON.createValue(placeholder(path));
            case ADD -> current instanceof JsonObject ? current : placeholders(path);
            case ENTRIES -> entries(current, path, (Integer) fix.value());
        };
        if (!kind(type).equals(kind(next))) {
            throw new IllegalArgumentException("a " + fix.kind() + " fix does not apply to " + path + ", a " + type);
        }
        return (JsonObject) set(deal, tokens(path), 0, next);
    }

    /** The kind of JSON value a schema type holds. */
    private static String kind(String type) {
        return switch (type) {
            case "integer" -> "number";
            case "date" -> "string";
            default -> type;
        };
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            default -> "boolean";
        };
    }

    /** The bound as the field holds it: an integer field's bound rounds toward clearing (up for at least, down for at most). */
    private static BigDecimal bound(Fix fix, String type) {
        BigDecimal bound = BigDecimal.valueOf(((Number) fix.value()).doubleValue());
        if (type.equals("integer")) {
            return bound.setScale(0, fix.kind() == Fix.Kind.AT_LEAST ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
        return bound;
    }

    /**
     * An object for {@code path} with a placeholder for each free-text member its schema declares;
     * an enum, a quarter or a date has no placeholder that conforms, so it stays absent.
     */
    private JsonObject placeholders(String path) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (String member : schema.properties(path)) {
            String child = path + "/" + member;
            if (schema.freeText(child)) {
                object.add(member, placeholder(child));
            }
        }
        return object.build();
    }

    private JsonArray entries(JsonValue current, String path, int count) {
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        int size = 0;
        if (current instanceof JsonArray array) {
            array.forEach(entries::add);
            size = array.size();
        }
        for (int i = size; i < count; i++) {
            entries.add(placeholders(path + "/" + i));
        }
        return entries.build();
    }

    /** {@code "<name>"}, after the last token of the path. */
    static String placeholder(String path) {
        return "<" + path.substring(path.lastIndexOf('/') + 1) + ">";
    }

    /** A fix's value in JSON: text, a number or a boolean. */
    static JsonValue json(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number number) {
            return JSON.createValue(new BigDecimal(number.toString()));
        }
        return JSON.createValue(value.toString());
    }

    /** The value at {@code path}, or {@code null} when it (or an object above it) is absent. */
    static JsonValue at(JsonValue document, String path) {
        JsonValue value = document;
        for (String token : tokens(path)) {
            if (value instanceof JsonObject object) {
                value = object.get(token);
            } else if (value instanceof JsonArray array && token.chars().allMatch(Character::isDigit)
                    && !token.isEmpty() && Integer.parseInt(token) < array.size()) {
                value = array.get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
        }
        return value;
    }

    private static JsonValue set(JsonValue container, List<String> tokens, int index, JsonValue value) {
        if (index == tokens.size()) {
            return value;
        }
        String token = tokens.get(index);
        if (container instanceof JsonArray array) {
            int entry = Integer.parseInt(token);
            if (entry >= array.size()) {
                throw new IllegalArgumentException("no entry " + entry + " to change in an array of " + array.size());
            }
            JsonArrayBuilder changed = JSON.createArrayBuilder(array);
            changed.set(entry, set(array.get(entry), tokens, index + 1, value));
            return changed.build();
        }
        JsonObject object = container instanceof JsonObject existing ? existing : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue child = object.get(token);
        boolean absent = child == null || child.getValueType() == JsonValue.ValueType.NULL;
        return JSON.createObjectBuilder(object)
                .add(token, set(absent ? JsonValue.EMPTY_JSON_OBJECT : child, tokens, index + 1, value)).build();
    }

    static List<String> tokens(String path) {
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** A JSON value in Java form, as a {@code Change} carries it: numbers exact and as short as written. */
    static Object java(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number(((JsonNumber) value).bigDecimalValue());
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(DealEdits::java).toList();
            case OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> object.put(name, java(member)));
                yield object;
            }
        };
    }

    private static Number number(BigDecimal exact) {
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return stripped.longValueExact();
        }
        return stripped;
    }
}
