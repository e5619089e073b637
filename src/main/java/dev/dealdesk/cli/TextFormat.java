package dev.dealdesk.cli;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a decision for a person at a terminal. Text that comes from input (the deal id, and
 * messages and remedies, which quote team names and champions) has its control and format
 * characters escaped, so a value holding a newline, an escape sequence or a right-to-left override
 * can neither forge a line, move the cursor nor reorder what is shown.
 */
final class TextFormat {

    private TextFormat() {
    }

    static String render(Decision decision) {
        StringBuilder text = new StringBuilder();
        text.append("Deal ").append(escape(decision.dealId())).append(" as of ").append(decision.asOf()).append(": ")
                .append(decision.outcome()).append('\n');
        text.append("  Ownership model: ").append(decision.ownershipModel()).append('\n');
        if (!decision.approvers().isEmpty()) {
            text.append("  Approvers: ").append(decision.approvers().stream().map(ApproverRole::name)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        for (Finding finding : decision.findings()) {
            text.append('\n').append("  ").append(String.format("%-6s %s", finding.severity(), finding.code()));
            if (finding.approver() != null) {
                text.append("  (").append(finding.approver()).append(')');
            }
            text.append('\n').append("         ").append(escape(finding.message())).append('\n');
            if (finding.remedy() != null) {
                text.append("         Fix: ").append(escape(finding.remedy())).append('\n');
            }
        }
        text.append('\n').append("  Policy ").append(decision.policy().version()).append(" (")
                .append(decision.policy().files()).append(" files), decision ").append(decision.decisionId())
                .append('\n');
        return text.toString();
    }

    /** {@code text} with every control or format character written as a Java escape ({@code \\n}, {@code \\u001b}). */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
                });
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
