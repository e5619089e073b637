package dev.dealdesk.workbench;

import dev.dealdesk.audit.AuditFormatException;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.AuditVerifier;
import dev.dealdesk.audit.LoggedDecision;
import dev.dealdesk.audit.ReceiptCheck;
import dev.dealdesk.audit.Replayer;
import dev.dealdesk.json.StrictJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The decisions page's data: the audit log searched by deal id, outcome and the date decided; one
 * receipt with its check where it stands in the chain; its replay under its pinned policy; and the
 * whole log verified. Thread-safe as its index is.
 */
final class Decisions {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Matches listed at most by one search. */
    static final int MAX_LIMIT = 500;

    private final Path log;
    private final LogIndex index;

    Decisions(Path log, LogIndex index) {
        this.log = log;
        this.index = index;
    }

    /**
     * The records matching {@code query}: {@code dealId} (part of it, any case), {@code outcome},
     * {@code from} and {@code to} (dates decided, UTC, inclusive), {@code limit} (1 to 500, 100 by default).
     *
     * @throws Refusal naming a parameter it does not know or cannot read
     */
    JsonObject search(Map<String, String> query) throws IOException {
        for (String name : query.keySet()) {
            if (!Set.of("dealId", "outcome", "from", "to", "limit").contains(name)) {
                throw Refusal.badQuery("unknown parameter " + name + "; expected dealId, outcome, from, to or limit");
            }
        }
        String dealId = query.getOrDefault("dealId", "").strip().toLowerCase(Locale.ROOT);
        String outcome = query.getOrDefault("outcome", "");
        if (!outcome.isEmpty() && !Set.of("APPROVE", "FLAG", "REJECT").contains(outcome)) {
            throw Refusal.badQuery("outcome must be APPROVE, FLAG or REJECT, not " + outcome);
        }
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw Refusal.badQuery("from " + from + " is after to " + to + ": no decision could match");
        }
        int limit = limit(query.get("limit"));
        index.refresh();
        LogIndex.Found found = index.search(entry -> (dealId.isEmpty() || entry.dealId().toLowerCase(Locale.ROOT).contains(dealId))
                && (outcome.isEmpty() || entry.outcome().equals(outcome))
                && (from == null || !day(entry).isBefore(from))
                && (to == null || !day(entry).isAfter(to)), limit);
        JsonArrayBuilder shown = JSON.createArrayBuilder();
        for (LogIndex.Entry entry : found.entries()) {
            shown.add(JSON.createObjectBuilder().add("line", entry.line()).add("decisionId", entry.decisionId())
                    .add("dealId", entry.dealId()).add("outcome", entry.outcome())
                    .add("evaluatedAt", entry.evaluatedAt().toString()).add("policy", entry.policy()));
        }
        return JSON.createObjectBuilder().add("records", index.records()).add("total", found.total())
                .add("decisions", shown).build();
    }

    private static LocalDate day(LogIndex.Entry entry) {
        return LocalDate.ofInstant(entry.evaluatedAt(), ZoneOffset.UTC);
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String value = query.getOrDefault(name, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.badQuery(name + " must be a date YYYY-MM-DD, not " + value);
        }
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.badQuery("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + value);
    }

    /**
     * The receipt of {@code decisionId}: {@code line}, {@code lines} (the log's), {@code receipt} (the
     * record), {@code verified} and each check.
     *
     * @throws Refusal 404 when the log holds no such decision
     */
    JsonObject receipt(String decisionId) throws IOException {
        LogIndex.Entry entry = entry(decisionId);
        long line = entry.line();
        byte[] record = record(entry);
        ReceiptCheck.Result result = ReceiptCheck.verify(log, line, line > 1 ? index.line(line - 1) : null, record,
                index.line(line + 1));
        JsonArrayBuilder checks = JSON.createArrayBuilder();
        result.checks().forEach(check -> checks.add(JSON.createObjectBuilder().add("name", check.name())
                .add("passed", check.passed()).add("detail", check.detail())));
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("decisionId", decisionId).add("line", line)
                .add("lines", index.lines()).add("verified", result.verified()).add("checks", checks);
        if (result.record() == null) {
            answer.addNull("receipt");
        } else {
            answer.add("receipt", StrictJson.parse(record).asJsonObject());
        }
        return answer.build();
    }

    /** {@code decisionId} decided again under the policy its record names: whether the replay matches, and what differs. */
    JsonObject replay(String decisionId) throws IOException {
        LogIndex.Entry entry = entry(decisionId);
        byte[] record = record(entry);
        Replayer.Report report = Replayer.replay(log, entry.line(), record, previous -> earlier(previous, entry.line()));
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("decisionId", decisionId).add("line", entry.line())
                .add("policy", entry.policy()).add("recorded", entry.outcome())
                .add("matched", report.replayed() > 0 && report.matched() == report.replayed());
        report.divergences().stream().filter(divergence -> decisionId.equals(divergence.decisionId())).findFirst()
                .ifPresentOrElse(divergence -> {
                    answer.add("replayed", divergence.replayed() == null ? "" : divergence.replayed())
                            .add("added", JSON.createArrayBuilder(divergence.added()))
                            .add("removed", JSON.createArrayBuilder(divergence.removed()));
                    if (divergence.error() != null) {
                        answer.add("error", divergence.error());
                    }
                }, () -> answer.add("replayed", entry.outcome()).add("added", JSON.createArrayBuilder())
                        .add("removed", JSON.createArrayBuilder()));
        return answer.build();
    }

    /**
     * The newest record of {@code decisionId} the log holds before line {@code line}, or {@code null};
     * a line that names the id but is not a record is passed over, as the whole-log replay does.
     */
    private AuditRecord earlier(String decisionId, long line) {
        try {
            for (LogIndex.Entry entry = index.find(decisionId, line).orElse(null); entry != null;
                    entry = index.find(decisionId, entry.line()).orElse(null)) {
                byte[] record = index.line(entry.line());
                try {
                    return record == null ? null : AuditRecord.parse(record);
                } catch (AuditFormatException e) {
                    // not a record: an older line may hold one
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the record on {@code entry}'s line, refused when that line no longer holds its decision. */
    private byte[] record(LogIndex.Entry entry) throws IOException {
        byte[] record = index.line(entry.line());
        if (record == null) {
            throw Refusal.notFound("line " + entry.line() + " of the audit log cannot be read again");
        }
        String decisionId;
        try {
            decisionId = LoggedDecision.summary(record).decisionId();
        } catch (IllegalArgumentException e) {
            decisionId = null;
        }
        if (!entry.decisionId().equals(decisionId)) {
            throw Refusal.logReplaced();
        }
        return record;
    }

    /** The whole log verified: {@code intact}, {@code records} and the first problems. */
    JsonObject verifyAll() throws IOException {
        AuditVerifier.Report report = AuditVerifier.verify(log);
        JsonArrayBuilder problems = JSON.createArrayBuilder();
        report.problems().stream().limit(50).forEach(problem -> {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", problem.kind().name()).add("line", problem.line())
                    .add("message", problem.message());
            if (problem.decisionId() != null) {
                json.add("decisionId", problem.decisionId());
            }
            problems.add(json);
        });
        return JSON.createObjectBuilder().add("intact", report.intact()).add("records", report.records())
                .add("problemCount", report.problems().size()).add("problems", problems).build();
    }

    private LogIndex.Entry entry(String decisionId) throws IOException {
        index.refresh();
        return index.find(decisionId).orElseThrow(() -> Refusal.notFound("the audit log has no decision " + decisionId));
    }
}
