package dev.dealdesk.cli;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import java.util.stream.Collectors;

/** Renders a decision for a person at a terminal. */
final class TextFormat {

    private TextFormat() {
    }

    static String render(Decision decision) {
        StringBuilder text = new StringBuilder();
        text.append("Deal ").append(decision.dealId()).append(" as of ").append(decision.asOf()).append(": ")
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
            text.append('\n').append("         ").append(finding.message()).append('\n');
            if (finding.remedy() != null) {
                text.append("         Fix: ").append(finding.remedy()).append('\n');
            }
        }
        text.append('\n').append("  Policy ").append(decision.policy().version()).append(" (")
                .append(decision.policy().files()).append(" files), decision ").append(decision.decisionId())
                .append('\n');
        return text.toString();
    }
}
