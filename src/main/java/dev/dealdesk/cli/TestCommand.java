package dev.dealdesk.cli;

import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicyRule;
import dev.dealdesk.policy.examples.PolicyTester;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dealdesk test}: runs the golden examples against the rules, with rule coverage. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the golden examples against the rules, with rule coverage.",
            "Decides every example in the examples directory under the rules and compares the outcome and the "
            + "ordered finding codes with what the example expects. Prints one line per failing example, then "
            + "'N passed, M failed'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every example passed (and coverage reached --min-coverage)",
            "1:an example failed, coverage was too low, or the policy cannot load", "2:the command line was wrong"})
final class TestCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules directory (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--examples", paramLabel = "DIR", defaultValue = "policy-examples",
            description = "Examples directory (default: ${DEFAULT-VALUE}).")
    private Path examples;

    @Option(names = "--coverage", description = "List how many examples fire each rule, and the rules none fires.")
    private boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "P",
            description = "Fail when fewer than P percent of the rules are fired by some example.")
    private Double minCoverage;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 100)) {
            err.print("dealdesk: --min-coverage must be a percentage from 0 to 100, not " + minCoverage + "\n");
            return 2;
        }
        Optional<CompiledPolicy> compiled = CommandSupport.compile(rules, err);
        if (compiled.isEmpty()) {
            return 1;
        }
        CompiledPolicy policy = compiled.get();
        if (!Files.isDirectory(examples)) {
            err.print("dealdesk: examples directory not found: " + examples + "\n");
            return 1;
        }
        PolicyTester.Report report;
        try {
            report = PolicyTester.run(policy, examples);
        } catch (IOException e) {
            err.print("dealdesk: cannot read examples in " + examples + ": " + e.getMessage() + "\n");
            return 1;
        }
        for (PolicyTester.ExampleResult result : report.results()) {
            if (!result.passed()) {
                out.print("FAIL " + examples.resolve(result.file()) + ": " + result.explanation() + "\n");
            }
        }
        boolean coverageOk = true;
        if (coverage || minCoverage != null) {
            coverageOk = printCoverage(out, report);
        }
        out.print(report.passed() + " passed, " + report.failed() + " failed\n");
        return report.failed() == 0 && coverageOk ? 0 : 1;
    }

    private boolean printCoverage(PrintWriter out, PolicyTester.Report report) {
        out.print("Coverage (examples that fire each rule):\n");
        for (Map.Entry<PolicyRule, Integer> rule : report.coverage().entrySet()) {
            PolicyRule at = rule.getKey();
            out.print(String.format(Locale.ROOT, "%5d  %s:%d  %s  [%s]%n", rule.getValue(), rules.resolve(at.file()),
                    at.line(), at.name(), at.code()));
        }
        for (PolicyRule uncovered : report.uncovered()) {
            out.print("No example fires " + rules.resolve(uncovered.file()) + ":" + uncovered.line() + " \""
                    + uncovered.name() + "\"\n");
        }
        double percent = report.coveragePercent();
        out.print(String.format(Locale.ROOT, "Rule coverage: %.1f%% of %d rules%n", percent, report.coverage().size()));
        if (minCoverage != null && percent < minCoverage) {
            out.print(String.format(Locale.ROOT, "Rule coverage %.1f%% is under the minimum %.1f%%%n", percent, minCoverage));
            return false;
        }
        return true;
    }
}
