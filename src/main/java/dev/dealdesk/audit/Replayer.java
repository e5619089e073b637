package dev.dealdesk.audit;

import dev.dealdesk.approval.PathFinder;
import dev.dealdesk.approval.Reapprovals;
import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.Reapproval;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-derives logged decisions: each record's deal is decided again under the policy pinned for
 * its version, and the decision must equal the recorded one (outcome, ownership model, approvers
 * and every finding). Divergences name the findings added and removed. Stateless.
 */
public final class Replayer {

    /**
     * A record whose replay differs, or could not be replayed.
     *
     * @param line       the record's line
     * @param decisionId the recorded decision id
     * @param dealId     the deal
     * @param recorded   the recorded outcome
     * @param replayed   the replayed outcome, or {@code null} when it could not be replayed
     * @param added      findings (severity and code) the replay has and the record does not
     * @param removed    findings the record has and the replay does not
     * @param error      why it could not be replayed, or {@code null}
     */
    public record Divergence(long line, String decisionId, String dealId, String recorded, String replayed,
                             List<String> added, List<String> removed, String error) {
    }

    /**
     * The result of a replay.
     *
     * @param replayed    records replayed
     * @param matched     records whose replay equals the record
     * @param divergences the others, in log order
     */
    public record Report(long replayed, long matched, List<Divergence> divergences) {
    }

    private Replayer() {
    }

    /** Replays every record {@code filter} accepts; a torn last line is skipped (verify reports it). */
    public static Report replay(Path log, Predicate<AuditRecord> filter) throws IOException {
        PolicySnapshots snapshots = PolicySnapshots.beside(log);
        Map<String, CompiledPolicy> policies = new HashMap<>();
        Set<String> referenced = referencedAsPrevious(log);
        Map<String, JsonObject> previous = new HashMap<>();
        List<Divergence> divergences = new ArrayList<>();
        long[] counts = {0, 0};
        AuditRecord.readLines(log, line -> {
            if (!line.complete()) {
                return;
            }
            AuditRecord record;
            try {
                record = AuditRecord.parse(line);
            } catch (AuditFormatException e) {
                divergences.add(new Divergence(line.number(), null, null, null, null, List.of(), List.of(),
                        "not a record: " + e.getMessage()));
                return;
            }
            if (filter.test(record)) {
                counts[0]++;
                Divergence divergence = replay(line.number(), record, snapshots, policies, previous);
                if (divergence == null) {
                    counts[1]++;
                } else {
                    divergences.add(divergence);
                }
            }
            // Only after: a re-approval compares with a decision recorded before it, never with itself.
            if (referenced.contains(record.decisionId())) {
                previous.put(record.decisionId(), record.asPreviousDecision());
            }
        });
        return new Report(counts[0], counts[1], List.copyOf(divergences));
    }

    /**
     * Replays the one record on line {@code number} of {@code log}, whose bytes are {@code line}, as
     * {@link #replay(Path, Predicate)} replays it, without reading the rest of the log: {@code earlier}
     * gives the newest record of a decision id the log holds before this line (the previous decision
     * a re-approval names), or {@code null}; lines that are not records are passed over, as the
     * whole-log replay passes over them.
     */
    public static Report replay(Path log, long number, byte[] line, Function<String, AuditRecord> earlier) {
        AuditRecord record;
        try {
            record = AuditRecord.parse(line);
        } catch (AuditFormatException e) {
            return new Report(0, 0, List.of(new Divergence(number, null, null, null, null, List.of(), List.of(),
                    "not a record: " + e.getMessage())));
        }
        Map<String, JsonObject> previous = new HashMap<>();
        JsonObject reapproval = record.decision().getJsonObject("reapproval");
        AuditRecord before = reapproval == null ? null : earlier.apply(reapproval.getString("previousDecisionId"));
        if (before != null) {
            previous.put(before.decisionId(), before.asPreviousDecision());
        }
        Divergence divergence = replay(number, record, PolicySnapshots.beside(log), new HashMap<>(), previous);
        return new Report(1, divergence == null ? 1 : 0, divergence == null ? List.of() : List.of(divergence));
    }

    /**
     * The decision ids later records name as the previous decision their re-approval compared
     * with: those records are kept while replaying, so each re-approval is derived again.
     */
    private static Set<String> referencedAsPrevious(Path log) throws IOException {
        Set<String> ids = new HashSet<>();
        AuditRecord.readLines(log, line -> {
            if (!line.complete() || line.bytes() == null) {
                return; // a torn or over-long line is no record; the replay itself reports it
            }
            String text = new String(line.bytes(), StandardCharsets.UTF_8);
            Matcher named = PREVIOUS.matcher(text);
            if (text.contains("\"reapproval\"") && named.find()) {
                ids.add(named.group(1));
            }
        });
        return ids;
    }

    private static final Pattern PREVIOUS = Pattern.compile("\"previousDecisionId\":\"([^\"]*)\"");

    /**
     * The decision again, with what its caller asked for derived again too: the path to approval
     * under the same policy, and the re-approval against the previous decision when this log holds
     * it (one from another log stays as recorded, which the record's hash covers).
     */
    private static Decision decideAgain(CompiledPolicy policy, Deal deal, AuditRecord record, Map<String, JsonObject> previous) {
        Decision decision = policy.decide(deal, record.decisionId(), record.evaluatedAt());
        JsonObject recorded = record.decision();
        if (recorded.containsKey("pathToApproval")) {
            decision = decision.withPathToApproval(new PathFinder(policy, EvaluationBudget.DEFAULT).find(deal, decision));
        }
        JsonObject reapproval = recorded.getJsonObject("reapproval");
        if (reapproval != null) {
            JsonObject before = previous.get(reapproval.getString("previousDecisionId"));
            decision = decision.withReapproval(before != null ? Reapprovals.compare(before, decision)
                    : new Reapproval(reapproval.getString("previousDecisionId"), roles(reapproval, "carriedOver"),
                            roles(reapproval, "required"), reapproval.getJsonArray("cleared").getValuesAs(JsonString::getString)));
        }
        return decision;
    }

    private static List<ApproverRole> roles(JsonObject reapproval, String member) {
        return reapproval.getJsonArray(member).getValuesAs(JsonString::getString).stream().map(ApproverRole::valueOf).toList();
    }

    private static Divergence replay(long line, AuditRecord record, PolicySnapshots snapshots,
                                     Map<String, CompiledPolicy> policies, Map<String, JsonObject> previous) {
        String dealId = record.deal().getString("dealId", null);
        try {
            String version = record.policy().version();
            CompiledPolicy policy = policies.get(version);
            if (policy == null) {
                policy = CompiledPolicy.compile(snapshots.read(version));
                policies.put(version, policy);
            }
            Deal deal = record.readDeal();
            Decision decision = decideAgain(policy, deal, record, previous);
            AuditRecord again = AuditRecord.of(deal, decision, record.engine(), record.previousHash());
            if (JsonWriter.canonical(again.decision()).equals(JsonWriter.canonical(record.decision()))) {
                return null;
            }
            List<String> added = minus(findings(again.decision().getJsonArray("findings")),
                    findings(record.decision().getJsonArray("findings")));
            List<String> removed = minus(findings(record.decision().getJsonArray("findings")),
                    findings(again.decision().getJsonArray("findings")));
            String differs = null;
            if (added.isEmpty() && removed.isEmpty()) {
                differs = "the same findings, but " + String.join(" and ", List.of("pathToApproval", "reapproval").stream()
                        .filter(member -> !String.valueOf(again.decision().get(member)).equals(String.valueOf(record.decision().get(member))))
                        .toList()) + " differ";
            }
            return new Divergence(line, record.decisionId(), dealId, record.outcome(), again.outcome(), added, removed, differs);
        } catch (PolicyLoadException e) {
            return new Divergence(line, record.decisionId(), dealId, record.outcome(), null, List.of(), List.of(),
                    "its pinned policy cannot load: " + e.getMessage());
        } catch (InvalidDealException e) {
            return new Divergence(line, record.decisionId(), dealId, record.outcome(), null, List.of(), List.of(),
                    "its deal cannot be read: " + e.getMessage());
        } catch (EvaluationException e) {
            return new Divergence(line, record.decisionId(), dealId, record.outcome(), null, List.of(), List.of(),
                    e.getMessage());
        }
    }

    /** Each finding as {@code SEVERITY code}, keeping its full JSON for an exact comparison. */
    private static List<String[]> findings(JsonArray findings) {
        List<String[]> result = new ArrayList<>();
        for (JsonValue finding : findings) {
            result.add(new String[] {finding.asJsonObject().getString("severity") + " " + finding.asJsonObject().getString("code"),
                JsonWriter.canonical(finding)});
        }
        return result;
    }

    private static List<String> minus(List<String[]> from, List<String[]> take) {
        List<String[]> rest = new ArrayList<>(from);
        for (String[] taken : take) {
            rest.stream().filter(finding -> finding[1].equals(taken[1])).findFirst().ifPresent(rest::remove);
        }
        return rest.stream().map(finding -> finding[0]).toList();
    }
}
