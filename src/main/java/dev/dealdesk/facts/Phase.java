package dev.dealdesk.facts;

/**
 * One phase of the customer's plan after the land. Every component may be {@code null}.
 *
 * @param name       phase name
 * @param team       the customer team it reaches
 * @param outcome    the customer outcome it delivers
 * @param startMonth months after the land it starts, {@code >= 0}
 */
public record Phase(String name, String team, String outcome, Integer startMonth) {

    public Phase {
        Checks.notNegative(startMonth, "startMonth");
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Phase}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private String name;
        private String team;
        private String outcome;
        private Integer startMonth;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder startMonth(Integer startMonth) {
            this.startMonth = startMonth;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public Phase build() {
            return new Phase(name, team, outcome, startMonth);
        }
    }
}
