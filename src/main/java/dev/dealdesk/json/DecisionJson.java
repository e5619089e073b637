package dev.dealdesk.json;

import dev.dealdesk.decision.Change;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.PathToApproval;
import dev.dealdesk.decision.Reapproval;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Decisions as the JSON of the policy brief, section 5, members in the brief's order, and the error
 * that takes a bad record's place. {@link JsonWriter} writes them. Thread-safe.
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
        JsonObjectBuilder json = JSON.createObjectBuilder()
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
                .add("evaluatedAt", decision.evaluatedAt().toString());
        if (decision.pathToApproval() != null) {
            json.add("pathToApproval", toJson(decision.pathToApproval()));
        }
        Reapproval reapproval = decision.reapproval();
        if (reapproval != null) {
            json.add("reapproval", JSON.createObjectBuilder()
                    .add("previousDecisionId", reapproval.previousDecisionId())
                    .add("carriedOver", names(reapproval.carriedOver()))
                    .add("required", names(reapproval.required()))
                    .add("cleared", JSON.createArrayBuilder(reapproval.cleared())));
        }
        return json.build();
    }

    /**
     * A path to approval (see {@link PathToApproval}): {@code verified}, {@code reachable},
     * {@code changes} ({@code path}, {@code from} when the field was there, {@code to},
     * {@code clears}), {@code signOffs} ({@code code}, {@code approver}), {@code reason} when there
     * is one, and, for a deal before close, {@code toClose} in the same shape with
     * {@code rejectAtClose}.
     */
    private static JsonObject toJson(PathToApproval path) {
        JsonArrayBuilder changes = JSON.createArrayBuilder();
        for (Change change : path.changes()) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("path", change.path());
            if (change.from() != null) {
                json.add("from", changeValue(change.from()));
            }
            changes.add(json.add("to", changeValue(change.to())).add("clears", JSON.createArrayBuilder(change.clears())));
        }
        JsonArrayBuilder signOffs = JSON.createArrayBuilder();
        path.signOffs().forEach(signOff -> signOffs.add(JSON.createObjectBuilder().add("code", signOff.code())
                .add("approver", signOff.approver().name())));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("verified", path.verified())
                .add("reachable", path.reachable())
                .add("changes", changes)
                .add("signOffs", signOffs);
        if (path.reason() != null) {
            json.add("reason", path.reason());
        }
        if (path.toClose() != null) {
            json.add("toClose", JSON.createObjectBuilder(toJson(path.toClose()))
                    .add("rejectAtClose", JSON.createArrayBuilder(path.toClose().rejectAtClose())));
        }
        return json.build();
    }

    private static JsonArrayBuilder names(List<? extends Enum<?>> constants) {
        JsonArrayBuilder names = JSON.createArrayBuilder();
        constants.forEach(constant -> names.add(constant.name()));
        return names;
    }

    /** A change's value in JSON: text, a number as exact as it was, a boolean, an object or an array. */
    @SuppressWarnings("unchecked")
    public static JsonValue changeValue(Object value) {
        if (value instanceof Map<?, ?> object) {
            JsonObjectBuilder json = JSON.createObjectBuilder();
            ((Map<String, Object>) object).forEach((name, member) -> json.add(name, changeValue(member)));
            return json.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder json = JSON.createArrayBuilder();
            list.forEach(item -> json.add(changeValue(item)));
            return json.build();
        }
        if (value instanceof BigDecimal exact) {
            return JSON.createValue(exact);
        }
        return value(value);
    }

    /** The decision as one line of compact JSON, without a line break. */
    public static String toLine(Decision decision) {
        return JsonWriter.text(toJson(decision));
    }

    /**
     * What takes a bad record's place: {@code {"error": {"source", "path", "message"}}}, the source
     * left out when {@code null}.
     */
    public static JsonObject error(String source, String path, String message) {
        JsonObjectBuilder error = JSON.createObjectBuilder();
        if (source != null) {
            error.add("source", source);
        }
        return JSON.createObjectBuilder().add("error", error.add("path", path).add("message", message)).build();
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
                .add("remedy", finding.remedy() == null ? JsonValue.NULL : JSON.createValue(finding.remedy()))
                .add("approver", finding.approver() == null ? JsonValue.NULL : JSON.createValue(finding.approver().name()))
                .add("rule", finding.rule())
                .build();
    }

    /** An evidence value: string, number (by its double value), boolean or null. */
    private static JsonValue value(Object value) {
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
            double exact = number.doubleValue();
            // JSON has no Infinity or NaN: such a value is written as its text.
            return Double.isFinite(exact) ? JSON.createValue(BigDecimal.valueOf(exact)) : JSON.createValue(Double.toString(exact));
        }
        return JSON.createValue(value.toString());
    }
}
