package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reason behind a decision. Immutable.
 *
 * @param code     stable finding code from the policy brief, such as {@code contract.flat-fee}
 * @param severity REJECT, FLAG or INFO
 * @param concerns the concern ids the finding enforces, such as {@code mechanic:growth-contract}
 * @param message  plain words with the actual values
 * @param evidence the input fields and thresholds compared, by name, sorted by name; values are
 *                 {@code String}, {@code Number}, {@code Boolean} or {@code null} (absent)
 * @param remedy   what to change; {@code null} for INFO findings that need no change
 * @param approver who signs (FLAG) or owns the fix (REJECT); {@code null} for INFO
 * @param rule     the name of the DRL rule that produced the finding
 * @param fixes    how the deal's facts could clear it, as its rule states; empty when no change of
 *                 facts can (a FLAG then needs its approver's sign-off). Not part of the decision's
 *                 JSON: the path to approval is.
 */
public record Finding(String code, Severity severity, List<String> concerns, String message,
                      Map<String, Object> evidence, String remedy, ApproverRole approver, String rule, List<Fix> fixes) {

    public Finding {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        concerns = List.copyOf(concerns);
        requireNonNull(message, "message");
        evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
        if (severity != Severity.INFO) {
            requireNonNull(approver, "approver of a " + severity + " finding");
        }
        requireNonNull(rule, "rule");
        fixes = List.copyOf(fixes);
    }
}
