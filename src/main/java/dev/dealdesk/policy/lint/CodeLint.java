package dev.dealdesk.policy.lint;

import dev.dealdesk.json.DealSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * The safety lint of one piece of DRL code (a condition, a consequence, a function body): every
 * name it uses must be on the allowlist ({@link LintAllowlist}), and no construct may hide a call
 * from that check (unicode escapes, text blocks, lambdas, anonymous classes, labels, arrays).
 */
final class CodeLint {

    /** Syntax no policy needs and that would hide calls from this check: lambdas, method references, var. */
    private static final Map<String, String> FORBIDDEN_SYNTAX = Map.of(
            "->", "lambdas are not allowed in rules",
            "::", "method references are not allowed in rules");
    private static final Pattern KCONTEXT = Pattern.compile("\\bkcontext\\b");
    private static final Pattern ARRAY = Pattern.compile("\\bnew\\s+[\\w$.]+\\s*(<[^>]*>)?\\s*\\[");
    private static final Pattern FINDINGS_WORD = Pattern.compile("(?<![\\w$.])findings\\b");
    /** The findings API: reporting, and stating how facts could clear what was reported. */
    static final String FINDINGS_METHODS = "add|addForEntry|ownershipModel|fixAtLeast|fixAtMost|fixTo|fixFill|fixAdd|fixEntries";
    private static final Pattern FINDINGS_USE = Pattern.compile("findings\\s*\\.\\s*(" + FINDINGS_METHODS + ")\\s*\\(");
    private static final Pattern INSERT = Pattern.compile("(?<![\\w$.])insert(Logical)?\\s*\\(\\s*(new\\s+([\\w$]+)\\s*\\()?");
    private static final Pattern FINDINGS_CALL = Pattern.compile(
            "\\bfindings\\s*\\.\\s*(" + FINDINGS_METHODS + ")\\s*\\(\\s*$");

    private final Set<String> functions;
    private final boolean allFunctions;
    private final DealNames dealNames;

    /**
     * @param functions    the policy's functions and imported functions, callable without an object
     * @param allFunctions whether {@code functions} are all there are: {@code false} when a file of the
     *                     policy does not parse, which may declare the functions others call
     * @param deal         the deal's schema under this policy (core and custom fields)
     */
    CodeLint(Set<String> functions, boolean allFunctions, DealSchema deal) {
        this.functions = Set.copyOf(functions);
        this.allFunctions = allFunctions;
        this.dealNames = new DealNames(deal);
    }

    /**
     * Checks every name in {@code code}. {@code offset} is where the code starts in the file, or -1
     * when unknown (problems are then reported at {@code where}).
     */
    void check(LintFile at, String code, int offset, Set<String> bound, boolean condition, BaseDescr where) {
        // Java reads these before it reads strings and comments, so they could hide code from the scan.
        for (String hiding : List.of("\\u", "\"\"\"")) {
            int found = code.indexOf(hiding);
            if (found >= 0) {
                String problem = hiding.equals("\\u") ? "unicode escapes are not allowed in rules: write the character itself"
                        : "text blocks are not allowed in rules";
                if (offset >= 0) {
                    at.error(offset + found, problem);
                } else {
                    at.error(where, problem);
                }
                return;
            }
        }
        String visible = ExpressionScanner.blankOut(code);
        for (Map.Entry<String, String> syntax : FORBIDDEN_SYNTAX.entrySet()) {
            int found = visible.indexOf(syntax.getKey());
            if (found >= 0) {
                report(at, offset, found, where, syntax.getValue());
                return;
            }
        }
        int kcontext = misusedKcontext(visible);
        if (kcontext >= 0) {
            report(at, offset, kcontext, where, "kcontext may only be the first argument of a findings call ("
                    + FINDINGS_METHODS.replace("|", ", ") + ")");
            return;
        }
        String structure = structureProblem(visible, condition);
        if (structure != null) {
            int at0 = structure.indexOf('@');
            report(at, offset, Integer.parseInt(structure.substring(0, at0)), where, structure.substring(at0 + 1));
            return;
        }
        List<ExpressionScanner.Name> names = ExpressionScanner.scan(code, LintAllowlist.TYPES.keySet());
        Set<String> declared = new HashSet<>(bound);
        for (ExpressionScanner.Name name : names) {
            if (!condition && name.colon() && name.statementStart() && !name.member()) {
                report(at, offset, name.offset(), where, "labels are not allowed in rules");
                return;
            }
            boolean declaring = name.local() || condition && name.colon() && !name.member();
            if (declaring && !Character.isLowerCase(name.text().charAt(0)) && !name.text().startsWith("$")) {
                report(at, offset, name.offset(), where, "a variable must start with a lower-case letter or $, not "
                        + name.text());
                return;
            }
            if (declaring) {
                if (LintAllowlist.PACKAGE_ROOTS.contains(name.text()) || LintAllowlist.TYPES.containsKey(name.text())
                        || name.text().equals("kcontext") || name.text().equals(LintAllowlist.GLOBAL_NAME)) {
                    report(at, offset, name.offset(), where, "a variable may not be named " + name.text());
                    return;
                }
                declared.add(name.text());
            }
        }
        Set<Integer> accounted = dealNames.check(code, visible, names, declared, condition,
                (found, problem) -> report(at, offset, found, where, problem));
        for (ExpressionScanner.Name name : names) {
            if (accounted.contains(name.offset())) {
                continue;
            }
            String problem = problem(name, declared, condition);
            if (problem != null) {
                if (offset >= 0) {
                    at.error(offset + name.offset(), problem);
                } else {
                    at.error(where, problem);
                }
            }
        }
    }

    private static void report(LintFile at, int offset, int found, BaseDescr where, String problem) {
        if (offset >= 0) {
            at.error(offset + found, problem);
        } else {
            at.error(where, problem);
        }
    }

    /**
     * The first structural construct that would hide code from the name checks, as
     * {@code offset@message}, or {@code null}: an anonymous class body (its methods are called
     * without a dot), an array (its text is an identity hash), {@code findings} used other than
     * to report, or an insert of anything but the rule API's own facts.
     */
    private static String structureProblem(String visible, boolean condition) {
        Matcher array = ARRAY.matcher(visible);
        if (array.find()) {
            return array.start() + "@arrays are not allowed in rules";
        }
        Matcher findings = FINDINGS_WORD.matcher(visible);
        while (findings.find()) {
            if (!FINDINGS_USE.matcher(visible).region(findings.start(), visible.length()).lookingAt()) {
                return findings.start() + "@findings may only be used to report and state fixes: findings."
                        + FINDINGS_METHODS.replace("|", ", findings.");
            }
        }
        Matcher insert = INSERT.matcher(visible);
        while (insert.find()) {
            if (insert.group(3) == null || !LintAllowlist.INSERTABLE.contains(insert.group(3))) {
                return insert.start() + "@insert may add only the rule API's own facts (insert(new "
                        + String.join("(...)), insert(new ", LintAllowlist.INSERTABLE.stream().sorted().toList())
                        + "(...))): a rule that inserts a Deal or a number changes what every other rule sees";
            }
        }
        for (int i = 0; i < visible.length(); i++) {
            if (visible.charAt(i) != '{') {
                continue;
            }
            int close = i - 1;
            while (close >= 0 && Character.isWhitespace(visible.charAt(close))) {
                close--;
            }
            if (close < 0 || visible.charAt(close) != ')') {
                continue;
            }
            int open = matchingOpen(visible, close);
            String owner = open < 0 ? "" : wordBefore(visible, open);
            if (!owner.equals("if") && !owner.equals("switch")) {
                return i + "@anonymous classes and blocks after a call are not allowed in rules";
            }
        }
        return null;
    }

    private static int matchingOpen(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (text.charAt(i) == ')') {
                depth++;
            } else if (text.charAt(i) == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String wordBefore(String text, int position) {
        int end = position - 1;
        while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        int start = end;
        while (start >= 0 && Character.isJavaIdentifierPart(text.charAt(start))) {
            start--;
        }
        return text.substring(start + 1, end + 1);
    }

    /** The offset of the first {@code kcontext} that is not the first argument of a findings call, or -1. */
    private static int misusedKcontext(String visible) {
        Matcher use = KCONTEXT.matcher(visible);
        while (use.find()) {
            String before = visible.substring(0, use.start());
            if (!FINDINGS_CALL.matcher(before).find()) {
                return use.start();
            }
            String after = visible.substring(use.end());
            if (!after.stripLeading().startsWith(",") && !after.stripLeading().startsWith(")")) {
                return use.start();
            }
        }
        return -1;
    }

    private String problem(ExpressionScanner.Name name, Set<String> declared, boolean condition) {
        String text = name.text();
        if ("case".equals(name.previousWord())) {
            return null;
        }
        if (name.member()) {
            String reason = LintAllowlist.FORBIDDEN_MEMBERS.get(text);
            if (reason != null) {
                return "." + text + " is not allowed: " + reason;
            }
            return LintAllowlist.MEMBERS.contains(text) ? null : "." + text + " is not allowed: it is not a member of"
                    + " the fact model, the findings API or the allowed JDK value types";
        }
        if (LintAllowlist.FORBIDDEN_MEMBERS.containsKey(text)) {
            return text + " is not allowed: " + LintAllowlist.FORBIDDEN_MEMBERS.get(text);
        }
        if (Character.isUpperCase(text.charAt(0)) && !LintAllowlist.TYPES.containsKey(text)) {
            return text + " is not allowed in rules: not part of the fact model, the findings API or the allowed JDK value types";
        }
        if (name.called() && !"new".equals(name.previousWord()) && !functions.contains(text)
                && !LintAllowlist.CALLABLE_WORDS.contains(text) && !(condition && LintAllowlist.PROPERTIES.contains(text))) {
            // A file that does not parse may declare it: that file's errors come first, and this is checked once it parses.
            return !allFunctions ? null : text + "(...) is not allowed: only policy functions, imported functions and insert"
                    + " can be called without an object";
        }
        if (declared.contains(text) || LintAllowlist.WORDS.contains(text) || functions.contains(text)) {
            return null;
        }
        if (LintAllowlist.TYPES.containsKey(text)) {
            return null;
        }
        if (condition && LintAllowlist.PROPERTIES.contains(text)) {
            return null;
        }
        if (Character.isUpperCase(text.charAt(0))) {
            return text + " is not allowed in rules: not part of the fact model, the findings API or the allowed JDK value types";
        }
        if (text.startsWith("$")) {
            return text + " is not bound in this rule";
        }
        return "unknown name " + text + ": rules may name only facts, bound variables, policy functions and allowed types"
                + " (no fully qualified names)";
    }
}
