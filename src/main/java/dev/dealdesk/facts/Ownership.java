package dev.dealdesk.facts;

/**
 * Who owns expansion on the account. Components may be {@code null}.
 *
 * @param expansionOwner      who owns the expansion number
 * @param handoffSlaDays      SLA in days for handing a qualified expansion signal to the closer, {@code >= 0}
 * @param sharedExpansionComp nominator and closer share comp on expansion ARR
 */
public record Ownership(ExpansionOwner expansionOwner, Integer handoffSlaDays, Boolean sharedExpansionComp) {

    public Ownership {
        Checks.notNegative(handoffSlaDays, "handoffSlaDays");
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Ownership}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private ExpansionOwner expansionOwner;
        private Integer handoffSlaDays;
        private Boolean sharedExpansionComp;

        private Builder() {
        }

        public Builder expansionOwner(ExpansionOwner expansionOwner) {
            this.expansionOwner = expansionOwner;
            return this;
        }

        public Builder handoffSlaDays(Integer handoffSlaDays) {
            this.handoffSlaDays = handoffSlaDays;
            return this;
        }

        public Builder sharedExpansionComp(Boolean sharedExpansionComp) {
            this.sharedExpansionComp = sharedExpansionComp;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public Ownership build() {
            return new Ownership(expansionOwner, handoffSlaDays, sharedExpansionComp);
        }
    }
}
