package dev.dealdesk.facts;

/**
 * Progress of an expansion deal. Components may be {@code null}.
 *
 * @param daysInQueue     days the opportunity has waited for an owner, {@code >= 0}
 * @param landValueProven the land moved its value-proof metric
 */
public record Expansion(Integer daysInQueue, Boolean landValueProven) {

    public Expansion {
        Checks.notNegative(daysInQueue, "daysInQueue");
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Expansion}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private Integer daysInQueue;
        private Boolean landValueProven;

        private Builder() {
        }

        public Builder daysInQueue(Integer daysInQueue) {
            this.daysInQueue = daysInQueue;
            return this;
        }

        public Builder landValueProven(Boolean landValueProven) {
            this.landValueProven = landValueProven;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public Expansion build() {
            return new Expansion(daysInQueue, landValueProven);
        }
    }
}
