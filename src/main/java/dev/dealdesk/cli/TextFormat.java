package dev.dealdesk.cli;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Change;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.PathToApproval;
import dev.dealdesk.decision.Reapproval;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.policy.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
        if (decision.pathToApproval() != null) {
            text.append('\n').append(path("To approve", decision.pathToApproval()));
            if (decision.pathToApproval().toClose() != null) {
                text.append(path("To close", decision.pathToApproval().toClose()));
            }
        }
        Reapproval again = decision.reapproval();
        if (again != null) {
            text.append('\n').append("  Since decision ").append(escape(again.previousDecisionId())).append(": sign-offs carried over: ")
                    .append(names(again.carriedOver())).append("; to sign again: ").append(names(again.required()))
                    .append("; cleared: ").append(again.cleared().isEmpty() ? "none" : String.join(", ", again.cleared())).append('\n');
        }
        text.append('\n').append("  Policy ").append(decision.policy().version()).append(" (")
                .append(decision.policy().files()).append(" files), decision ").append(decision.decisionId())
                .append('\n');
        return text.toString();
    }

    /** "To approve: raise acv from $5,000 to $25,600; ...; then sign-offs: FINANCE (contract.flat-fee)". */
    private static String path(String goal, PathToApproval path) {
        List<String> steps = new ArrayList<>();
        path.changes().forEach(change -> steps.add(change(change)));
        if (!path.signOffs().isEmpty()) {
            steps.add("sign-offs: " + path.signOffs().stream().map(signOff -> signOff.approver() + " (" + signOff.code() + ")")
                    .collect(Collectors.joining(", ")));
        }
        String said = steps.isEmpty() ? "nothing to change" : String.join("; ", steps);
        if (!path.reachable()) {
            said = (steps.isEmpty() ? "" : said + "; ") + "no path: " + path.reason();
        } else if (!path.verified()) {
            said = said + " (not verified: " + path.reason() + ")";
        }
        return "  " + goal + ": " + escape(said) + "\n";
    }

    private static String change(Change change) {
        String field = change.path();
        Object from = change.from();
        Object to = change.to();
        if (from instanceof Number before && to instanceof Number after) {
            boolean up = new BigDecimal(after.toString()).compareTo(new BigDecimal(before.toString())) > 0;
            return (up ? "raise " : "lower ") + field + " from " + shown(field, before) + " to " + shown(field, after);
        }
        if (to instanceof Map<?, ?> || to instanceof List<?>) {
            return "add " + field + " " + JsonWriter.text(DecisionJson.changeValue(to));
        }
        return "set " + field + (from == null ? "" : " from " + shown(field, from)) + " to " + shown(field, to);
    }

    /** A value as a person reads it: dollars for the amounts in US dollars. */
    private static String shown(String field, Object value) {
        if (value instanceof Number number && MONEY.matcher(field).find()) {
            return dollars(new BigDecimal(number.toString()));
        }
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    /** An amount in US dollars as a person reads it: whole dollars as they are, anything else to the cent. */
    static String dollars(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? Text.usd(amount.doubleValue())
                : String.format(Locale.ROOT, "%s$%,.2f", amount.signum() < 0 ? "-" : "", amount.abs());
    }

    /** The deal's amounts in US dollars: its ACV, each expansion entry's estimate, the seller's ARR. */
    private static final Pattern MONEY = Pattern.compile("(^/acv$)|(/estimatedAcv$)|(^/seller/arr$)");

    private static String names(List<ApproverRole> roles) {
        return roles.isEmpty() ? "none" : roles.stream().map(ApproverRole::name).collect(Collectors.joining(", "));
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
