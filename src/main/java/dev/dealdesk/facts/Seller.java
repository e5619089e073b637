package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

/**
 * The selling company. Its ARR selects the ownership model.
 *
 * @param arr the seller's own annual recurring revenue in US dollars, {@code >= 0}
 */
public record Seller(double arr) {

    public Seller {
        Checks.notNegative(arr, "arr");
    }

    /** A builder with {@code arr} unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Seller}; {@code arr} is required. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private Double arr;

        private Builder() {
        }

        public Builder arr(double arr) {
            this.arr = arr;
            return this;
        }

        /**
         * @throws NullPointerException     when {@code arr} is unset, naming it
         * @throws IllegalArgumentException when the constructor refuses a value, naming it
         */
        public Seller build() {
            return new Seller(requireNonNull(arr, "arr"));
        }
    }
}
