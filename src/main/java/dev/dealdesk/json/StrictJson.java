package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one JSON document, in one pass over Parsson's streaming parser, into a value that holds
 * only what the engine can read back exactly. Refused, each with the JSON Pointer of the offending
 * value: text that is not UTF-8 or not one JSON value; a member that appears twice in an object; a
 * string holding a lone surrogate (which no UTF-8 writer could write back); a number a double cannot
 * hold ({@code 1e999999999}, {@code 1e-400}). A UTF-8 byte order mark at the start is skipped.
 * Thread-safe and stateless.
 */
public final class StrictJson {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictJson() {
    }

    /** Parses UTF-8 bytes; bytes that are not UTF-8 are refused, not replaced. */
    public static JsonValue parse(byte[] utf8) throws InvalidDealException {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidDealException("", "not valid UTF-8 text");
        }
    }

    /** Parses text. */
    public static JsonValue parse(String text) throws InvalidDealException {
        String json = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        if (json.isBlank()) {
            throw new InvalidDealException("", "malformed JSON: the document is empty");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            JsonValue value = value(parser, parser.next(), "", null);
            if (parser.hasNext()) {
                throw malformed(parser.getLocation(), "unexpected content after the JSON value");
            }
            return value;
        } catch (InvalidDealException refused) {
            throw refused; // the reader's own refusal, already naming its path
        } catch (JsonParsingException malformed) {
            String problem = withoutLocation(malformed.getMessage());
            // At the end of the text Parsson's column is off (twice the line's length): the end is known here.
            if (problem.contains(END)) {
                String lastLine = json.substring(json.lastIndexOf('\n') + 1);
                throw malformed(json.lines().count() + (json.endsWith("\n") ? 1 : 0), lastLine.length() + 1, problem);
            }
            throw malformed(malformed.getLocation().getLineNumber(), malformed.getLocation().getColumnNumber(), problem);
        } catch (JsonException malformed) {
            throw new InvalidDealException("", "malformed JSON: " + plain(malformed.getMessage()));
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            throw new InvalidDealException("", "malformed JSON: a number is out of range (" + outOfRange.getMessage() + ")");
        } catch (RuntimeException unreadable) {
            // Parsson refuses some documents with a plain runtime exception, such as nesting over 1,000 deep.
            throw new InvalidDealException("", "malformed JSON: " + plain(unreadable.getMessage()));
        }
    }

    /**
     * Builds the value that starts with {@code event}, found at member (or index) {@code name} of the
     * value at {@code parent}, or at the root when {@code name} is {@code null}. The path is spelled
     * out only where it is needed: for a nested value, or an error.
     */
    private static JsonValue value(JsonParser parser, JsonParser.Event event, String parent, String name)
            throws InvalidDealException {
        switch (event) {
            case START_OBJECT -> {
                String path = JsonFields.child(parent, name);
                JsonObjectBuilder object = JSON.createObjectBuilder();
                Set<String> names = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String member = parser.getString();
                    if (!names.add(member)) {
                        throw new InvalidDealException(JsonFields.child(path, member),
                                "duplicate member: \"" + member + "\" appears more than once in the object");
                    }
                    unicode(member, path, null); // a name is not a path of its own until it is read
                    object.add(member, value(parser, parser.next(), path, member));
                }
                return object.build();
            }
            case START_ARRAY -> {
                String path = JsonFields.child(parent, name);
                JsonArrayBuilder array = JSON.createArrayBuilder();
                int index = 0;
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(value(parser, next, path, Integer.toString(index++)));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return JSON.createValue(unicode(parser.getString(), parent, name));
            }
            case VALUE_NUMBER -> {
                return JSON.createValue(inRange(parser.getBigDecimal(), parent, name));
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw malformed(parser.getLocation(), "unexpected " + event);
        }
    }

    /** {@code text}, unless it holds a surrogate that is not half of a pair. */
    private static String unicode(String text, String parent, String name) throws InvalidDealException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidDealException(JsonFields.child(parent, name), String.format("expected Unicode text, got a lone surrogate \\u%04x", (int) c));
            }
        }
        return text;
    }

    /** {@code number}, unless a double cannot hold it: too large, or too small to be told from zero. */
    private static BigDecimal inRange(BigDecimal number, String parent, String name) throws InvalidDealException {
        double value = number.doubleValue();
        if (Double.isInfinite(value) || value == 0 && number.signum() != 0) {
            throw new InvalidDealException(JsonFields.child(parent, name), "expected a number within the range of a double, got "
                    + JsonFields.shown(number) + ", which is out of range");
        }
        return number;
    }

    private static InvalidDealException malformed(JsonLocation at, String problem) {
        return malformed(at.getLineNumber(), at.getColumnNumber(), problem);
    }

    private static InvalidDealException malformed(long line, long column, String problem) {
        return new InvalidDealException("", "malformed JSON at line " + line + ", column " + column + ": " + problem);
    }

    /** What the parser's messages say of the end of the text, in plain words. */
    private static final String END = "the end of the document";

    /** A message of the parser's limits in plain words: a number too long, nesting too deep. */
    private static String plain(String message) {
        String text = message == null ? "" : message;
        Matcher number = LONG_NUMBER.matcher(text);
        if (number.matches()) {
            return "a number " + digits(number.group(1)) + " characters long, longer than the " + digits(number.group(2))
                    + " allowed";
        }
        Matcher nested = DEEP.matcher(text);
        return nested.matches() ? "nested deeper than " + digits(nested.group(1)) + " levels" : text;
    }

    /** A count as the parser printed it, without the locale's grouping (1,000 or 1.000). */
    private static String digits(String count) {
        return count.replaceAll("\\D", "");
    }

    private static final Pattern LONG_NUMBER = Pattern.compile(
            "Number of BigDecimal source characters (\\S+) exceeded maximal allowed value of (\\S+)");
    private static final Pattern DEEP = Pattern.compile("Input is too deeply nested (\\S+)");

    /** The parser's message without its location (given apart) and in plain words: characters shown, tokens named. */
    private static String withoutLocation(String message) {
        String text = message == null ? "" : message.replaceAll(" at \\(line no=\\d+, column no=\\d+, offset=-?\\d+\\)", "");
        Matcher token = INVALID_TOKEN.matcher(text);
        if (token.matches()) {
            return "got " + token(token.group(1)) + ", expected " + String.join(" or ",
                    Arrays.stream(token.group(2).split(",\\s*")).filter(name -> !name.isEmpty()).map(StrictJson::token).toList());
        }
        Matcher character = UNEXPECTED_CHAR.matcher(text);
        if (character.matches()) {
            int code = code(character.group(1));
            String expected = character.group(2) == null ? "" : ", expected '" + character.group(2) + "'";
            if (code < 0) {
                return "got " + END + expected;
            }
            String got = code < 0x20 || code == 0x7f ? String.format("the control character U+%04X", code)
                    : "'" + Character.toString(code) + "'";
            return "unexpected " + got + expected;
        }
        return text;
    }

    private static final Pattern INVALID_TOKEN = Pattern.compile("Invalid token=(\\w+)\\. Expected tokens are: \\[([\\w, ]*)]");
    /**
     * The parser prints a character's code as the locale writes numbers: 8364 may read 8,364, 8’364
     * or ٨٬٣٦٤, and -1 (the end of the text) with a direction mark before it.
     */
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile(
            "Unexpected char (\\p{Cf}*-?\\p{Nd}[\\p{Nd}\\p{Zs}\\p{Po}\\p{Pf}]*)(?:, expecting '(.*)')?");

    /** The code {@code printed} names, its digits read in any script and its grouping left out. */
    private static int code(String printed) {
        int code = 0;
        for (int i = 0; i < printed.length(); i++) {
            int digit = Character.digit(printed.charAt(i), 10);
            code = digit < 0 ? code : code * 10 + digit;
        }
        return printed.indexOf('-') >= 0 ? -code : code;
    }

    /** A token of the parser's messages, as a person would name it. */
    private static String token(String name) {
        return switch (name) {
            case "EOF" -> "the end of the document";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "TRUE" -> "true";
            case "FALSE" -> "false";
            case "NULL" -> "null";
            case "CURLYOPEN" -> "'{'";
            case "CURLYCLOSE" -> "'}'";
            case "SQUAREOPEN" -> "'['";
            case "SQUARECLOSE" -> "']'";
            case "COLON" -> "':'";
            case "COMMA" -> "','";
            default -> name;
        };
    }
}
