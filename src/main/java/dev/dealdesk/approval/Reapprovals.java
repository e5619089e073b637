package dev.dealdesk.approval;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Reapproval;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Smart re-approval: which approvers' sign-offs carry over from a deal's previous decision. A
 * role's sign-off carries over when every FLAG finding routed to it now has the same code and the
 * same evidence as a FLAG finding routed to it before; any other role of a FLAG finding must sign
 * again. Stateless.
 */
public final class Reapprovals {

    private Reapprovals() {
    }

    /**
     * Compares {@code decision} with {@code previous}, the JSON of the same deal's earlier decision.
     *
     * @throws InvalidDealException at {@code /dealId} when the previous decision is of another deal,
     *                              or at the root when it is not a decision's JSON
     */
    public static Reapproval compare(JsonObject previous, Decision decision) {
        String previousId = text(previous, "decisionId");
        String previousDeal = text(previous, "dealId");
        if (!previousDeal.equals(decision.dealId())) {
            throw new InvalidDealException("/dealId", "the previous decision " + previousId + " is of deal " + previousDeal
                    + ", not " + decision.dealId());
        }
        JsonValue findings = previous.get("findings");
        if (findings == null || findings.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidDealException("", "the previous decision " + previousId + " has no findings array");
        }
        Set<String> before = new HashSet<>();
        Set<String> codesBefore = new TreeSet<>();
        for (JsonValue finding : findings.asJsonArray()) {
            JsonObject object = finding.asJsonObject();
            if (!"INFO".equals(object.getString("severity", ""))) {
                codesBefore.add(object.getString("code", ""));
            }
            if ("FLAG".equals(object.getString("severity", ""))) {
                before.add(signature(object));
            }
        }
        TreeMap<ApproverRole, Boolean> same = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        Set<String> codesNow = new HashSet<>();
        for (JsonValue finding : DecisionJson.toJson(decision).getJsonArray("findings")) {
            JsonObject object = finding.asJsonObject();
            codesNow.add(object.getString("code"));
            if ("FLAG".equals(object.getString("severity"))) {
                ApproverRole role = ApproverRole.valueOf(object.getString("approver"));
                same.merge(role, before.contains(signature(object)), Boolean::logicalAnd);
            }
        }
        List<ApproverRole> carried = new ArrayList<>();
        List<ApproverRole> required = new ArrayList<>();
        same.forEach((role, unchanged) -> (unchanged ? carried : required).add(role));
        codesBefore.removeAll(codesNow);
        return new Reapproval(previousId, carried, required, List.copyOf(codesBefore));
    }

    /** What must match for a sign-off to carry over: the code, the approver and the evidence. */
    private static String signature(JsonObject finding) {
        JsonValue evidence = finding.getOrDefault("evidence", JsonValue.EMPTY_JSON_OBJECT);
        return finding.getString("code", "") + " " + finding.get("approver") + " " + JsonWriter.canonical(evidence);
    }

    private static String text(JsonObject previous, String member) {
        JsonValue value = previous.get(member);
        if (!(value instanceof jakarta.json.JsonString text)) {
            throw new InvalidDealException("", "the previous decision has no " + member);
        }
        return text.getString();
    }
}
