package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much one evaluation may take. A deal whose rules fire more often, or run longer, has no
 * decision: it is an {@link EvaluationException} naming the rule, and the engine goes on. The
 * shipped policy fires a few dozen times and decides in microseconds; the budget is there for a
 * policy whose rules set each other off, or a host that stalls.
 *
 * @param firings the most rule firings one deal may take
 * @param time    the longest one deal may take, wall time
 */
public record EvaluationBudget(int firings, Duration time) {

    /** 10,000 firings and one second. */
    public static final EvaluationBudget DEFAULT = new EvaluationBudget(10_000, Duration.ofSeconds(1));

    public EvaluationBudget {
        requireNonNull(time, "time");
        if (firings <= 0) {
            throw new IllegalArgumentException("firings must be positive, not " + firings);
        }
        if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("time must be positive and at most an hour, not " + time);
        }
    }
}
