package dev.dealdesk.cli;

import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.audit.WhatIfJson;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dealdesk what-if}: what a candidate policy would have decided on every logged deal. */
@Command(name = "what-if",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what a candidate policy would change on the logged deals.",
            "Decides every logged deal under a candidate policy and reports the outcome transitions with their "
            + "count and total ACV, overall and by segment, the finding codes gained and lost, and the decisions "
            + "that change."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:reported", "1:the candidate policy cannot load or a record could not be compared",
            "2:the command line was wrong or the log cannot be read"})
final class WhatIfCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Parameters(paramLabel = "FILE", description = "The audit log.")
    private Path log;

    @Option(names = "--rules", paramLabel = "CANDIDATE_DIR", required = true, description = "The candidate rules.")
    private Path rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    private Format format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!CommandSupport.logExists(log, spec.commandLine().getErr())) {
            return 2;
        }
        Optional<CompiledPolicy> compiled = CommandSupport.compile(rules, err);
        if (compiled.isEmpty()) {
            return 1;
        }
        CompiledPolicy candidate = compiled.get();
        WhatIf.Report report;
        try {
            report = WhatIf.run(log, candidate);
        } catch (IOException e) {
            err.print("dealdesk: cannot read " + log + ": " + e.getMessage() + "\n");
            return 2;
        }
        report.errors().forEach(error -> err.print("dealdesk: " + error + "\n"));
        out.print(format == Format.json ? json(report, candidate) + "\n" : text(report, candidate));
        return report.errors().isEmpty() ? 0 : 1;
    }

    private static String text(WhatIf.Report report, CompiledPolicy candidate) {
        StringBuilder text = new StringBuilder();
        text.append("What if ").append(candidate.version().version()).append(" had decided the ")
                .append(report.decisions()).append(" logged decisions:\n\n");
        matrix(text, "All segments", report.transitions());
        report.bySegment().forEach((segment, matrix) -> matrix(text, segment, matrix));
        text.append("Finding codes gained: ").append(counts(report.gained())).append('\n');
        text.append("Finding codes lost:   ").append(counts(report.lost())).append("\n\n");
        long flips = report.changes().stream().filter(change -> !change.from().equals(change.to())).count();
        text.append(plural(report.changes().size(), "decision")).append(" would change (").append(flips)
                .append(" of them their outcome):\n");
        for (WhatIf.Change change : report.changes()) {
            text.append(String.format(Locale.ROOT, "  %s  %-10s %-7s -> %-7s ACV %s  +%s -%s  (line %d, decision %s)%n",
                    change.dealId(), change.segment(), change.from(), change.to(), amount(change.acv()),
                    change.gained(), change.lost(), change.line(), change.decisionId()));
        }
        return text.toString();
    }

    private static void matrix(StringBuilder text, String title, Map<String, Map<String, WhatIf.Cell>> matrix) {
        text.append(title).append(":\n");
        matrix.forEach((from, row) -> row.forEach((to, cell) -> text.append(String.format(Locale.ROOT,
                "  %-7s -> %-7s %15s, ACV %s%n", from, to, plural(cell.count(), "decision"), amount(cell.acv())))));
        text.append('\n');
    }

    private static String counts(Map<String, Long> codes) {
        if (codes.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        codes.forEach((code, count) -> text.append(text.length() == 0 ? "" : ", ").append(code).append(" x").append(count));
        return text.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String amount(java.math.BigDecimal acv) {
        return TextFormat.dollars(acv);
    }

    private static String json(WhatIf.Report report, CompiledPolicy candidate) {
        return JsonWriter.text(WhatIfJson.of(report, candidate.version().version()));
    }
}
