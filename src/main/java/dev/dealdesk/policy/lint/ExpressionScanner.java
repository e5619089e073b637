package dev.dealdesk.policy.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the names a piece of DRL code uses, skipping string literals, character literals and
 * comments: each identifier with its offset and the context the lint judges it in.
 */
final class ExpressionScanner {

    /**
     * One identifier in the code.
     *
     * @param text           the identifier
     * @param offset         where it starts in the code
     * @param member         it follows a dot: {@code x.name}
     * @param local          it is declared as a local variable: {@code Type name =}
     * @param colon          a single colon follows it: a binding {@code $x :} in a condition, or a label
     * @param statementStart it starts a statement (after {@code ;}, braces, or at the start)
     * @param called         an opening parenthesis follows it
     * @param previousWord   the identifier just before it, or {@code null}
     */
    record Name(String text, int offset, boolean member, boolean local, boolean colon, boolean statementStart,
                boolean called, String previousWord) {
    }

    private static final Set<String> DECLARING_WORDS = Set.of("int", "long", "double", "float", "boolean",
            "char", "short", "byte", "final");

    private ExpressionScanner() {
    }

    /**
     * Scans {@code code}. A name is a local declaration when it follows a type or primitive and
     * precedes {@code =}, {@code ;}, {@code ,} or {@code )}.
     *
     * @param typeNames names that count as types when they precede a declared name
     */
    static List<Name> scan(String code, Set<String> typeNames) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        char previous = ';';
        String previousWord = null;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(code, i, c);
                previous = c;
                previousWord = null;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                i = lineEnd(code, i);
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
            } else if (Character.isDigit(c)) {
                while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                        || code.charAt(i) == '.' && i + 1 < code.length() && Character.isDigit(code.charAt(i + 1)))) {
                    i++;
                }
                previous = '0';
                previousWord = null;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
                String word = code.substring(start, i);
                char next = nextSignificant(code, i);
                boolean member = previous == '.';
                boolean colon = next == ':' && !followedBy(code, i, "::");
                boolean local = !member && (previousWord != null && (typeNames.contains(previousWord)
                        || DECLARING_WORDS.contains(previousWord)) && "=;,)".indexOf(next) >= 0
                        || previous == '>' && "=;".indexOf(next) >= 0);
                names.add(new Name(word, start, member, local, colon, previous == ';' || previous == '{' || previous == '}',
                        next == '(', previousWord));
                previous = 'a';
                previousWord = word;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = c;
                    previousWord = null;
                }
                i++;
            }
        }
        return names;
    }

    /**
     * {@code code} with the insides of string and character literals and all comments replaced by
     * spaces, so offsets still match and patterns can be searched without matching text in them.
     */
    static String blankOut(String code) {
        StringBuilder blank = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int end;
            if (c == '"' || c == '\'') {
                end = skipLiteral(code, i, c);
                fill(blank, i + 1, end - 1);
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                end = lineEnd(code, i);
                fill(blank, i, end);
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? code.length() : close + 2;
                fill(blank, i, end);
            } else {
                end = i + 1;
            }
            i = end;
        }
        return blank.toString();
    }

    private static void fill(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static int skipLiteral(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static int lineEnd(String code, int from) {
        int end = code.indexOf('\n', from);
        return end < 0 ? code.length() : end;
    }

    private static char nextSignificant(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i);
            }
        }
        return ' ';
    }

    private static boolean followedBy(String code, int from, String text) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return code.startsWith(text, i);
    }
}
