package dev.dealdesk.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical text of a JSON value, the form hashes are taken over: no white space, object
 * members sorted by name (UTF-16 order), numbers by value ({@code 18}, never {@code 18.0};
 * {@code 14999.99}; no exponent), strings with only {@code "}, {@code \} and control characters
 * escaped. Parsing the text and writing it again gives the same text. Thread-safe.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonValue value) {
        StringBuilder text = new StringBuilder(1024);
        write(value, text);
        return text.toString();
    }

    private static void write(JsonValue value, StringBuilder text) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                List<String> names = new ArrayList<>(object.keySet());
                names.sort(null);
                text.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    string(names.get(i), text);
                    text.append(':');
                    write(object.get(names.get(i)), text);
                }
                text.append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                text.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    write(array.get(i), text);
                }
                text.append(']');
            }
            case STRING -> string(((JsonString) value).getString(), text);
            case NUMBER -> text.append(number(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> text.append("true");
            case FALSE -> text.append("false");
            case NULL -> text.append("null");
        }
    }

    /** A number by value: integers without a fraction, others in plain decimal notation. */
    static String number(BigDecimal number) {
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }

    /** Appends {@code value} as a JSON string. */
    static void string(String value, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
