package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.facts.Quarter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed, strict access to the members of one JSON object, with every error naming the JSON
 * Pointer of the offending member. JSON {@code null} reads as absent.
 */
final class JsonFields {

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonObject object;
    private final String path;

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * Reads {@code value} as an object that may hold only the {@code allowed} members.
     *
     * @throws InvalidDealException when it is not an object or holds an unknown member
     */
    static JsonFields of(JsonValue value, String path, List<String> allowed) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidDealException(path, "expected an object, got " + describe(value));
        }
        JsonObject object = value.asJsonObject();
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidDealException(child(path, name),
                        "unknown field; expected one of " + String.join(", ", allowed));
            }
        }
        return new JsonFields(object, path);
    }

    String path(String name) {
        return child(path, name);
    }

    /** The member's value, or {@code null} when it is absent or JSON null. */
    JsonValue optional(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    JsonValue required(String name, String expected) throws InvalidDealException {
        JsonValue value = optional(name);
        if (value == null) {
            throw absent(name, expected);
        }
        return value;
    }

    /** Why a required member that is absent or JSON null cannot be read. */
    private InvalidDealException absent(String name, String expected) {
        return new InvalidDealException(path(name), (object.containsKey(name) ? "required field is null"
                : "required field is missing") + "; expected " + expected);
    }

    String requiredString(String name) throws InvalidDealException {
        return string(required(name, "a string"), name, "a string");
    }

    String optionalString(String name) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : string(value, name, "a string");
    }

    String requiredNonBlankString(String name) throws InvalidDealException {
        String expected = "a non-empty string";
        String text = string(required(name, expected), name, expected);
        if (text.isBlank()) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + quote(text));
        }
        return text;
    }

    Boolean optionalBoolean(String name) throws InvalidDealException {
        JsonValue value = optional(name);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw new InvalidDealException(path(name), "expected true or false, got " + describe(value));
        };
    }

    /** A number of any sign, or {@code null}. */
    Double optionalNumber(String name) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : number(value, name, "a number", false);
    }

    Double optionalAmount(String name) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : number(value, name, "a number >= 0", true);
    }

    double requiredAmount(String name) throws InvalidDealException {
        String expected = "a number >= 0";
        return number(required(name, expected), name, expected, true);
    }

    Integer optionalInteger(String name, int min) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : integer(value, name, min);
    }

    int requiredInteger(String name, int min) throws InvalidDealException {
        return integer(required(name, integerExpected(min)), name, min);
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : enumValue(value, name, type);
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) throws InvalidDealException {
        JsonValue value = optional(name);
        if (value == null) {
            throw absent(name, "one of " + constants(type));
        }
        return enumValue(value, name, type);
    }

    LocalDate requiredDate(String name) throws InvalidDealException {
        String expected = "a date YYYY-MM-DD";
        String text = string(required(name, expected), name, expected);
        Optional<LocalDate> date = date(text);
        if (date.isEmpty()) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + quote(text));
        }
        return date.get();
    }

    /** The date {@code YYYY-MM-DD} that {@code text} is, or empty when it is none (2026-11-31, say). */
    static Optional<LocalDate> date(String text) {
        try {
            return DATE.matcher(text).matches() ? Optional.of(LocalDate.parse(text)) : Optional.empty();
        } catch (DateTimeException invalidDay) {
            return Optional.empty();
        }
    }

    Quarter optionalQuarter(String name) throws InvalidDealException {
        JsonValue value = optional(name);
        if (value == null) {
            return null;
        }
        String expected = "a quarter YYYY-Qn with n from 1 to 4";
        String text = string(value, name, expected);
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException notAQuarter) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + quote(text));
        }
    }

    /** Reads an optional nested object with {@code reader}, or returns {@code null} when absent. */
    <T> T optionalObject(String name, ObjectReader<T> reader) throws InvalidDealException {
        JsonValue value = optional(name);
        return value == null ? null : reader.read(value, path(name));
    }

    <T> T requiredObject(String name, ObjectReader<T> reader) throws InvalidDealException {
        return reader.read(required(name, "an object"), path(name));
    }

    /** Reads an optional array whose items are read by {@code reader}; empty when absent. */
    <T> List<T> optionalArray(String name, int maxItems, ObjectReader<T> reader) throws InvalidDealException {
        JsonValue value = optional(name);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidDealException(path(name), "expected an array, got " + describe(value));
        }
        if (value.asJsonArray().size() > maxItems) {
            throw new InvalidDealException(path(name), "expected at most " + maxItems + " entries, got "
                    + value.asJsonArray().size());
        }
        List<T> items = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            items.add(reader.read(item, path(name) + "/" + items.size()));
        }
        return items;
    }

    /** Reads one JSON value found at a path into a fact. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(JsonValue value, String path) throws InvalidDealException;
    }

    private double number(JsonValue value, String name, String expected, boolean nonNegative)
            throws InvalidDealException {
        BigDecimal exact = exact(value, name, expected);
        double number = exact.doubleValue();
        if (Double.isInfinite(number) || nonNegative && exact.signum() < 0) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + shown(exact));
        }
        return number;
    }

    private int integer(JsonValue value, String name, int min) throws InvalidDealException {
        String expected = integerExpected(min);
        BigDecimal exact = exact(value, name, expected);
        // Compared as decimals, so a number such as 1e300 is never expanded digit by digit.
        if (exact.stripTrailingZeros().scale() <= 0 && exact.compareTo(BigDecimal.valueOf(min)) >= 0
                && exact.compareTo(INT_MAX) <= 0) {
            return exact.intValue();
        }
        throw new InvalidDealException(path(name), "expected " + expected + ", got " + shown(exact));
    }

    private BigDecimal exact(JsonValue value, String name, String expected) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + describe(value));
        }
        return ((JsonNumber) value).bigDecimalValue();
    }

    /** A number as a message shows it: plain when short, scientific when long, never unbounded. */
    static String shown(BigDecimal number) {
        String plain = Math.abs((long) number.scale()) <= 30 ? number.toPlainString() : number.toString();
        return plain.length() <= 40 ? plain : number.round(new java.math.MathContext(6)).toString();
    }

    private static String integerExpected(int min) {
        return "an integer >= " + min;
    }

    /** The constant named by a string member; the constants are listed only when it names none. */
    private <E extends Enum<E>> E enumValue(JsonValue value, String name, Class<E> type)
            throws InvalidDealException {
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) value).getString();
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException noSuchConstant) {
                throw new InvalidDealException(path(name), "expected one of " + constants(type) + ", got " + quote(text));
            }
        }
        throw new InvalidDealException(path(name), "expected one of " + constants(type) + ", got " + describe(value));
    }

    private static String constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private String string(JsonValue value, String name, String expected) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidDealException(path(name), "expected " + expected + ", got " + describe(value));
        }
        return ((JsonString) value).getString();
    }

    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + quote(((JsonString) value).getString());
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }

    private static String quote(String text) {
        return '"' + text + '"';
    }

    /** Appends a member name (or array index) to a JSON Pointer, escaping per RFC 6901; {@code null} names the root. */
    static String child(String path, String name) {
        if (name == null) {
            return path; // the root
        }
        boolean plain = name.indexOf('~') < 0 && name.indexOf('/') < 0;
        return path + "/" + (plain ? name : name.replace("~", "~0").replace("/", "~1"));
    }
}
