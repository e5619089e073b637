package dev.dealdesk.facts;

/**
 * Whether the deal is sized for the customer's stated outcome. Components may be {@code null}.
 *
 * @param seatsNeededForOutcome seats the customer's stated outcome needs, {@code >= 0}
 * @param seatsPurchased        seats in this deal, {@code >= 0}
 */
public record Sizing(Integer seatsNeededForOutcome, Integer seatsPurchased) {

    public Sizing {
        Checks.notNegative(seatsNeededForOutcome, "seatsNeededForOutcome");
        Checks.notNegative(seatsPurchased, "seatsPurchased");
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Sizing}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private Integer seatsNeededForOutcome;
        private Integer seatsPurchased;

        private Builder() {
        }

        public Builder seatsNeededForOutcome(Integer seatsNeededForOutcome) {
            this.seatsNeededForOutcome = seatsNeededForOutcome;
            return this;
        }

        public Builder seatsPurchased(Integer seatsPurchased) {
            this.seatsPurchased = seatsPurchased;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public Sizing build() {
            return new Sizing(seatsNeededForOutcome, seatsPurchased);
        }
    }
}
