package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the expansion map written at land time: the next team to grow into.
 *
 * @param team          target team, required
 * @param sponsor       internal sponsor in that team, may be {@code null}
 * @param useCase       use case for that team, may be {@code null}
 * @param estimatedAcv  rough ACV of that expansion in US dollars, {@code >= 0}, may be {@code null}
 * @param targetQuarter quarter the expansion is planned for, may be {@code null}
 */
public record ExpansionTarget(String team, String sponsor, String useCase, Double estimatedAcv,
                              Quarter targetQuarter) {

    public ExpansionTarget {
        requireNonNull(team, "team");
        Checks.notNegative(estimatedAcv, "estimatedAcv");
    }
}
