package dev.dealdesk.facts;

/**
 * Human customer success on the account. Components may be {@code null}.
 *
 * @param csmAssigned        a CSM is named on the account
 * @param csmExpansionTarget that CSM carries an expansion-qualification target
 * @param csHoursPerQuarter  human CS hours the account will absorb per quarter, {@code >= 0}
 * @param csHourlyCost       loaded cost of one CS hour in US dollars, {@code >= 0}
 */
public record CustomerSuccess(Boolean csmAssigned, Boolean csmExpansionTarget, Double csHoursPerQuarter,
                              Double csHourlyCost) {

    public CustomerSuccess {
        Checks.notNegative(csHoursPerQuarter, "csHoursPerQuarter");
        Checks.notNegative(csHourlyCost, "csHourlyCost");
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerSuccess}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private Boolean csmAssigned;
        private Boolean csmExpansionTarget;
        private Double csHoursPerQuarter;
        private Double csHourlyCost;

        private Builder() {
        }

        public Builder csmAssigned(Boolean csmAssigned) {
            this.csmAssigned = csmAssigned;
            return this;
        }

        public Builder csmExpansionTarget(Boolean csmExpansionTarget) {
            this.csmExpansionTarget = csmExpansionTarget;
            return this;
        }

        public Builder csHoursPerQuarter(Double csHoursPerQuarter) {
            this.csHoursPerQuarter = csHoursPerQuarter;
            return this;
        }

        public Builder csHourlyCost(Double csHourlyCost) {
            this.csHourlyCost = csHourlyCost;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public CustomerSuccess build() {
            return new CustomerSuccess(csmAssigned, csmExpansionTarget, csHoursPerQuarter, csHourlyCost);
        }
    }
}
