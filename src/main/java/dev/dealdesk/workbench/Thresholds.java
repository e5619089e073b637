package dev.dealdesk.workbench;

import dev.dealdesk.decision.PolicyProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thresholds of {@code thresholds.drl}: each line {@code function <type> <name>() { return <value>; }}
 * is one, with the comment right above it (none when another threshold is right above it) and the
 * section header ({@code // --- ... ---}) it stands under. Editing a threshold replaces its value
 * on its line and nothing else. Stateless.
 */
final class Thresholds {

    /** The rules file that holds every threshold. */
    static final String FILE = "thresholds.drl";

    /**
     * One threshold.
     *
     * @param name    the function's name, as rules call it
     * @param type    the function's return type ({@code int}, {@code double})
     * @param value   its value as written
     * @param comment the comment that explains it, or empty
     * @param section the section it stands under, or empty
     * @param line    its 1-based line
     */
    record Threshold(String name, String type, String value, String comment, String section, int line) {
    }

    private static final Pattern FUNCTION = Pattern.compile(
            "^(\\s*function\\s+(\\w+)\\s+(\\w+)\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+)([^;]+?)(\\s*;\\s*}\\s*)$");
    private static final Pattern SECTION = Pattern.compile("^\\s*//\\s*-{2,}\\s*(.*?)\\s*-*\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");
    /**
     * A number as a rules file writes one: an optional sign, digits with optional underscores between
     * them, an optional fraction. No leading zero: Java reads {@code 012} as octal, ten.
     */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*(_\\d+)*)(\\.\\d+(_\\d+)*)?");
    /** The largest whole number Java writes as an {@code int} literal. */
    private static final BigInteger INT_LITERAL_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private Thresholds() {
    }

    /** Every threshold of {@code text}, in line order. */
    static List<Threshold> read(String text) {
        List<Threshold> thresholds = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        String section = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher function = FUNCTION.matcher(line);
            Matcher header = SECTION.matcher(line);
            Matcher remark = COMMENT.matcher(line);
            if (function.matches()) {
                thresholds.add(new Threshold(function.group(3), function.group(2), function.group(4).strip(),
                        String.join(" ", comment), section, i + 1));
                comment.clear();
            } else if (header.matches() && !header.group(1).isEmpty()) {
                section = header.group(1);
                comment.clear();
            } else if (remark.matches()) {
                comment.add(remark.group(1).strip());
            } else {
                comment.clear();
            }
        }
        return thresholds;
    }

    /**
     * {@code text} with each threshold in {@code values} (name to new value) set to its value.
     *
     * @throws Refusal naming {@code /thresholds/<name>} for a name {@code text} does not define or a
     *                 value that is not a number
     */
    static String apply(String text, Map<String, String> values) {
        Map<String, String> left = new LinkedHashMap<>(values);
        values.forEach((name, value) -> {
            if (!NUMBER.matcher(value).matches()) {
                throw Refusal.badInput("invalid-draft", pointer(name), "expected a number: an optional minus sign, digits"
                        + " with no leading zero (012 would not be read as twelve), _ allowed between digits, and at most"
                        + " one decimal point, got \"" + value + "\"");
            }
        });
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher function = FUNCTION.matcher(lines[i]);
            if (function.matches() && left.containsKey(function.group(3))) {
                String before = function.group(4).strip();
                String value = left.remove(function.group(3));
                if (!sameNumber(before, value)) {
                    lines[i] = function.group(1) + literal(function.group(2), grouped(before, value)) + function.group(5);
                }
            }
        }
        if (!left.isEmpty()) {
            String name = left.keySet().iterator().next();
            throw Refusal.badInput("invalid-draft", pointer(name), "no threshold named " + name + " in " + FILE);
        }
        return String.join("\n", lines);
    }

    /**
     * {@code problem}, found in {@code text} (the thresholds file as a draft set it), with the column
     * of the value written where the compiler gave none and its line is a threshold in {@code edited}:
     * the compiler places a function's errors by line only, and on such a line the value is the one
     * thing the draft wrote.
     */
    static PolicyProblem located(PolicyProblem problem, String text, Set<String> edited) {
        if (!problem.file().equals(FILE) || problem.column() > 0 || problem.line() < 1) {
            return problem;
        }
        String[] lines = text.split("\n", -1);
        if (problem.line() > lines.length) {
            return problem;
        }
        Matcher function = FUNCTION.matcher(lines[problem.line() - 1]);
        if (!function.matches() || !edited.contains(function.group(3))) {
            return problem;
        }
        return new PolicyProblem(problem.file(), problem.line(), function.start(4) + 1, problem.level(), problem.message());
    }

    /** Whether the value written and the value given are the same number, underscores and trailing zeros aside. */
    private static boolean sameNumber(String written, String given) {
        if (!NUMBER.matcher(written).matches()) {
            return false;
        }
        return new BigDecimal(written.replace("_", "")).compareTo(new BigDecimal(given.replace("_", ""))) == 0;
    }

    /**
     * {@code given} written as the file writes the value it replaces: a whole number given without
     * underscores takes them between each group of three digits when that value had them; any other
     * value as given.
     */
    private static String grouped(String written, String given) {
        if (!written.contains("_") || given.contains("_") || given.contains(".")) {
            return given;
        }
        return String.format(Locale.ROOT, "%,d", new BigInteger(given)).replace(',', '_');
    }

    /**
     * {@code value} as a literal of a threshold of {@code type}: as given, but a whole number too large
     * for an {@code int} literal is a {@code double} one ({@code .0}) for a {@code double} threshold,
     * as Java will not read it otherwise. An {@code int} threshold keeps it, and the compiler says
     * it is out of range.
     */
    private static String literal(String type, String value) {
        boolean whole = value.indexOf('.') < 0;
        boolean large = whole && new BigInteger(value.replace("_", "")).abs().compareTo(INT_LITERAL_MAX) > 0;
        return large && (type.equals("double") || type.equals("float")) ? value + ".0" : value;
    }

    /** Where a threshold's value is in a draft: {@code /thresholds/<name>}, the name escaped as a JSON Pointer. */
    static String pointer(String name) {
        return "/thresholds/" + name.replace("~", "~0").replace("/", "~1");
    }
}
