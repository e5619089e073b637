package dev.dealdesk.audit;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a comparison needs of a logged decision, read in one streaming pass that builds only the deal
 * and skips the rest (messages, evidence, the chain): its id, the deal as decided, the outcome and
 * the finding codes in order. It checks nothing a record's hash covers; {@code verify} does that.
 *
 * @param decisionId the logged decision
 * @param deal       the deal as it was decided
 * @param outcome    the logged outcome
 * @param codes      the logged finding codes, in order
 */
record LoggedDecision(String decisionId, JsonObject deal, String outcome, List<String> codes) {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    /**
     * Reads one record's line.
     *
     * @throws IllegalArgumentException when the line is not a record with these members
     */
    static LoggedDecision read(byte[] line) {
        String decisionId = null;
        JsonObject deal = null;
        String outcome = null;
        List<String> codes = null;
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(line), StandardCharsets.UTF_8)) {
            expect(parser.next(), JsonParser.Event.START_OBJECT);
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String member = parser.getString();
                JsonParser.Event value = parser.next();
                switch (member) {
                    case "decisionId" -> decisionId = text(parser, value);
                    case "deal" -> {
                        expect(value, JsonParser.Event.START_OBJECT);
                        deal = parser.getObject();
                    }
                    case "decision" -> {
                        expect(value, JsonParser.Event.START_OBJECT);
                        for (JsonParser.Event inner = parser.next(); inner != JsonParser.Event.END_OBJECT; inner = parser.next()) {
                            String name = parser.getString();
                            JsonParser.Event next = parser.next();
                            if (name.equals("outcome")) {
                                outcome = text(parser, next);
                            } else if (name.equals("findings")) {
                                codes = codes(parser, next);
                            } else {
                                skip(parser, next);
                            }
                        }
                    }
                    default -> skip(parser, value);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a record: " + e.getMessage(), e);
        }
        if (decisionId == null || deal == null || outcome == null || codes == null) {
            throw new IllegalArgumentException("not a record: it lacks its decisionId, deal, outcome or findings");
        }
        return new LoggedDecision(decisionId, deal, outcome, codes);
    }

    /** The code of each finding of the findings array that starts with {@code event}. */
    private static List<String> codes(JsonParser parser, JsonParser.Event event) {
        expect(event, JsonParser.Event.START_ARRAY);
        List<String> codes = new ArrayList<>();
        for (JsonParser.Event finding = parser.next(); finding != JsonParser.Event.END_ARRAY; finding = parser.next()) {
            expect(finding, JsonParser.Event.START_OBJECT);
            for (JsonParser.Event member = parser.next(); member != JsonParser.Event.END_OBJECT; member = parser.next()) {
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                if (name.equals("code")) {
                    codes.add(text(parser, value));
                } else {
                    skip(parser, value);
                }
            }
        }
        return codes;
    }

    private static void skip(JsonParser parser, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (event == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    private static String text(JsonParser parser, JsonParser.Event event) {
        expect(event, JsonParser.Event.VALUE_STRING);
        return parser.getString();
    }

    private static void expect(JsonParser.Event event, JsonParser.Event expected) {
        if (event != expected) {
            throw new IllegalArgumentException("expected " + expected + ", got " + event);
        }
    }
}
