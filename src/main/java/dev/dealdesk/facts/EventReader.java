package dev.dealdesk.facts;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values off a JSON parser's events for {@link DealBinder}, converting them as
 * {@link JsonFields} does, and declining ({@link Decline}) wherever JsonFields would report an
 * error. Each value reader moves to the next value and reads it; JSON null reads as absent
 * ({@code null}).
 */
final class EventReader {

    /** Gives up on the fast way; thrown often enough on bad input that it carries no stack trace. */
    static final class Decline extends Exception {
        private Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final JsonParser parser;

    EventReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The names an object may have, for {@link #members}: a name's position is its bit in the
     * duplicate check. A member's name is reported as the instance given here, so the caller's
     * {@code switch} on it, over the same literals, matches by identity rather than by comparing text.
     */
    record Names(Map<String, Integer> positions, List<String> names) {
    }

    static Names names(List<String> allowed) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < allowed.size(); i++) {
            positions.put(allowed.get(i), i);
        }
        return new Names(Map.copyOf(positions), List.copyOf(allowed));
    }

    /** The members of the object just started: only the {@code allowed} names, each at most once. */
    Members members(Names allowed) {
        return new Members(allowed);
    }

    /** Walks an object's members in document order. */
    final class Members {

        private final Names allowed;
        private int seen; // a bit per allowed name (no object has more than 32)
        private int expected; // the position after the last member's: writers tend to keep one order
        private String name;

        private Members(Names allowed) {
            this.allowed = allowed;
        }

        /** Moves to the next member's name (read its value next); false at the end of the object. */
        boolean next() throws Decline {
            if (parser.next() == Event.END_OBJECT) {
                return false;
            }
            String text = parser.getString();
            int position = position(text);
            if (position < 0 || (seen & 1 << position) != 0) {
                throw DECLINE;
            }
            seen |= 1 << position;
            expected = position + 1;
            name = allowed.names().get(position);
            return true;
        }

        /**
         * The position of the allowed name {@code text}, or -1. Members mostly come in the order of
         * the allowed names, some left out: the names from the expected one on are tried first,
         * which is cheaper than hashing the text.
         */
        private int position(String text) {
            List<String> names = allowed.names();
            for (int at = expected; at < names.size() && at < expected + 3; at++) {
                if (names.get(at).equals(text)) {
                    return at;
                }
            }
            Integer position = allowed.positions().get(text);
            return position == null ? -1 : position;
        }

        String name() {
            return name;
        }
    }

    /** Whether an object starts (read its members next); false for null. */
    boolean object() throws Decline {
        return starts(Event.START_OBJECT, Event.VALUE_NULL);
    }

    /** Whether an array starts (read its items next); false for null. */
    boolean array() throws Decline {
        return starts(Event.START_ARRAY, Event.VALUE_NULL);
    }

    /** Whether an object item starts (read its members next); false at the end of the array. */
    boolean nextObjectItem() throws Decline {
        return starts(Event.START_OBJECT, Event.END_ARRAY);
    }

    /** Whether the next event is {@code start}; false when it is {@code orElse}; declines on any other. */
    private boolean starts(Event start, Event orElse) throws Decline {
        Event event = parser.next();
        if (event != start && event != orElse) {
            throw DECLINE;
        }
        return event == start;
    }

    String string() throws Decline {
        Event event = parser.next();
        return event == Event.VALUE_NULL ? null : event == Event.VALUE_STRING ? parser.getString() : decline();
    }

    Boolean bool() throws Decline {
        return switch (parser.next()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> decline();
        };
    }

    /** The number's double value: finite, and not negative when {@code nonNegative}. */
    Double number(boolean nonNegative) throws Decline {
        BigDecimal exact = exact();
        if (exact == null) {
            return null;
        }
        double number = exact.doubleValue();
        return Double.isInfinite(number) || nonNegative && exact.signum() < 0 ? decline() : number;
    }

    /** An int of at least {@code min}, with no fraction. */
    Integer integer(int min) throws Decline {
        BigDecimal exact = exact();
        if (exact == null) {
            return null;
        }
        // Checked before intValueExact, which would expand a huge exponent digit by digit.
        int integer = exact.precision() - exact.scale() <= 10 ? exact.intValueExact() : decline();
        return integer >= min ? integer : decline();
    }

    private BigDecimal exact() throws Decline {
        Event event = parser.next();
        return event == Event.VALUE_NULL ? null : event == Event.VALUE_NUMBER ? parser.getBigDecimal() : decline();
    }

    <E extends Enum<E>> E constant(Class<E> type) throws Decline {
        String name = string();
        return name == null ? null : Enum.valueOf(type, name); // an unknown name throws, and the caller declines
    }

    LocalDate date() throws Decline {
        String text = string();
        return text == null ? null : JsonFields.date(text).orElseThrow(() -> DECLINE);
    }

    Quarter quarter() throws Decline {
        String text = string();
        return text == null ? null : Quarter.parse(text); // not a quarter throws, and the caller declines
    }

    static <T> T required(T value) throws Decline {
        return value == null ? decline() : value;
    }

    static <T> T decline() throws Decline {
        throw DECLINE;
    }
}
