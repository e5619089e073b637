package dev.dealdesk.audit;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is read of a logged decision to find and compare it, in one streaming pass that builds the
 * deal only when asked and skips the rest (messages, evidence, the chain). It checks nothing a
 * record's hash covers; {@code verify} does that. Immutable.
 *
 * @param decisionId  the logged decision
 * @param evaluatedAt when it was decided, as logged; {@code null} when the record does not say
 * @param policy      the policy version it was decided under; {@code null} when the record does not say
 * @param dealId      the deal's id; {@code null} when the deal has none
 * @param deal        the deal as it was decided; {@code null} when not asked for ({@link #summary})
 * @param outcome     the logged outcome
 * @param codes       the logged finding codes, in order
 * @param rules       the rules the findings name, each once
 */
public record LoggedDecision(String decisionId, String evaluatedAt, String policy, String dealId, JsonObject deal,
                             String outcome, List<String> codes, Set<String> rules) {

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    /**
     * Reads one record's line, its deal included.
     *
     * @throws IllegalArgumentException when the line is not a record with a decision id, a deal, an outcome and
     *                                  findings, each once
     */
    public static LoggedDecision read(byte[] line) {
        return read(line, true);
    }

    /**
     * Reads one record's line without building its deal: what an index of the log keeps.
     *
     * @throws IllegalArgumentException when the line is not a record with a decision id, a deal, an outcome and findings
     */
    public static LoggedDecision summary(byte[] line) {
        return read(line, false);
    }

    /**
     * This summary with the deal read from its record's {@code line}, read no further than the deal:
     * records are written in canonical member order, so the deal is their first member.
     */
    public LoggedDecision withDealOf(byte[] line) {
        try (JsonParser parser = parser(line)) {
            expect(parser.next(), JsonParser.Event.START_OBJECT);
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String member = parser.getString();
                JsonParser.Event value = parser.next();
                if (member.equals("deal")) {
                    expect(value, JsonParser.Event.START_OBJECT);
                    return new LoggedDecision(decisionId, evaluatedAt, policy, dealId, parser.getObject(), outcome, codes, rules);
                }
                skip(parser, value);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a record: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("not a record: it lacks its deal");
    }

    private static LoggedDecision read(byte[] line, boolean withDeal) {
        String decisionId = null;
        String evaluatedAt = null;
        String policy = null;
        String dealId = null;
        JsonObject deal = null;
        boolean dealFound = false;
        String outcome = null;
        List<String> codes = null;
        Set<String> rules = new LinkedHashSet<>();
        Set<String> members = new HashSet<>();
        try (JsonParser parser = parser(line)) {
            expect(parser.next(), JsonParser.Event.START_OBJECT);
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String member = parser.getString();
                JsonParser.Event value = parser.next();
                if (!members.add(member)) {
                    // Which of two a reader takes is arbitrary, so a record that says it twice says nothing.
                    throw new IllegalArgumentException("member " + member + " appears twice");
                }
                switch (member) {
                    case "decisionId" -> decisionId = text(parser, value);
                    case "evaluatedAt" -> evaluatedAt = text(parser, value);
                    case "policy" -> policy = stringMember(parser, value, "version");
                    case "deal" -> {
                        expect(value, JsonParser.Event.START_OBJECT);
                        dealFound = true;
                        if (withDeal) {
                            deal = parser.getObject();
                            dealId = deal.get("dealId") instanceof JsonString id ? id.getString() : null;
                        } else {
                            dealId = stringMember(parser, value, "dealId");
                        }
                    }
                    case "decision" -> {
                        expect(value, JsonParser.Event.START_OBJECT);
                        for (JsonParser.Event inner = parser.next(); inner != JsonParser.Event.END_OBJECT; inner = parser.next()) {
                            String name = parser.getString();
                            JsonParser.Event next = parser.next();
                            if (name.equals("outcome")) {
                                outcome = text(parser, next);
                            } else if (name.equals("findings")) {
                                codes = findings(parser, next, rules);
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
        if (decisionId == null || !dealFound || outcome == null || codes == null) {
            throw new IllegalArgumentException("not a record: it lacks its decisionId, deal, outcome or findings");
        }
        return new LoggedDecision(decisionId, evaluatedAt, policy, dealId, deal, outcome, List.copyOf(codes), Set.copyOf(rules));
    }

    private static JsonParser parser(byte[] line) {
        return PARSERS.createParser(new ByteArrayInputStream(line), StandardCharsets.UTF_8);
    }

    /** The code of each finding of the findings array that starts with {@code event}, adding the rule each names to {@code rules}. */
    private static List<String> findings(JsonParser parser, JsonParser.Event event, Set<String> rules) {
        expect(event, JsonParser.Event.START_ARRAY);
        List<String> codes = new ArrayList<>();
        for (JsonParser.Event finding = parser.next(); finding != JsonParser.Event.END_ARRAY; finding = parser.next()) {
            expect(finding, JsonParser.Event.START_OBJECT);
            String code = null;
            for (JsonParser.Event member = parser.next(); member != JsonParser.Event.END_OBJECT; member = parser.next()) {
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                if (name.equals("code")) {
                    code = text(parser, value);
                } else if (name.equals("rule") && value == JsonParser.Event.VALUE_STRING) {
                    rules.add(parser.getString());
                } else {
                    skip(parser, value);
                }
            }
            if (code == null) {
                throw new IllegalArgumentException("a finding lacks its code");
            }
            codes.add(code);
        }
        return codes;
    }

    /**
     * The string member {@code name} of the object that starts with {@code event}, the rest skipped;
     * {@code null} when it has none or the value is not an object.
     */
    private static String stringMember(JsonParser parser, JsonParser.Event event, String name) {
        if (event != JsonParser.Event.START_OBJECT) {
            skip(parser, event);
            return null;
        }
        String found = null;
        for (JsonParser.Event member = parser.next(); member != JsonParser.Event.END_OBJECT; member = parser.next()) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if (key.equals(name) && value == JsonParser.Event.VALUE_STRING) {
                found = parser.getString();
            } else {
                skip(parser, value);
            }
        }
        return found;
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
