package dev.dealdesk.cli;

import dev.dealdesk.audit.AuditVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dealdesk verify}: proves an audit log and its pinned policies unaltered. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Proves an audit log and its pinned policies unaltered.",
            "Checks every record's hash, the chain from each record to the one before, and every pinned policy",
            "snapshot against its version. Names the first bad record (line and decision id) and what is wrong:",
            "edited, deleted, inserted, reordered, missing or altered snapshot, or a torn last line (a crash)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the log is intact", "1:a record or snapshot was altered, deleted, inserted or reordered",
            "2:the command line was wrong or the log cannot be read", "3:only the last line is torn (a crash mid-write)"})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The audit log.")
    private Path log;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!CommandSupport.logExists(log, spec.commandLine().getErr())) {
            return 2;
        }
        AuditVerifier.Report report;
        try {
            report = AuditVerifier.verify(log);
        } catch (IOException e) {
            spec.commandLine().getErr().print("dealdesk: cannot read " + log + ": " + e.getMessage() + "\n");
            return 2;
        }
        if (report.intact()) {
            out.print(log + ": intact: " + report.records() + " records, chain and pinned policies verified\n");
            return 0;
        }
        AuditVerifier.Problem first = report.problems().get(0);
        out.print(log + ": " + first.kind() + " at line " + first.line()
                + (first.decisionId() == null ? "" : " (decision " + first.decisionId() + ")") + ": " + first.message() + "\n");
        if (report.problems().size() > 1) {
            out.print("(" + (report.problems().size() - 1) + " more problem"
                    + (report.problems().size() == 2 ? "" : "s") + " after it)\n");
        }
        return report.onlyTornTail() ? 3 : 1;
    }
}
