package dev.dealdesk.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * A what-if report as JSON, the one form both {@code dealdesk what-if --format json} and the
 * workbench's draft give: {@code candidate}, {@code decisions}, {@code transitions} and
 * {@code bySegment} (cells of {@code from}, {@code to}, {@code count}, {@code acv}),
 * {@code codesGained}, {@code codesLost}, {@code changes} and {@code flips} (the changes whose
 * outcome differs). Stateless.
 */
public final class WhatIfJson {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private WhatIfJson() {
    }

    /** The whole report, every change listed. */
    public static JsonObject of(WhatIf.Report report, String candidateVersion) {
        return of(report, candidateVersion, Integer.MAX_VALUE).build();
    }

    /**
     * The report with at most {@code listed} entries in {@code changes} and in {@code flips}, the
     * first in log order; the counts and transitions always cover every decision.
     */
    public static JsonObjectBuilder of(WhatIf.Report report, String candidateVersion, int listed) {
        JsonObjectBuilder segments = JSON.createObjectBuilder();
        report.bySegment().forEach((segment, matrix) -> segments.add(segment, transitions(matrix)));
        JsonArrayBuilder changes = JSON.createArrayBuilder();
        JsonArrayBuilder flips = JSON.createArrayBuilder();
        int changesListed = 0;
        int flipsListed = 0;
        for (WhatIf.Change change : report.changes()) {
            boolean flip = !change.from().equals(change.to());
            if (changesListed >= listed && (!flip || flipsListed >= listed)) {
                continue;
            }
            JsonObject entry = JSON.createObjectBuilder().add("line", change.line()).add("decisionId", change.decisionId())
                    .add("dealId", change.dealId()).add("segment", change.segment()).add("acv", change.acv())
                    .add("from", change.from()).add("to", change.to())
                    .add("gained", JSON.createArrayBuilder(change.gained())).add("lost", JSON.createArrayBuilder(change.lost()))
                    .build();
            if (changesListed < listed) {
                changes.add(entry);
                changesListed++;
            }
            if (flip && flipsListed < listed) {
                flips.add(entry);
                flipsListed++;
            }
        }
        JsonObjectBuilder gained = JSON.createObjectBuilder();
        report.gained().forEach(gained::add);
        JsonObjectBuilder lost = JSON.createObjectBuilder();
        report.lost().forEach(lost::add);
        return JSON.createObjectBuilder()
                .add("candidate", candidateVersion)
                .add("decisions", report.decisions())
                .add("transitions", transitions(report.transitions()))
                .add("bySegment", segments)
                .add("codesGained", gained)
                .add("codesLost", lost)
                .add("changes", changes)
                .add("flips", flips);
    }

    private static JsonArrayBuilder transitions(Map<String, Map<String, WhatIf.Cell>> matrix) {
        JsonArrayBuilder cells = JSON.createArrayBuilder();
        matrix.forEach((from, row) -> row.forEach((to, cell) -> cells.add(JSON.createObjectBuilder()
                .add("from", from).add("to", to).add("count", cell.count()).add("acv", cell.acv()))));
        return cells;
    }
}
