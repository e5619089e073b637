package dev.dealdesk.json;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes decisions as the JSON of the policy brief, section 5, members in the brief's order.
 * Numbers are written by value without a spurious fraction ({@code 22000}, {@code 14999.99}).
 * Thread-safe.
 */
public final class DecisionJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** 9999-12-31T23:59:59Z: later instants are written with a sign, as Instant writes them. */
    private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

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
        Utf8Buffer json = new Utf8Buffer(4096);
        appendLine(decision, json);
        return json.toString();
    }

    /**
     * Appends the text of {@link #toLine}, UTF-8 encoded, so a batch can write many decisions into
     * one buffer and on to a stream as they are.
     */
    public static void appendLine(Decision decision, Utf8Buffer json) {
        json.ascii("{\"dealId\":").jsonString(decision.dealId())
                .ascii(",\"asOf\":\"");
        date(decision.asOf(), json);
        json.ascii("\",\"outcome\":\"").ascii(decision.outcome().name())
                .ascii("\",\"ownershipModel\":\"").ascii(decision.ownershipModel().name())
                .ascii("\",\"approvers\":[");
        // Derived from the findings on every call: take them once.
        List<ApproverRole> approvers = decision.approvers();
        for (int i = 0; i < approvers.size(); i++) {
            json.ascii(i == 0 ? "\"" : ",\"").ascii(approvers.get(i).name()).ascii('"');
        }
        json.ascii("],\"findings\":[");
        for (int i = 0; i < decision.findings().size(); i++) {
            if (i > 0) {
                json.ascii(',');
            }
            line(decision.findings().get(i), json);
        }
        json.ascii("],\"policy\":{\"version\":").recurringJsonString(decision.policy().version())
                .ascii(",\"files\":").decimal(decision.policy().files())
                .ascii("},\"decisionId\":").jsonString(decision.decisionId())
                .ascii(",\"evaluatedAt\":\"");
        instant(decision.evaluatedAt(), json);
        json.ascii("\"}");
    }

    /** Appends {@code date} as {@link LocalDate#toString} writes it, without building the string for years 0 to 9999. */
    static void date(LocalDate date, Utf8Buffer json) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            json.ascii(date.toString());
            return;
        }
        json.digits(date.getYear(), 4).ascii('-').digits(date.getMonthValue(), 2).ascii('-').digits(date.getDayOfMonth(), 2);
    }

    /**
     * Appends {@code instant} as {@link Instant#toString} writes it (ISO-8601 in UTC, the fraction in
     * groups of three digits, none when whole), without building the string for years 1970 to 9999.
     */
    static void instant(Instant instant, Utf8Buffer json) {
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > LAST_SECOND_OF_9999) {
            json.ascii(instant.toString());
            return;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        date(time.toLocalDate(), json);
        json.ascii('T').digits(time.getHour(), 2).ascii(':').digits(time.getMinute(), 2).ascii(':').digits(time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            json.ascii('.');
            if (nanos % 1_000_000 == 0) {
                json.digits(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                json.digits(nanos / 1000, 6);
            } else {
                json.digits(nanos, 9);
            }
        }
        json.ascii('Z');
    }

    private static void line(Finding finding, Utf8Buffer json) {
        json.ascii("{\"code\":").recurringJsonString(finding.code())
                .ascii(",\"severity\":\"").ascii(finding.severity().name()).ascii("\",\"concerns\":[");
        for (int i = 0; i < finding.concerns().size(); i++) {
            if (i > 0) {
                json.ascii(',');
            }
            json.recurringJsonString(finding.concerns().get(i));
        }
        json.ascii("],\"message\":").jsonString(finding.message()).ascii(",\"evidence\":{");
        int none = json.size(); // nothing written yet
        finding.evidence().forEach((name, value) -> {
            if (json.size() != none) {
                json.ascii(',');
            }
            json.recurringJsonString(name).ascii(':');
            evidence(value, json);
        });
        json.ascii("},\"remedy\":");
        if (finding.remedy() == null) {
            json.ascii("null");
        } else {
            json.jsonString(finding.remedy());
        }
        json.ascii(",\"approver\":");
        if (finding.approver() == null) {
            json.ascii("null");
        } else {
            json.ascii('"').ascii(finding.approver().name()).ascii('"');
        }
        json.ascii(",\"rule\":").recurringJsonString(finding.rule()).ascii('}');
    }

    /** An evidence value as {@link #value} writes it: string, number by value, boolean or null. */
    private static void evidence(Object value, Utf8Buffer json) {
        if (value == null) {
            json.ascii("null");
        } else if (value instanceof Boolean flag) {
            json.ascii(flag ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            json.decimal(((Number) value).longValue());
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                json.decimal((long) d);
            } else {
                json.ascii(CanonicalJson.number(BigDecimal.valueOf(d)));
            }
        } else {
            json.jsonString(value.toString());
        }
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
