package dev.dealdesk.policy.lint;

import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.json.DealSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the deal's field names a rule uses against the deal's schema, core and custom, so a
 * misspelt field is an error at its {@code file:line:column} before anything runs (when the
 * policy's declaration of custom fields was itself refused, custom names go unchecked: that
 * declaration's problem is the one to fix):
 * <ul>
 * <li>in a condition, a path from a deal property ({@code contract.termMonths},
 *     {@code custom.discountPercent}) must name a field the schema declares at each step;</li>
 * <li>anywhere, {@code customNumber("field")} and its siblings must name a declared custom field,
 *     as a string literal, of a type the accessor returns.</li>
 * </ul>
 */
final class DealNames {

    /** Each custom-field accessor of {@code Deal} and the declared types it reads. */
    private static final Map<String, Set<String>> ACCESSORS = Map.of(
            "customNumber", Set.of("number", "integer"), "customInteger", Set.of("integer"),
            "customText", Set.of("string"), "customFlag", Set.of("boolean"), "customDate", Set.of("date"));
    private static final Pattern ACCESSOR = Pattern.compile("\\b(custom(?:Number|Integer|Text|Flag|Date))\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*\\)");
    /** A fix's path, when written as a literal: {@code findings.fixAtLeast(kcontext, "/acv", ...)}. */
    private static final Pattern FIX = Pattern.compile("\\bfindings\\s*\\.\\s*(fix\\w+)\\s*\\(\\s*kcontext\\s*,\\s*(?=\")");
    /** The whole path argument as one literal; a literal followed by {@code +} starts a computed path. */
    private static final Pattern POINTER = Pattern.compile("\"([^\"\\\\]*)\"\\s*(?=[,)])");
    /** Each kind of fix and the types of field it applies to. */
    private static final Map<String, Set<String>> FIXES = Map.of(
            "fixAtLeast", Set.of("number", "integer"), "fixAtMost", Set.of("number", "integer"),
            "fixTo", Set.of("string", "date", "number", "integer", "boolean"), "fixFill", Set.of("string"),
            "fixAdd", Set.of("object"), "fixEntries", Set.of("array"));

    private final DealSchema deal;
    private final Set<String> roots;

    DealNames(DealSchema deal) {
        this.deal = deal;
        this.roots = Set.copyOf(deal.properties(""));
    }

    /**
     * Reports each misnamed field through {@code report} (offset in {@code code}, message) and
     * returns the offsets of the names the schema accounts for (custom fields, which are not Java
     * members and so need no other check).
     *
     * @param visible {@code code} with its strings and comments blanked out, offset for offset
     */
    Set<Integer> check(String code, String visible, List<ExpressionScanner.Name> names, Set<String> declared,
                       boolean condition, BiConsumer<Integer, String> report) {
        Set<Integer> accounted = new HashSet<>();
        for (int i = 0; condition && i < names.size(); i++) {
            ExpressionScanner.Name root = names.get(i);
            if (!root.member() && roots.contains(root.text()) && !declared.contains(root.text())) {
                i = walk(names, i, visible, accounted, report);
            }
        }
        Matcher accessor = ACCESSOR.matcher(visible);
        while (accessor.find()) {
            Matcher literal = LITERAL.matcher(code).region(accessor.end(), code.length());
            String method = accessor.group(1);
            if (!literal.lookingAt()) {
                report.accept(accessor.start(1), method + " takes the field's name as a string literal,"
                        + " so the lint can check it: " + method + "(\"field\")");
                continue;
            }
            String field = literal.group(1);
            String type = deal.properties("/custom").contains(field) ? deal.type("/custom/" + field) : null;
            if (type == null && deal.closed("/custom")) {
                report.accept(literal.start(1) - 1, unknownCustom(field));
            } else if (type != null && !ACCESSORS.get(method).contains(type)) {
                report.accept(accessor.start(1), method + " reads a " + String.join(" or ", ACCESSORS.get(method).stream().sorted().toList())
                        + " field, but custom field " + field + " is a " + type);
            }
        }
        checkFixes(code, visible, report);
        return accounted;
    }

    /** A fix's literal path must lead to a field of a type the fix applies to. */
    private void checkFixes(String code, String visible, BiConsumer<Integer, String> report) {
        Matcher fix = FIX.matcher(visible);
        while (fix.find()) {
            Matcher pointer = POINTER.matcher(code).region(fix.end(), code.length());
            if (!pointer.lookingAt() || !FIXES.containsKey(fix.group(1))) {
                continue; // a computed path (an entry's index) is checked when the fix is applied; an unknown method, by the member check
            }
            String path = pointer.group(1);
            if (path.startsWith("/custom/") && !deal.closed("/custom")) {
                continue; // the custom fields' declaration was refused: that is the problem to fix
            }
            String type;
            try {
                type = deal.type(path);
            } catch (IllegalArgumentException notThere) {
                report.accept(pointer.start(1), "fix path " + path + ": the deal has no field there");
                continue;
            }
            if (!FIXES.get(fix.group(1)).contains(type)) {
                report.accept(pointer.start(1), fix.group(1) + " applies to a " + String.join(" or ",
                        FIXES.get(fix.group(1)).stream().sorted().toList()) + " field, but " + path + " is a " + type);
            } else if (fix.group(1).equals("fixFill") && !deal.freeText(path)) {
                report.accept(pointer.start(1), "fixFill writes a placeholder text, but " + path + " holds only certain"
                        + " values (an enum or a form): state the value with fixTo");
            }
        }
    }

    /** Follows the path that starts at names[start] through the schema's objects; returns the last index it used. */
    private int walk(List<ExpressionScanner.Name> names, int start, String visible, Set<Integer> accounted,
                     BiConsumer<Integer, String> report) {
        String pointer = "/" + names.get(start).text();
        String shown = names.get(start).text();
        int i = start;
        while (i + 1 < names.size() && names.get(i + 1).member() && dotBetween(visible, names.get(i), names.get(i + 1))
                && deal.type(pointer).equals("object")) {
            ExpressionScanner.Name next = names.get(++i);
            List<String> fields = deal.properties(pointer);
            if (!deal.closed(pointer)) {
                accounted.add(next.offset()); // an object whose fields are not known here: nothing to check against
                break;
            }
            if (fields.contains(next.text())) {
                if (pointer.equals("/custom")) {
                    accounted.add(next.offset());
                }
                pointer += "/" + next.text();
                shown += "." + next.text();
            } else {
                if (!next.called()) {
                    accounted.add(next.offset());
                    report.accept(next.offset(), pointer.equals("/custom") ? unknownCustom(next.text())
                            : shown + " has no field " + next.text() + "; its fields are " + String.join(", ", fields));
                }
                break;
            }
        }
        return i;
    }

    private String unknownCustom(String field) {
        List<String> declared = deal.properties("/custom");
        return "the deal has no custom field " + field + (declared.isEmpty()
                ? ": the policy declares none (rules/" + CustomFieldsSchema.FILE + ")"
                : "; the policy declares " + String.join(", ", declared) + " (rules/" + CustomFieldsSchema.FILE + ")");
    }

    /** Whether only a dot (and spaces) separates two names: {@code a.b}, one path. */
    private static boolean dotBetween(String visible, ExpressionScanner.Name left, ExpressionScanner.Name right) {
        String between = visible.substring(left.offset() + left.text().length(), right.offset()).strip();
        return between.equals(".");
    }
}
