package dev.dealdesk.cli;

import dev.dealdesk.audit.AuditVerifier;
import dev.dealdesk.audit.LogHead;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dealdesk verify}: proves an audit log and its pinned policies unaltered. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Proves an audit log and its pinned policies unaltered.",
            "Checks every record's hash, the chain from each record to the one before, "
            + "the log against its head file (records deleted from its end), and every "
            + "pinned policy snapshot against its version. Names the first bad record "
            + "(line and decision id) and what is wrong: edited, deleted, inserted, "
            + "reordered, rewritten, an edited head, a missing or altered snapshot, or a "
            + "torn last line (a crash).",
            "Prints the log's head (its records and the last one's hash): keep a copy "
            + "elsewhere and check it later with --expect. Whoever can rewrite the whole "
            + "file can recompute every hash and the head file too, but cannot make the "
            + "log hold a hash you kept."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the log is intact (and holds the expected record)",
            "1:a record or snapshot was altered, deleted, inserted or reordered, or the expected record is missing",
            "2:the command line was wrong or the log cannot be read", "3:only the last line is torn (a crash mid-write)"})
final class VerifyCommand implements Callable<Integer> {

    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    @Parameters(paramLabel = "FILE", description = "The audit log.")
    private Path log;

    @Option(names = "--expect", paramLabel = "HASH",
            description = "A record's hash kept elsewhere (from an earlier verify): the log must still hold that record.")
    private String expect;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (expect != null && !HASH.matcher(expect).matches()) {
            err.print("dealdesk: --expect takes a record's hash as verify prints it, sha256: and 64 lower-case hex digits, not "
                    + expect + "\n");
            return 2;
        }
        // A missing log is verified too: if its head is still there, the log was deleted.
        if (Files.exists(log) && !CommandSupport.logExists(log, err)) {
            return 2;
        }
        AuditVerifier.Report report;
        try {
            report = AuditVerifier.verify(log, expect);
        } catch (NoSuchFileException e) {
            err.print("dealdesk: no such audit log: " + log + "\n");
            return 2;
        } catch (IOException e) {
            err.print("dealdesk: cannot read " + log + ": " + e.getMessage() + "\n");
            return 2;
        }
        if (report.intact()) {
            out.print(log + ": intact: " + report.records() + " records, "
                    + (report.head().isPresent() ? "chain, head" : "chain") + " and pinned policies verified\n");
        } else {
            AuditVerifier.Problem first = report.problems().get(0);
            out.print(log + ": " + first.kind() + (first.line() > 0 ? " at line " + first.line() : "")
                    + (first.decisionId() == null ? "" : " (decision " + first.decisionId() + ")") + ": " + first.message() + "\n");
            if (report.problems().size() > 1) {
                out.print("(" + (report.problems().size() - 1) + " more problem"
                        + (report.problems().size() == 2 ? "" : "s") + " after it)\n");
            }
        }
        if (report.intact() || report.onlyTornTail()) {
            printHead(out, report);
        }
        return report.intact() ? 0 : report.onlyTornTail() ? 3 : 1;
    }

    private void printHead(PrintWriter out, AuditVerifier.Report report) {
        try {
            AuditVerifier.headNote(log).ifPresent(note -> out.print("note: " + note + "\n"));
        } catch (java.io.IOException unreadable) {
            out.print("note: the head file beside " + log + " cannot be read: " + unreadable.getMessage() + "\n");
        }
        if (report.head().isEmpty()) {
            out.print("note: " + log + " has no head file (it was written before heads were kept): records deleted from its"
                    + " end are found only with --expect\n");
        }
        LogHead last = report.last();
        out.print("head: " + last.records() + " records, last " + last.hash() + " (keep it elsewhere; check with --expect)\n");
        report.expected().ifPresent(expected -> out.print("expected " + expected.hash() + (expected.line() == 0
                ? " is the start of the log" : " is record " + expected.line() + " (decision " + expected.decisionId() + ")")
                + ": " + expected.following() + " record" + (expected.following() == 1 ? " follows" : "s follow") + " it\n"));
    }
}
