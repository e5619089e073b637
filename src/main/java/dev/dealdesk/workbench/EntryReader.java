package dev.dealdesk.workbench;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads what the index keeps of one audit record line with a streaming parser, skipping the rest:
 * its decision id, time, deal id, outcome, policy version and the rule of each finding. Keeps one
 * instance of each recurring text (outcomes, policy versions, rule names). Not thread-safe: the
 * index's one reading thread uses it.
 */
final class EntryReader {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, String> texts = new HashMap<>();

    /** The entry of one record line, adding the rules its findings name to {@code rules}; {@code null} when it is not a record. */
    LogIndex.Entry read(long number, byte[] bytes, Set<String> rules) {
        String decisionId = null;
        String dealId = null;
        String evaluatedAt = null;
        String policy = null;
        String[] outcome = {null};
        Set<String> named = new HashSet<>();
        try (JsonParser json = JSON.createParser(new ByteArrayInputStream(bytes))) {
            if (json.next() != Event.START_OBJECT) {
                return null;
            }
            while (json.next() == Event.KEY_NAME) {
                String key = json.getString();
                Event value = json.next();
                switch (key) {
                    case "decisionId" -> decisionId = text(json, value);
                    case "evaluatedAt" -> evaluatedAt = text(json, value);
                    case "deal" -> dealId = member(json, value, "dealId");
                    case "policy" -> policy = member(json, value, "version");
                    case "decision" -> decision(json, value, outcome, named);
                    default -> skip(json, value);
                }
            }
            if (decisionId == null || evaluatedAt == null || outcome[0] == null || policy == null) {
                return null;
            }
            LogIndex.Entry entry = new LogIndex.Entry(number, decisionId, dealId == null ? "" : dealId, shared(outcome[0]),
                    Instant.parse(evaluatedAt), shared(policy));
            named.forEach(rule -> rules.add(shared(rule)));
            return entry;
        } catch (JsonException | IllegalStateException | NoSuchElementException | java.time.DateTimeException e) {
            return null;
        }
    }

    private String shared(String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    private static String text(JsonParser json, Event value) {
        return value == Event.VALUE_STRING ? json.getString() : null;
    }

    /** The string member {@code name} of the object starting at {@code value}; the rest skipped. */
    private static String member(JsonParser json, Event value, String name) {
        if (value != Event.START_OBJECT) {
            skip(json, value);
            return null;
        }
        String found = null;
        while (json.next() == Event.KEY_NAME) {
            String key = json.getString();
            Event member = json.next();
            if (key.equals(name) && member == Event.VALUE_STRING) {
                found = json.getString();
            } else {
                skip(json, member);
            }
        }
        return found;
    }

    /** The decision's outcome and the rule of each finding. */
    private static void decision(JsonParser json, Event value, String[] outcome, Set<String> rules) {
        if (value != Event.START_OBJECT) {
            skip(json, value);
            return;
        }
        while (json.next() == Event.KEY_NAME) {
            String key = json.getString();
            Event member = json.next();
            if (key.equals("outcome")) {
                outcome[0] = text(json, member);
            } else if (key.equals("findings") && member == Event.START_ARRAY) {
                for (Event finding = json.next(); finding != Event.END_ARRAY; finding = json.next()) {
                    String rule = member(json, finding, "rule");
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            } else {
                skip(json, member);
            }
        }
    }

    private static void skip(JsonParser json, Event value) {
        if (value == Event.START_OBJECT) {
            json.skipObject();
        } else if (value == Event.START_ARRAY) {
            json.skipArray();
        }
    }
}
