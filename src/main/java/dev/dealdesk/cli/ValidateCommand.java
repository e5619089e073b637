package dev.dealdesk.cli;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.policy.reload.RulesWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import dev.dealdesk.policy.examples.PolicyTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dealdesk validate}: compiles and lints the rules, printing every problem where editors can jump to it. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles and lints the rules, printing every problem.",
            "Compiles the rules and checks them against the safety allowlist, as every load does, "
            + "then decides every golden example: one the policy cannot decide within the budget is an error.",
            "Prints each problem as file:line:column: error|warning: message, then a summary line."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the policy would load", "1:it would not", "2:the command line was wrong"})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules directory (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--examples", paramLabel = "DIR", defaultValue = "policy-examples",
            description = "Golden examples every deal of which must be decided within the budget (default: ${DEFAULT-VALUE}).")
    private Path examples;

    @Mixin
    private BudgetOptions budget;

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

    /** An error for each golden example the policy cannot decide within the budget (a rule fails, or it runs too long). */
    private List<PolicyProblem> undecidedExamples(CompiledPolicy policy) {
        if (!Files.isDirectory(examples)) {
            return List.of(new PolicyProblem(examples.toString(), 0, 0, PolicyProblem.Level.WARNING, "no golden examples"
                    + " here, so no deal was decided to check the policy against the evaluation budget"));
        }
        try {
            return PolicyTester.run(policy, examples, budget.budget(spec)).results().stream()
                    .filter(PolicyTester.ExampleResult::undecided)
                    .map(result -> PolicyProblem.error(examples.resolve(result.file()).toString(), 0, result.error()))
                    .toList();
        } catch (IOException e) {
            return List.of(PolicyProblem.error(examples.toString(), 0, "cannot list the golden examples: " + e.getMessage()));
        }
    }

    /** Validates once and prints the problems and the summary; true when the policy would load. */
    private boolean validate(PrintWriter out) {
        List<PolicyProblem> problems;
        List<PolicyProblem> exampleProblems = List.of();
        String summary;
        boolean loads;
        try {
            CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(rules));
            problems = policy.warnings();
            exampleProblems = undecidedExamples(policy);
            loads = exampleProblems.stream().noneMatch(problem -> problem.level() == PolicyProblem.Level.ERROR);
            summary = rules + ": " + policy.version().files() + " files, " + policy.rules().size() + " rules: "
                    + (loads ? "the policy would load as " + policy.version().version()
                    : "the policy compiles but cannot decide every example");
        } catch (PolicyLoadException e) {
            problems = e.problems();
            summary = rules + ": the policy would not load";
            loads = false;
        }
        for (PolicyProblem problem : problems) {
            out.print(problem.toString(rules) + "\n");
        }
        // Example files are named as given, not under the rules directory.
        exampleProblems.forEach(problem -> out.print(problem + "\n"));
        List<PolicyProblem> all = Stream.concat(problems.stream(), exampleProblems.stream()).toList();
        long errors = all.stream().filter(problem -> problem.level() == PolicyProblem.Level.ERROR).count();
        out.print(summary + " (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + (all.size() - errors)
                + " warning" + (all.size() - errors == 1 ? "" : "s") + ")\n");
        return loads;
    }
}
