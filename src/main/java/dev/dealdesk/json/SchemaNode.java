package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One loaded subschema of a {@link DealSchema}: what a value at its place must be, and the words
 * that say so. Each kind derives its expectation ("a number >= 0", "one of A, B") from its own
 * keywords, so every message follows the schema. Immutable and thread-safe.
 */
sealed interface SchemaNode {

    /** Whether JSON null is allowed here ({@code "null"} is among the types). */
    boolean nullable();

    /** What a value here must be, as messages say it after "expected". */
    String expected();

    /** Checks a value that is not JSON null. */
    void checkValue(JsonValue value, String parent, String name) throws InvalidDealException;

    /**
     * Checks {@code value}, found at member (or index) {@code name} of the value at {@code parent},
     * or at {@code parent} itself when {@code name} is {@code null}.
     *
     * @throws InvalidDealException naming the JSON Pointer of the first value that does not conform
     */
    default void check(JsonValue value, String parent, String name) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.NULL) {
            checkValue(value, parent, name);
        } else if (!nullable()) {
            throw refused(parent, name, "null");
        }
    }

    /** "expected ..., got {@code got}", at the value's own path. */
    default InvalidDealException refused(String parent, String name, String got) {
        return new InvalidDealException(JsonFields.child(parent, name), "expected " + expected() + ", got " + got);
    }

    /**
     * {@code type: object}: its {@code properties} in their declared order, each {@code required} or
     * not, and closed when {@code additionalProperties} is false.
     */
    record ObjectNode(boolean nullable, List<Property> properties, Map<String, SchemaNode> byName, boolean closed)
            implements SchemaNode {

        /** One declared property. */
        record Property(String name, SchemaNode schema, boolean required) {
        }

        static ObjectNode of(boolean nullable, Map<String, SchemaNode> properties, Set<String> required, boolean closed) {
            List<Property> declared = properties.entrySet().stream()
                    .map(p -> new Property(p.getKey(), p.getValue(), required.contains(p.getKey()))).toList();
            return new ObjectNode(nullable, declared, Collections.unmodifiableMap(new LinkedHashMap<>(properties)), closed);
        }

        @Override
        public String expected() {
            return "an object";
        }

        @Override
        public void checkValue(JsonValue value, String parent, String name) throws InvalidDealException {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(parent, name, JsonFields.describe(value));
            }
            String path = JsonFields.child(parent, name);
            JsonObject object = value.asJsonObject();
            InvalidDealException first = null;
            int found = 0;
            // Declared order, so the first problem reported is the same whatever order the members came in.
            for (Property property : properties) {
                JsonValue member = object.get(property.name());
                found += member == null ? 0 : 1;
                first = problem(path, property, member);
                if (first != null) {
                    break;
                }
            }
            // An unknown member is reported before any problem of a known one; a valid object, whose
            // members were all found above, is not searched for one.
            if (closed && (first != null || found != object.size())) {
                for (String member : object.keySet()) {
                    if (!byName.containsKey(member)) {
                        throw new InvalidDealException(JsonFields.child(path, member),
                                "unknown field; expected one of " + String.join(", ", byName.keySet()));
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        /** What is wrong with {@code member} ({@code null} when absent), or {@code null} when nothing is. */
        private static InvalidDealException problem(String path, Property property, JsonValue member) {
            String name = property.name();
            SchemaNode schema = property.schema();
            boolean isRequired = property.required();
            boolean isNull = member != null && member.getValueType() == JsonValue.ValueType.NULL;
            if (member == null || isNull && isRequired && !schema.nullable()) {
                return isRequired ? new InvalidDealException(JsonFields.child(path, name), (isNull
                        ? "required field is null" : "required field is missing") + "; expected " + schema.expected()) : null;
            }
            try {
                schema.check(member, path, name);
                return null;
            } catch (InvalidDealException problem) {
                return problem;
            }
        }
    }

    /** {@code type: array}: at most {@code maxItems} (counted before any item is checked), each conforming to {@code items}. */
    record ArrayNode(boolean nullable, int maxItems, SchemaNode items) implements SchemaNode {

        /** {@code maxItems} when the schema sets none. */
        static final int UNBOUNDED = Integer.MAX_VALUE;

        @Override
        public String expected() {
            return "an array";
        }

        @Override
        public void checkValue(JsonValue value, String parent, String name) throws InvalidDealException {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw refused(parent, name, JsonFields.describe(value));
            }
            JsonArray array = value.asJsonArray();
            String path = JsonFields.child(parent, name);
            if (array.size() > maxItems) {
                throw new InvalidDealException(path, "expected at most " + maxItems + " entries, got " + array.size());
            }
            if (items != null) {
                for (int i = 0; i < array.size(); i++) {
                    items.check(array.get(i), path, Integer.toString(i));
                }
            }
        }
    }

    /**
     * {@code type: string}, with at most one of: {@code enum} (its strings), {@code pattern} (an
     * ECMA-262 expression searched anywhere in the string, named in messages by its {@code title}),
     * {@code format: date}.
     */
    record StringNode(boolean nullable, List<String> constants, Pattern pattern, String title, boolean date)
            implements SchemaNode {

        @Override
        public String expected() {
            if (constants != null) {
                return "one of " + String.join(", ", constants);
            }
            return pattern != null ? title : date ? "a date YYYY-MM-DD" : "a string";
        }

        @Override
        public void checkValue(JsonValue value, String parent, String name) throws InvalidDealException {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw refused(parent, name, JsonFields.describe(value));
            }
            String text = ((JsonString) value).getString();
            boolean conforms = constants != null ? constants.contains(text)
                    : pattern != null ? pattern.matcher(text).find()
                    : !date || JsonFields.date(text).isPresent();
            if (!conforms) {
                throw refused(parent, name, '"' + text + '"');
            }
        }
    }

    /**
     * {@code type: number} (a value a double holds) or {@code integer} (a whole number an
     * {@code int} holds, however written: {@code 18.0} and {@code 1e2} are integers), at least
     * {@code minimum} and at most {@code maximum} when set.
     */
    record NumberNode(boolean nullable, boolean integer, BigDecimal minimum, BigDecimal maximum) implements SchemaNode {

        private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
        private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

        @Override
        public String expected() {
            String kind = integer ? "an integer" : "a number";
            String from = minimum == null ? "" : " >= " + JsonFields.shown(minimum);
            String to = maximum == null ? "" : (minimum == null ? " <= " : " and <= ") + JsonFields.shown(maximum);
            return kind + from + to;
        }

        @Override
        public void checkValue(JsonValue value, String parent, String name) throws InvalidDealException {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                throw refused(parent, name, JsonFields.describe(value));
            }
            BigDecimal exact = ((JsonNumber) value).bigDecimalValue();
            // Compared as decimals, so a number such as 1e300 is never expanded digit by digit.
            boolean conforms = integer
                    ? exact.compareTo(INT_MIN) >= 0 && exact.compareTo(INT_MAX) <= 0 && exact.stripTrailingZeros().scale() <= 0
                    : Double.isFinite(exact.doubleValue());
            if (!conforms || minimum != null && exact.compareTo(minimum) < 0 || maximum != null && exact.compareTo(maximum) > 0) {
                throw refused(parent, name, JsonFields.shown(exact));
            }
        }
    }

    /** {@code type: boolean}. */
    record BooleanNode(boolean nullable) implements SchemaNode {

        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public void checkValue(JsonValue value, String parent, String name) throws InvalidDealException {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw refused(parent, name, JsonFields.describe(value));
            }
        }
    }
}
