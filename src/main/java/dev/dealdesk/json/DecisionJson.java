package dev.dealdesk.json;

import dev.dealdesk.ApproverRole;
import dev.dealdesk.Decision;
import dev.dealdesk.Finding;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes decisions as the JSON of the policy brief, section 5, members in the brief's order.
 * Numbers are written by value without a spurious fraction ({@code 22000}, {@code 14999.99}).
 * Thread-safe.
 */
public final class DecisionJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private DecisionJson() {
    }

    /** The decision as a JSON object. */
    public static JsonObject toJson(Decision decision) {
        JsonArrayBuilder approvers = JSON.createArrayBuilder();
        decision.approvers().forEach(role -> approvers.add(role.name()));
        JsonArrayBuilder findings = JSON.createArrayBuilder();
        decision.findings().forEach(finding -> findings.add(toJson(finding)));
        return JSON.createObjectBuilder()
                .add("dealId", decision.dealId())
                .add("asOf", decision.asOf().toString())
                .add("outcome", decision.outcome().name())
                .add("ownershipModel", decision.ownershipModel().name())
                .add("approvers", approvers)
                .add("findings", findings)
                .add("policy", JSON.createObjectBuilder()
                        .add("version", decision.policy().version())
                        .add("files", decision.policy().files()))
                .add("decisionId", decision.decisionId())
                .add("evaluatedAt", decision.evaluatedAt().toString())
                .build();
    }

    /**
     * The decision as one line of compact JSON, without a line break: the same JSON as
     * {@link #toJson}, written straight to text because batches write millions of them.
     */
    public static String toLine(Decision decision) {
        StringBuilder json = new StringBuilder(2048);
        appendLine(decision, json);
        return json.toString();
    }

    /**
     * Appends the text of {@link #toLine} to {@code json}, so a batch can write many decisions into
     * one buffer.
     */
    public static void appendLine(Decision decision, StringBuilder json) {
        json.append("{\"dealId\":");
        CanonicalJson.string(decision.dealId(), json);
        json.append(",\"asOf\":\"").append(decision.asOf()).append("\",\"outcome\":\"").append(decision.outcome().name())
                .append("\",\"ownershipModel\":\"").append(decision.ownershipModel().name()).append("\",\"approvers\":[");
        // Derived from the findings on every call: take them once.
        List<ApproverRole> approvers = decision.approvers();
        for (int i = 0; i < approvers.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(approvers.get(i).name()).append('"');
        }
        json.append("],\"findings\":[");
        for (int i = 0; i < decision.findings().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            line(decision.findings().get(i), json);
        }
        json.append("],\"policy\":{\"version\":");
        CanonicalJson.string(decision.policy().version(), json);
        json.append(",\"files\":").append(decision.policy().files()).append("},\"decisionId\":");
        CanonicalJson.string(decision.decisionId(), json);
        json.append(",\"evaluatedAt\":\"").append(decision.evaluatedAt()).append("\"}");
    }

    private static void line(Finding finding, StringBuilder json) {
        json.append("{\"code\":");
        CanonicalJson.string(finding.code(), json);
        json.append(",\"severity\":\"").append(finding.severity()).append("\",\"concerns\":[");
        for (int i = 0; i < finding.concerns().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            CanonicalJson.string(finding.concerns().get(i), json);
        }
        json.append("],\"message\":");
        CanonicalJson.string(finding.message(), json);
        json.append(",\"evidence\":{");
        boolean first = true;
        for (Map.Entry<String, Object> item : finding.evidence().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            CanonicalJson.string(item.getKey(), json);
            json.append(':');
            Object value = item.getValue();
            if (value == null || value instanceof Boolean) {
                json.append(value);
            } else if (value instanceof Integer || value instanceof Long) {
                json.append(((Number) value).longValue());
            } else if (value instanceof Number number) {
                double d = number.doubleValue();
                json.append(d == Math.rint(d) && Math.abs(d) < 0x1p53 ? Long.toString((long) d)
                        : CanonicalJson.number(BigDecimal.valueOf(d)));
            } else {
                CanonicalJson.string(value.toString(), json);
            }
        }
        json.append("},\"remedy\":");
        if (finding.remedy() == null) {
            json.append("null");
        } else {
            CanonicalJson.string(finding.remedy(), json);
        }
        json.append(",\"approver\":");
        if (finding.approver() == null) {
            json.append("null");
        } else {
            json.append('"').append(finding.approver().name()).append('"');
        }
        json.append(",\"rule\":");
        CanonicalJson.string(finding.rule(), json);
        json.append('}');
    }

    private static JsonObject toJson(Finding finding) {
        JsonArrayBuilder concerns = JSON.createArrayBuilder();
        finding.concerns().forEach(concerns::add);
        JsonObjectBuilder evidence = JSON.createObjectBuilder();
        for (Map.Entry<String, Object> item : finding.evidence().entrySet()) {
            evidence.add(item.getKey(), value(item.getValue()));
        }
        return JSON.createObjectBuilder()
                .add("code", finding.code())
                .add("severity", finding.severity().name())
                .add("concerns", concerns)
                .add("message", finding.message())
                .add("evidence", evidence)
                .add("remedy", text(finding.remedy()))
                .add("approver", finding.approver() == null ? JsonValue.NULL : JSON.createValue(finding.approver().name()))
                .add("rule", finding.rule())
                .build();
    }

    private static JsonValue text(String text) {
        return text == null ? JsonValue.NULL : JSON.createValue(text);
    }

    /** A JSON value for an evidence value: string, number, boolean or null. */
    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        return JSON.createValue(value.toString());
    }

    private static JsonValue number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return JSON.createValue((long) value);
        }
        return JSON.createValue(BigDecimal.valueOf(value));
    }
}
