package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A policy's custom fields: the JSON Schema of the deal's optional top-level object {@code custom},
 * which RevOps declares in {@value #FILE} beside the rules. It is part of the policy (its version
 * covers the file; snapshots pin it), so the same deal is read the same way under the same version.
 *
 * <p>The file is a schema document in the subset {@link DealSchema} enforces, shaped as follows: the
 * root is {@code "type": "object"} with {@code "additionalProperties": false} (a deal may hold only
 * declared fields) and {@code properties}; each property is a {@code number}, {@code integer},
 * {@code string} (optionally an {@code enum}, or {@code "format": "date"}) or {@code boolean}, with
 * {@code minimum}, {@code maximum}, {@code description} and {@code required} as in any schema. A
 * field's name is a word that starts with a lower-case letter ({@code discountPercent}), because
 * rules name it as {@code custom.discountPercent}.
 *
 * <p>{@link #conform} checks a deal's custom values against the declaration and gives them the Java
 * type rules compare, with every declared field present ({@code null} when the deal does not hold it): {@link Double} for a number, {@link Integer} for an integer, {@link String}
 * for a string or enum, {@link LocalDate} for a date, {@link Boolean}. Immutable and thread-safe.
 */
public final class CustomFieldsSchema {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The file, at the top of a rules directory, that declares a policy's custom fields. */
    public static final String FILE = "custom-fields.schema.json";

    /** The most custom fields one policy may declare. */
    public static final int MAX_FIELDS = 200;

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    /** Names a rule could not read as {@code custom.name}: the map's own properties. */
    private static final Set<String> RESERVED = Set.of("empty", "class", "size", "keySet", "values", "entrySet");
    private static final JsonObject NO_FIELDS = JSON.createObjectBuilder()
            .add("$schema", "https://json-schema.org/draft/2020-12/schema")
            .add("type", "object").add("additionalProperties", false)
            .add("properties", JsonValue.EMPTY_JSON_OBJECT).build();
    private static final String DECLARED_IN = "Custom fields, declared by the policy in rules/" + FILE + ".";

    /** A policy without {@value #FILE}: its deals may hold no custom field. */
    public static final CustomFieldsSchema NONE = new CustomFieldsSchema(null, DealSchema.parse(JsonWriter.text(NO_FIELDS)), Map.of());


    private final JsonObject document;
    private final DealSchema schema;
    private final Map<String, String> types;
    private final DealSchema dealSchema;

    private CustomFieldsSchema(JsonObject document, DealSchema schema, Map<String, String> types) {
        this.document = document;
        this.schema = schema;
        this.types = types;
        this.dealSchema = composed(document);
    }

    /**
     * Loads the declaration from the text of {@value #FILE}.
     *
     * @throws IllegalArgumentException naming the schema location of the first thing refused
     */
    public static CustomFieldsSchema parse(String json) {
        DealSchema loaded = DealSchema.parse(json);
        JsonObject document = loaded.document();
        if (!"object".equals(document.getString("type", null)) || document.get("additionalProperties") != JsonValue.FALSE
                || !document.containsKey("properties")) {
            throw new IllegalArgumentException("schema root: custom fields are an object of declared fields only:"
                    + " \"type\": \"object\", \"properties\": {...} and \"additionalProperties\": false");
        }
        JsonObject properties = document.getJsonObject("properties");
        if (properties.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("schema /properties: at most " + MAX_FIELDS + " custom fields, got "
                    + properties.size());
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            String name = property.getKey();
            String at = JsonFields.child("schema /properties", name);
            if (!FIELD_NAME.matcher(name).matches() || RESERVED.contains(name)) {
                throw new IllegalArgumentException(at + ": a custom field's name is a word of letters and digits"
                        + " that starts with a lower-case letter (at most 64), and not one of " + RESERVED);
            }
            String type = loaded.type("/" + name);
            if (type.equals("object") || type.equals("array")) {
                throw new IllegalArgumentException(at + ": a custom field is a number, integer, string, date or"
                        + " boolean, not an " + type);
            }
            types.put(name, type);
        }
        return new CustomFieldsSchema(document, loaded, Collections.unmodifiableMap(types));
    }

    /** The declared fields and their types ({@code number}, {@code integer}, {@code string}, {@code date}, {@code boolean}), in declared order. */
    public Map<String, String> fields() {
        return types;
    }

    /**
     * The deal's JSON Schema with this declaration as its {@code custom} member: what a client may
     * send under this policy.
     */
    public DealSchema dealSchema() {
        return dealSchema;
    }

    private static DealSchema composed(JsonObject document) {
        JsonObject core = DealSchema.deal().document();
        JsonObjectBuilder custom = JSON.createObjectBuilder(document == null ? NO_FIELDS : document)
                .remove("$schema").remove("$id")
                .add("type", JSON.createArrayBuilder().add("object").add("null"))
                .add("description", document != null && document.containsKey("description")
                        ? document.getString("description") + " " + DECLARED_IN
                        : DECLARED_IN);
        JsonObject properties = JSON.createObjectBuilder(core.getJsonObject("properties")).add("custom", custom).build();
        return DealSchema.parse(JsonWriter.text(JSON.createObjectBuilder(core).add("properties", properties).build()));
    }

    /**
     * The deal's custom values checked against this declaration, each as the Java type rules
     * compare. Values may be as read from JSON or as given in Java ({@link String}, {@link Number},
     * {@link Boolean}, {@link LocalDate}).
     *
     * @throws InvalidDealException naming {@code /custom/<field>} and what was expected: an undeclared
     *                              field, a wrong type, a value out of range, a missing required field
     */
    public Map<String, Object> conform(Map<String, Object> values) throws InvalidDealException {
        if (values.isEmpty() && types.isEmpty()) {
            return Map.of();
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        values.forEach((name, value) -> json.add(name, json(name, value)));
        JsonObject object = json.build();
        if (document == null && !object.isEmpty()) {
            String first = object.keySet().iterator().next();
            throw new InvalidDealException(JsonFields.child("/custom", first),
                    "unknown field; the policy declares no custom fields (rules/" + FILE + ")");
        }
        schema.validate(object, "/custom");
        // Every declared field is present, null when the deal does not hold it: a rule's
        // custom.field then reads null (and compares false) rather than failing to resolve.
        Map<String, Object> typed = new LinkedHashMap<>();
        types.forEach((name, type) -> {
            JsonValue value = object.get(name);
            typed.put(name, value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : typed(type, value));
        });
        return Collections.unmodifiableMap(typed);
    }

    private static Object typed(String type, JsonValue value) {
        return switch (type) {
            case "number" -> ((JsonNumber) value).doubleValue();
            case "integer" -> ((JsonNumber) value).intValue();
            case "date" -> LocalDate.parse(((JsonString) value).getString());
            case "boolean" -> value == JsonValue.TRUE;
            default -> ((JsonString) value).getString();
        };
    }

    /** A custom value in JSON: a Java value that has no JSON form is refused at its path. */
    private static JsonValue json(String name, Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof LocalDate date) {
            return JSON.createValue(date.toString());
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return JSON.createValue(new BigDecimal(number.toString()));
        }
        throw new InvalidDealException(JsonFields.child("/custom", name), "expected a string, number, boolean"
                + " or date, got " + (value instanceof Number ? "the number " + value : "a Java " + value.getClass().getSimpleName()));
    }
}
