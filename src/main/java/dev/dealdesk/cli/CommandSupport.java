package dev.dealdesk.cli;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.audit.AuditException;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What several commands do alike: build an engine and report why it cannot be, find an audit log. */
final class CommandSupport {

    private CommandSupport() {
    }

    /**
     * Builds the engine, or prints every problem on stderr and gives nothing (the command then exits
     * 1). The launcher names a compiled-policy cache beside the jar in {@code dealdesk.policyCache}.
     */
    static Optional<DealDesk> build(DealDesk.Builder builder, Path rules, PrintWriter err) {
        String cache = System.getProperty("dealdesk.policyCache");
        if (cache != null && !cache.isBlank()) {
            builder.policyCache(Path.of(cache));
        }
        try {
            return Optional.of(builder.build());
        } catch (PolicyLoadException e) {
            printProblems(err, rules, e);
        } catch (AuditException e) {
            err.print("dealdesk: " + e.getMessage() + "\n");
        }
        return Optional.empty();
    }

    /** Compiles the rules without an engine, or prints every problem on stderr and gives nothing. */
    static Optional<CompiledPolicy> compile(Path rules, PrintWriter err) {
        try {
            return Optional.of(CompiledPolicy.compile(PolicySource.read(rules)));
        } catch (PolicyLoadException e) {
            printProblems(err, rules, e);
            return Optional.empty();
        }
    }

    /** Prints a policy's problems as {@code rules/file:line:column: error: message}. */
    static void printProblems(PrintWriter err, Path rules, PolicyLoadException e) {
        err.print("dealdesk: the policy in " + rules + " cannot load:\n");
        for (PolicyProblem problem : e.problems()) {
            err.print(problem.toString(rules) + "\n");
        }
    }

    /** Whether the audit log exists; says so on stderr when it does not (the command then exits 2). */
    static boolean logExists(Path log, PrintWriter err) {
        if (Files.isRegularFile(log)) {
            return true;
        }
        err.print("dealdesk: no such audit log: " + log + "\n");
        return false;
    }
}
