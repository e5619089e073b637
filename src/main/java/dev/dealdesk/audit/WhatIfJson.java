package dev.dealdesk.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * A what-if report as JSON, the one form both {@code dealdesk what-if --format json} and the
 * workbench's draft give: {@code candidate}, {@code decisions}, {@code transitions} and
 * {@code bySegment} (cells of {@code from}, {@code to}, {@code count}, {@code acv}),
 * {@code codesGained}, {@code codesLost}, {@code changes} and {@code flips} (the changes whose
 * outcome differs). Stateless.
 */
public final class WhatIfJson {

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
        JsonObjectBuilder segments = Json.createObjectBuilder();
        report.bySegment().forEach((segment, matrix) -> segments.add(segment, transitions(matrix)));
        JsonArrayBuilder changes = Json.createArrayBuilder();
        JsonArrayBuilder flips = Json.createArrayBuilder();
        int changesListed = 0;
        int flipsListed = 0;
        for (WhatIf.Change change : report.changes()) {
            boolean flip = !change.from().equals(change.to());
            if (changesListed >= listed && (!flip || flipsListed >= listed)) {
                continue;
            }
            JsonObject entry = Json.createObjectBuilder().add("line", change.line()).add("decisionId", change.decisionId())
                    .add("dealId", change.dealId()).add("segment", change.segment()).add("acv", change.acv())
                    .add("from", change.from()).add("to", change.to())
                    .add("gained", Json.createArrayBuilder(change.gained())).add("lost", Json.createArrayBuilder(change.lost()))
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
        JsonObjectBuilder gained = Json.createObjectBuilder();
        report.gained().forEach(gained::add);
        JsonObjectBuilder lost = Json.createObjectBuilder();
        report.lost().forEach(lost::add);
        return Json.createObjectBuilder()
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
        JsonArrayBuilder cells = Json.createArrayBuilder();
        matrix.forEach((from, row) -> row.forEach((to, cell) -> cells.add(Json.createObjectBuilder()
                .add("from", from).add("to", to).add("count", cell.count()).add("acv", cell.acv()))));
        return cells;
    }
}
