package dev.dealdesk.audit;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonLines;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the audit log, schema version 1: a self-contained receipt of one decision. It holds
 * the deal exactly as evaluated, the decision (outcome, ownership model, approvers, findings), the
 * policy and engine versions, the hash of the previous record and its own hash: SHA-256 over its
 * canonical JSON without the {@code hash} member. Immutable.
 *
 * @param decisionId   the decision's id
 * @param evaluatedAt  when the decision was made
 * @param deal         the deal as evaluated, as JSON
 * @param decision     {@code outcome}, {@code ownershipModel}, {@code approvers} and {@code findings}
 * @param policy       the policy version that decided
 * @param engine       the engine version that decided
 * @param previousHash the previous record's hash, or {@link #GENESIS} for the first record
 * @param hash         this record's hash
 */
public record AuditRecord(String decisionId, Instant evaluatedAt, JsonObject deal, JsonObject decision,
                          PolicyVersion policy, String engine, String previousHash, String hash) {

    /** The schema version this class writes and reads. */
    public static final int SCHEMA = 1;

    /** The previous hash of the first record of a log. */
    public static final String GENESIS = "sha256:" + "0".repeat(64);

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    /** The members of a record; the hash covers every one but {@code hash}. */
    private static final Set<String> MEMBERS = Set.of("schema", "decisionId", "evaluatedAt", "deal", "decision",
            "policy", "engine", "prev", "hash");

    public AuditRecord {
        requireNonNull(decisionId, "decisionId");
        requireNonNull(evaluatedAt, "evaluatedAt");
        requireNonNull(deal, "deal");
        requireNonNull(decision, "decision");
        requireNonNull(policy, "policy");
        requireNonNull(engine, "engine");
        requireNonNull(previousHash, "previousHash");
        requireNonNull(hash, "hash");
    }

    /** The record of {@code decision} on {@code deal}, chained after {@code previousHash}. */
    public static AuditRecord of(Deal deal, Decision decision, String engine, String previousHash) {
        JsonObject full = DecisionJson.toJson(decision);
        JsonObjectBuilder decided = JSON.createObjectBuilder()
                .add("outcome", full.get("outcome"))
                .add("ownershipModel", full.get("ownershipModel"))
                .add("approvers", full.get("approvers"))
                .add("findings", full.get("findings"));
        // What the caller asked for besides is part of the decision, and so of what the hash covers.
        for (String asked : List.of("pathToApproval", "reapproval")) {
            if (full.containsKey(asked)) {
                decided.add(asked, full.get(asked));
            }
        }
        JsonObject outcome = decided.build();
        JsonObject unsigned = body(decision.decisionId(), decision.evaluatedAt(), DealJson.toJson(deal), outcome,
                decision.policy(), engine, previousHash).build();
        return new AuditRecord(decision.decisionId(), decision.evaluatedAt(), DealJson.toJson(deal), outcome,
                decision.policy(), engine, previousHash, hashOf(unsigned));
    }

    /** The longest line read as a record: a deal of up to 1 MiB with its decision. */
    static final int MAX_LINE = 16 << 20;

    /** Hands every line of {@code log} to {@code sink}, in order. */
    static void readLines(Path log, JsonLines.Sink sink) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            JsonLines.read(in, MAX_LINE, sink);
        }
    }

    /**
     * Reads one line of the log.
     *
     * @throws AuditFormatException when the line is not a schema-1 record
     */
    public static AuditRecord parse(JsonLines.Line line) throws AuditFormatException {
        if (line.tooLong()) {
            throw new AuditFormatException("a line of " + line.length() + " bytes, longer than any record (" + MAX_LINE + ")");
        }
        return parse(line.bytes());
    }

    /**
     * Reads one line of the log.
     *
     * @throws AuditFormatException when the line is not a schema-1 record
     */
    public static AuditRecord parse(String line) throws AuditFormatException {
        return parse(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one line of the log, UTF-8 encoded. Only the canonical text a writer writes is a
     * record: any other spelling of it (white space, {@code 18.0}, a member the hash does not cover)
     * is an edit.
     *
     * @throws AuditFormatException when the line is not a schema-1 record in canonical form
     */
    public static AuditRecord parse(byte[] line) throws AuditFormatException {
        AuditRecord record;
        try {
            record = parse(StrictJson.parse(line));
        } catch (InvalidDealException e) {
            throw new AuditFormatException("not JSON: " + e.getMessage());
        }
        if (!Arrays.equals(record.line().getBytes(StandardCharsets.UTF_8), line)) {
            throw new AuditFormatException("not written as a record is written (canonical JSON): the line was edited");
        }
        return record;
    }

    private static AuditRecord parse(JsonValue value) throws AuditFormatException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new AuditFormatException("not a JSON object");
        }
        JsonObject json = value.asJsonObject();
        for (String member : json.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new AuditFormatException("not a schema-1 record: unknown member \"" + member + "\", which the hash does not cover");
            }
        }
        try {
            if (json.getInt("schema") != SCHEMA) {
                throw new AuditFormatException("schema " + json.getInt("schema") + " is not " + SCHEMA);
            }
            JsonObject policy = json.getJsonObject("policy");
            if (!VERSION.matcher(json.getJsonObject("policy").getString("version")).matches()) {
                throw new AuditFormatException("not a schema-1 record: policy.version is not sha256: and 64 hex digits");
            }
            JsonObject decision = json.getJsonObject("decision");
            decision.getString("outcome");
            decision.getJsonArray("findings").forEach(finding -> finding.asJsonObject().getString("code"));
            return new AuditRecord(json.getString("decisionId"), Instant.parse(json.getString("evaluatedAt")),
                    json.getJsonObject("deal"), json.getJsonObject("decision"),
                    new PolicyVersion(policy.getString("version"), policy.getInt("files")), json.getString("engine"),
                    json.getString("prev"), json.getString("hash"));
        } catch (NullPointerException | ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            throw new AuditFormatException("not a schema-1 record: " + e.getMessage());
        }
    }

    /**
     * The record as a later decision of the same deal compares with it for re-approval: its
     * {@code decisionId}, the deal's {@code dealId} and its {@code findings}.
     */
    public JsonObject asPreviousDecision() {
        return JSON.createObjectBuilder().add("decisionId", decisionId)
                .add("dealId", deal.getString("dealId", ""))
                .add("findings", decision.getJsonArray("findings")).build();
    }

    /**
     * The latest decision of each deal in {@code log}, by deal id, as {@link #asPreviousDecision()}
     * gives it; lines that are not records are passed over (verify reports them).
     */
    public static Map<String, JsonObject> latestByDeal(Path log) throws IOException {
        Map<String, JsonObject> latest = new HashMap<>();
        readLines(log, line -> {
            try {
                if (line.complete()) {
                    AuditRecord record = parse(line);
                    latest.put(record.deal().getString("dealId", ""), record.asPreviousDecision());
                }
            } catch (AuditFormatException notARecord) {
                // verify names it; a decision needs only the records there are
            }
        });
        return latest;
    }

    /** The record as one line of canonical JSON, without a line break. */
    public String line() {
        return JsonWriter.canonical(body(decisionId, evaluatedAt, deal, decision, policy, engine, previousHash)
                .add("hash", hash).build());
    }

    /** The hash this record's content gives, which equals {@link #hash()} unless the record was altered. */
    public String computedHash() {
        return hashOf(body(decisionId, evaluatedAt, deal, decision, policy, engine, previousHash).build());
    }

    /** The deal as evaluated. */
    public Deal readDeal() throws InvalidDealException {
        return DealJson.read(deal, "/deal");
    }

    /** The outcome recorded. */
    public String outcome() {
        return decision.getString("outcome");
    }

    private static jakarta.json.JsonObjectBuilder body(String decisionId, Instant evaluatedAt, JsonObject deal,
                                                       JsonObject decision, PolicyVersion policy, String engine,
                                                       String previousHash) {
        return JSON.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("decisionId", decisionId)
                .add("evaluatedAt", evaluatedAt.toString())
                .add("deal", deal)
                .add("decision", decision)
                .add("policy", JSON.createObjectBuilder().add("version", policy.version()).add("files", policy.files()))
                .add("engine", engine)
                .add("prev", previousHash);
    }

    private static String hashOf(JsonObject unsigned) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JsonWriter.canonicalBytes(unsigned));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
