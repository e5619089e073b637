package dev.dealdesk.json;

import dev.dealdesk.facts.Quarter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Plain access to the members of one JSON object that a {@link DealSchema} has already checked: each
 * accessor takes the member's type on trust and reads JSON {@code null} as absent. Also the one
 * spelling of JSON Pointers, of values in messages, and of dates.
 */
final class JsonFields {

    private final JsonObject object;
    /** What each text read is kept as: itself, or an equal one read before. */
    private final UnaryOperator<String> texts;

    private JsonFields(JsonObject object, UnaryOperator<String> texts) {
        this.object = object;
        this.texts = texts;
    }

    /** The members of {@code value}, an object the schema has checked. */
    static JsonFields of(JsonValue value) {
        return of(value, UnaryOperator.identity());
    }

    /** The members of {@code value}, each text read kept as {@code texts} gives it. */
    static JsonFields of(JsonValue value, UnaryOperator<String> texts) {
        return new JsonFields(value.asJsonObject(), texts);
    }

    /** The member's value, or {@code null} when it is absent or JSON null. */
    private JsonValue get(String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    String string(String name) {
        JsonValue value = get(name);
        return value == null ? null : texts.apply(((JsonString) value).getString());
    }

    Boolean bool(String name) {
        JsonValue value = get(name);
        return value == null ? null : value.getValueType() == JsonValue.ValueType.TRUE;
    }

    Double number(String name) {
        JsonValue value = get(name);
        return value == null ? null : ((JsonNumber) value).doubleValue();
    }

    /** An integer member, which the schema has checked is whole and within an {@code int}. */
    Integer integer(String name) {
        JsonValue value = get(name);
        return value == null ? null : ((JsonNumber) value).intValue();
    }

    /** The constant a string member names, which the schema has checked is one of {@code type}'s. */
    <E extends Enum<E>> E constant(String name, Class<E> type) {
        String text = string(name);
        return text == null ? null : Enum.valueOf(type, text);
    }

    LocalDate localDate(String name) {
        String text = string(name);
        return text == null ? null : date(text).orElseThrow();
    }

    Quarter quarter(String name) {
        String text = string(name);
        return text == null ? null : Quarter.parse(text);
    }

    /** A nested object read by {@code reader}, or {@code null} when absent. */
    <T> T object(String name, Function<JsonFields, T> reader) {
        JsonValue value = get(name);
        return value == null ? null : reader.apply(of(value, texts));
    }

    /** An array of objects, each read by {@code reader}; empty when absent. */
    <T> List<T> array(String name, Function<JsonFields, T> reader) {
        JsonValue value = get(name);
        if (value == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(value.asJsonArray().size());
        for (JsonValue item : value.asJsonArray()) {
            items.add(reader.apply(of(item, texts)));
        }
        return items;
    }

    /**
     * The members of an object member as Java values, in their order: text as {@link String},
     * numbers as exact {@link BigDecimal}s, booleans as {@link Boolean}; null members left out. A
     * member of another kind (an object, an array) stays the {@link JsonValue} it is, for the check
     * that knows what the member should be to refuse it by name. Empty when absent.
     */
    Map<String, Object> values(String name) {
        JsonValue value = get(name);
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        value.asJsonObject().forEach((member, json) -> {
            switch (json.getValueType()) {
                case STRING -> values.put(member, texts.apply(((JsonString) json).getString()));
                case NUMBER -> values.put(member, ((JsonNumber) json).bigDecimalValue());
                case TRUE, FALSE -> values.put(member, json == JsonValue.TRUE);
                case NULL -> { }
                default -> values.put(member, json);
            }
        });
        return values;
    }

    /** The date {@code YYYY-MM-DD} that {@code text} is, or empty when it is none (2026-11-31, say). */
    static Optional<LocalDate> date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        try {
            return year < 0 || month < 0 || day < 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException invalidDay) {
            return Optional.empty();
        }
    }

    /** The number the ASCII digits from {@code start} to {@code end} spell, or -1 when one is not a digit. */
    private static int digits(String text, int start, int end) {
        int number = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** A number as a message shows it: plain when short, scientific when long, never unbounded. */
    static String shown(BigDecimal number) {
        String plain = Math.abs((long) number.scale()) <= 30 ? number.toPlainString() : number.toString();
        return plain.length() <= 40 ? plain : number.round(new MathContext(6)).toString();
    }

    /** A value as a message shows what was found instead of what was expected. */
    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + ((JsonString) value).getString() + '"';
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
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
