package dev.dealdesk.decision;

import java.util.List;
import java.util.stream.Collectors;

/** The rules cannot be loaded: they are missing, unreadable or do not compile. Carries every problem. */
public final class PolicyLoadException extends Exception {

    private final List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a policy load failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in file and line order. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
