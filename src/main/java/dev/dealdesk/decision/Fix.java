package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

/**
 * How the deal's facts could clear a finding, as its rule states it beside the message and the
 * remedy ({@code findings.fixAtLeast(kcontext, "/acv", minimumLandAcv($segment))}). The engine
 * applies fixes to find a path to approval. Immutable.
 *
 * @param path  a JSON Pointer into the deal ({@code /acv}, {@code /custom/discountPercent})
 * @param kind  what the fix does to the value there
 * @param value the bound ({@link Kind#AT_LEAST}, {@link Kind#AT_MOST}: a number), the value
 *              ({@link Kind#TO}: text, a number or a boolean), the number of entries
 *              ({@link Kind#ENTRIES}), or {@code null} ({@link Kind#FILL}, {@link Kind#ADD})
 */
public record Fix(String path, Kind kind, Object value) {

    /** What a fix does. */
    public enum Kind {
        /** Raises the number at the path to the bound, when it is under it (or absent). */
        AT_LEAST,
        /** Lowers the number at the path to the bound, when it is over it (or absent). */
        AT_MOST,
        /** Sets the value at the path. */
        TO,
        /** Sets a placeholder text ({@code "<sponsor>"}) at the path, for the AE to replace. */
        FILL,
        /** Adds the object at the path, its text members as placeholders. */
        ADD,
        /** Appends entries (objects with placeholder texts) to the array at the path until it holds the number given. */
        ENTRIES
    }

    public Fix {
        requireNonNull(path, "path");
        requireNonNull(kind, "kind");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a fix's path is a JSON Pointer into the deal, such as /acv, not \"" + path + "\"");
        }
        boolean valued = kind != Kind.FILL && kind != Kind.ADD;
        if (valued != (value != null)) {
            throw new IllegalArgumentException("a " + kind + " fix " + (valued ? "needs a value" : "takes no value"));
        }
        if ((kind == Kind.AT_LEAST || kind == Kind.AT_MOST) && !(value instanceof Number number && Double.isFinite(number.doubleValue()))) {
            throw new IllegalArgumentException("a " + kind + " fix needs a finite number, not " + value);
        }
        if (kind == Kind.ENTRIES && !(value instanceof Integer count && count > 0)) {
            throw new IllegalArgumentException("an ENTRIES fix needs a count of at least 1, not " + value);
        }
    }
}
