package dev.dealdesk.cli;

import dev.dealdesk.decision.EvaluationBudget;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The evaluation budget, as options of the commands that decide deals for callers (evaluate, serve). */
final class BudgetOptions {

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Rule firings one deal may take before it is an error (default: ${DEFAULT-VALUE}).")
    int firings = EvaluationBudget.DEFAULT.firings();

    @Option(names = "--max-time-ms", paramLabel = "MS",
            description = "Milliseconds one deal may take before it is an error (default: ${DEFAULT-VALUE}).")
    long millis = EvaluationBudget.DEFAULT.time().toMillis();

    /** The budget asked for; a value that is not positive is a command-line error (exit 2, with usage). */
    EvaluationBudget budget(CommandSpec spec) {
        if (firings <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-firings must be a positive number, not " + firings);
        }
        if (millis <= 0 || millis > Duration.ofHours(1).toMillis()) {
            throw new ParameterException(spec.commandLine(), "--max-time-ms must be a positive number of at most "
                    + Duration.ofHours(1).toMillis() + " (an hour), not " + millis);
        }
        return new EvaluationBudget(firings, Duration.ofMillis(millis));
    }
}
