package dev.dealdesk.json;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSON Schema {@code pattern}, which is an ECMA-262 regular expression, compiled for
 * {@code java.util.regex} with the meaning ECMA-262 gives it where the two differ on what schemas
 * write: {@code $} is the end of the text (Java's also matches before a final line break);
 * {@code \s} and {@code \S} are ECMA-262 white space, which includes the no-break and ideographic
 * spaces (Java's is ASCII only); {@code [} and {@code &} inside a class are literal (Java nests and
 * intersects classes with them). Literals, classes, ranges, groups, alternation, quantifiers,
 * {@code ^}, {@code \d} and {@code \w} read the same in both. Stateless.
 */
final class EcmaPattern {

    /** ECMA-262 WhiteSpace and LineTerminator, as the body of a Java character class. */
    private static final String SPACE = "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private EcmaPattern() {
    }

    /**
     * The Java pattern that means what {@code ecma} means; searched with {@code find()}, as JSON
     * Schema patterns are not anchored.
     *
     * @throws PatternSyntaxException when Java cannot compile it
     */
    static Pattern compile(String ecma) {
        StringBuilder java = new StringBuilder(ecma.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                char escaped = ecma.charAt(++i);
                if (escaped == 's') {
                    java.append(inClass ? SPACE : "[" + SPACE + "]");
                } else if (escaped == 'S') {
                    java.append("[^" + SPACE + "]"); // inside a class, Java reads a nested class as a union
                } else {
                    java.append(c).append(escaped);
                }
            } else if (inClass) {
                inClass = c != ']';
                java.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
            } else {
                inClass = c == '[';
                java.append(c == '$' ? "\\z" : String.valueOf(c));
            }
        }
        return Pattern.compile(java.toString());
    }
}
