package dev.dealdesk.cli;

import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.Replayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dealdesk replay}: re-derives logged decisions under their own pinned policies. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-derives logged decisions under their own pinned policies.",
            "Decides each logged deal again under the policy pinned for the version that decided it, and "
            + "compares the decision with the record: outcome, ownership model, approvers and every finding."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every replayed decision matches its record", "1:a decision diverges or cannot be replayed",
            "2:the command line was wrong or the log cannot be read"})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The audit log.")
    private Path log;

    @Option(names = "--deal", paramLabel = "ID", description = "Only this deal's decisions.")
    private String deal;

    @Option(names = "--since", paramLabel = "DATE", description = "Only decisions made on or after this date (UTC).")
    private LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only decisions made on or before this date (UTC).")
    private LocalDate until;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!CommandSupport.logExists(log, spec.commandLine().getErr())) {
            return 2;
        }
        Replayer.Report report;
        try {
            report = Replayer.replay(log, filter());
        } catch (IOException e) {
            spec.commandLine().getErr().print("dealdesk: cannot read " + log + ": " + e.getMessage() + "\n");
            return 2;
        }
        for (Replayer.Divergence divergence : report.divergences()) {
            out.print("DIVERGES line " + divergence.line() + " (decision " + divergence.decisionId() + ", deal "
                    + divergence.dealId() + "): " + (divergence.error() != null ? divergence.error()
                    : "recorded " + divergence.recorded() + ", replayed " + divergence.replayed() + "; added "
                    + divergence.added() + "; removed " + divergence.removed()) + "\n");
        }
        out.print(report.replayed() + " replayed, " + report.matched() + " matched, " + report.divergences().size()
                + " diverged\n");
        return report.divergences().isEmpty() ? 0 : 1;
    }

    private Predicate<AuditRecord> filter() {
        return record -> {
            LocalDate day = LocalDate.ofInstant(record.evaluatedAt(), ZoneOffset.UTC);
            return (deal == null || deal.equals(record.deal().getString("dealId", null)))
                    && (since == null || !day.isBefore(since))
                    && (until == null || !day.isAfter(until));
        };
    }
}
