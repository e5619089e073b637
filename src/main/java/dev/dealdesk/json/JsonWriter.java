package dev.dealdesk.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one writer of JSON: compact UTF-8 through a {@link JsonGenerator}, for decisions on stdout and
 * in HTTP responses and for audit records. Numbers are written by value ({@code 18}, never
 * {@code 18.0}; {@code 14999.99}; never an exponent). Strings escape only {@code "}, {@code \} and
 * control characters. The canonical form, which audit hashes are taken over, also sorts every
 * object's members by name (UTF-16 order, as RFC 8785); for numbers from 1e-6 to 1e21, the range
 * of amounts, it is the text RFC 8785 gives. Writing a parsed canonical text again gives the same
 * text. Thread-safe.
 */
public final class JsonWriter {

    private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());

    private JsonWriter() {
    }

    /** Writes {@code value} to {@code out}, members in their order, without a line break. */
    public static void write(JsonValue value, OutputStream out) throws IOException {
        out.write(bytes(value, false));
    }

    /** {@code value} as compact text, members in their order. */
    public static String text(JsonValue value) {
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator json = GENERATORS.createGenerator(text)) {
            write(json, null, value, false);
        }
        return text.toString();
    }

    /** {@code value} in canonical form: members sorted by name. */
    public static String canonical(JsonValue value) {
        return new String(bytes(value, true), StandardCharsets.UTF_8);
    }

    /** {@code value} in canonical form, UTF-8 encoded, as hashes are taken over it. */
    public static byte[] canonicalBytes(JsonValue value) {
        return bytes(value, true);
    }

    private static byte[] bytes(JsonValue value, boolean sorted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            write(json, null, value, sorted);
        }
        return out.toByteArray();
    }

    /** Writes {@code value}, as the member {@code name} when it is not {@code null}. */
    private static void write(JsonGenerator json, String name, JsonValue value, boolean sorted) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                start(json, name, true);
                List<String> names = new ArrayList<>(object.keySet());
                if (sorted) {
                    names.sort(null);
                }
                for (String member : names) {
                    write(json, member, object.get(member), sorted);
                }
                json.writeEnd();
            }
            case ARRAY -> {
                start(json, name, false);
                for (JsonValue item : (JsonArray) value) {
                    write(json, null, item, sorted);
                }
                json.writeEnd();
            }
            default -> { // a string, number, true, false or null
                JsonValue scalar = value.getValueType() == JsonValue.ValueType.NUMBER
                        ? new ByValue(((JsonNumber) value).bigDecimalValue()) : value;
                if (name == null) {
                    json.write(scalar);
                } else {
                    json.write(name, scalar);
                }
            }
        }
    }

    private static void start(JsonGenerator json, String name, boolean object) {
        if (name == null) {
            if (object) {
                json.writeStartObject();
            } else {
                json.writeStartArray();
            }
        } else if (object) {
            json.writeStartObject(name);
        } else {
            json.writeStartArray(name);
        }
    }

    /** The text of a number by value: integers without a fraction, others in plain decimal notation. */
    static String byValue(BigDecimal number) {
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }

    /** A number that the generator writes by its text, which is written by value. */
    private record ByValue(BigDecimal value) implements JsonNumber {

        @Override
        public String toString() {
            return byValue(value);
        }

        @Override
        public boolean isIntegral() {
            return value.scale() <= 0;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public int intValueExact() {
            return value.intValueExact();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public long longValueExact() {
            return value.longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return value.toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return value.toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            return value;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }
    }
}
