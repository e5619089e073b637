package dev.dealdesk.cli;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.policy.reload.RulesWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dealdesk validate}: compiles and lints the rules, printing every problem where editors can jump to it. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles and lints the rules, printing every problem.",
            "Compiles the rules and checks them against the safety allowlist, as every load does.",
            "Prints each problem as file:line:column: error|warning: message, then a summary line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the policy would load", "1:it would not", "2:the command line was wrong"})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules directory (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--watch", description = "Validate again on every change until interrupted.")
    private boolean watch;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean loads = validate(out);
        if (!watch) {
            return loads ? 0 : 1;
        }
        out.print("Watching " + rules + " for changes; press Ctrl-C to stop.\n");
        out.flush();
        try (RulesWatcher ignored = RulesWatcher.start(rules, Duration.ofMillis(150), () -> {
            out.print("\n[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + rules + " changed\n");
            validate(out);
            out.flush();
        })) {
            new CountDownLatch(1).await();
        }
        return 0;
    }

    /** Validates once and prints the problems and the summary; true when the policy would load. */
    private boolean validate(PrintWriter out) {
        List<PolicyProblem> problems;
        String summary;
        boolean loads;
        try {
            CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(rules));
            problems = policy.warnings();
            summary = rules + ": " + policy.version().files() + " files, " + policy.rules().size()
                    + " rules: the policy would load as " + policy.version().version();
            loads = true;
        } catch (PolicyLoadException e) {
            problems = e.problems();
            summary = rules + ": the policy would not load";
            loads = false;
        }
        for (PolicyProblem problem : problems) {
            out.print(problem.toString(rules) + "\n");
        }
        long errors = problems.stream().filter(problem -> problem.level() == PolicyProblem.Level.ERROR).count();
        out.print(summary + " (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + (problems.size() - errors)
                + " warning" + (problems.size() - errors == 1 ? "" : "s") + ")\n");
        return loads;
    }
}
