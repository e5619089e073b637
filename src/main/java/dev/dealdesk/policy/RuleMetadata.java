package dev.dealdesk.policy;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a rule declares about the findings it reports, read from its DRL metadata:
 * <pre>
 * rule "Flat fee on a multi-year term"
 *     &#64;code("contract.flat-fee-multi-year")
 *     &#64;concerns("mechanic:growth-contract, failure:pricing-lock-in")
 *     &#64;severity("REJECT")
 *     &#64;approver("FINANCE")
 * </pre>
 * {@code @severity} is {@code REJECT}, {@code FLAG}, {@code INFO} or {@code REJECT_AT_CLOSE}
 * (REJECT when the deal asks to enter CLOSED_WON, FLAG before, so the AE can fix it first).
 * {@code @approver} is required unless the severity is INFO.
 */
public record RuleMetadata(String code, List<String> concerns, SeverityRule severity, ApproverRole approver) {

    /** A rule's severity, possibly depending on the stage the deal asks to enter. */
    public enum SeverityRule {
        REJECT, FLAG, INFO, REJECT_AT_CLOSE;

        Severity at(Stage stage) {
            return switch (this) {
                case REJECT -> Severity.REJECT;
                case FLAG -> Severity.FLAG;
                case INFO -> Severity.INFO;
                case REJECT_AT_CLOSE -> stage == Stage.CLOSED_WON ? Severity.REJECT : Severity.FLAG;
            };
        }
    }

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern CONCERN = Pattern.compile("[a-z]+:[a-z][a-z0-9-]*");

    /**
     * Reads and checks a rule's metadata.
     *
     * @return the metadata, or the problems found (never both)
     */
    public static Parsed parse(Map<String, Object> metadata) {
        List<String> problems = new ArrayList<>();
        String code = text(metadata, "code");
        if (code == null) {
            problems.add("missing @code(\"area.name\")");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("@code \"" + code + "\" is not a finding code such as \"contract.flat-fee\"");
        }
        List<String> concerns = list(text(metadata, "concerns"));
        if (concerns.isEmpty()) {
            problems.add("missing @concerns(\"mechanic:..., failure:...\")");
        }
        for (String concern : concerns) {
            if (!CONCERN.matcher(concern).matches()) {
                problems.add("@concerns entry \"" + concern + "\" is not a concern id such as \"failure:undersold\"");
            }
        }
        SeverityRule severity = constant(metadata, "severity", SeverityRule.class, problems);
        ApproverRole approver = constant(metadata, "approver", ApproverRole.class, problems);
        if (severity != null && severity != SeverityRule.INFO && approver == null && text(metadata, "approver") == null) {
            problems.add("missing @approver(...): one of " + Arrays.toString(ApproverRole.values()));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        // One instance per text across the policy (several rules share a concern): decision writers
        // recognise recurring text by identity first.
        List<String> shared = concerns.stream().map(String::intern).toList();
        return new Parsed(new RuleMetadata(code.intern(), shared, severity, approver), List.of());
    }

    /** The outcome of {@link #parse}. */
    public record Parsed(RuleMetadata metadata, List<String> problems) {
    }

    private static <E extends Enum<E>> E constant(Map<String, Object> metadata, String key, Class<E> type,
                                                  List<String> problems) {
        String value = text(metadata, key);
        if (value == null) {
            if (type == SeverityRule.class) {
                problems.add("missing @severity(...): one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add("@" + key + " \"" + value + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> part.strip().replace("\"", "")).filter(part -> !part.isEmpty())
                .toList();
    }
}
