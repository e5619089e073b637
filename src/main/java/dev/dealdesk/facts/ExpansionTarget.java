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

    /** A builder with every component unset; {@code team} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ExpansionTarget}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private String team;
        private String sponsor;
        private String useCase;
        private Double estimatedAcv;
        private Quarter targetQuarter;

        private Builder() {
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder sponsor(String sponsor) {
            this.sponsor = sponsor;
            return this;
        }

        public Builder useCase(String useCase) {
            this.useCase = useCase;
            return this;
        }

        public Builder estimatedAcv(Double estimatedAcv) {
            this.estimatedAcv = estimatedAcv;
            return this;
        }

        public Builder targetQuarter(Quarter targetQuarter) {
            this.targetQuarter = targetQuarter;
            return this;
        }

        /**
         * @throws NullPointerException     when {@code team} is unset, naming it
         * @throws IllegalArgumentException when the constructor refuses a value, naming it
         */
        public ExpansionTarget build() {
            return new ExpansionTarget(team, sponsor, useCase, estimatedAcv, targetQuarter);
        }
    }
}
