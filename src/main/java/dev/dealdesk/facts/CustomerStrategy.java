package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The customer's phased plan beyond the land.
 *
 * @param horizonMonths    how far the plan reaches, {@code >= 0}, may be {@code null}
 * @param phases           the phases after the land, in input order; empty when none were given
 * @param framing          whose perspective the plan is written from, may be {@code null}
 * @param expansionTrigger what starts the next phase, may be {@code null}
 */
public record CustomerStrategy(Integer horizonMonths, List<Phase> phases, Framing framing,
                               ExpansionTrigger expansionTrigger) {

    public CustomerStrategy {
        Checks.notNegative(horizonMonths, "horizonMonths");
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** A builder with no phases and every other component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerStrategy}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private Integer horizonMonths;
        private final List<Phase> phases = new ArrayList<>();
        private Framing framing;
        private ExpansionTrigger expansionTrigger;

        private Builder() {
        }

        public Builder horizonMonths(Integer horizonMonths) {
            this.horizonMonths = horizonMonths;
            return this;
        }

        /**
         * Replaces the phases with {@code phases}, in order; {@code null} means none.
         *
         * @throws NullPointerException when an element is {@code null}
         */
        public Builder phases(List<Phase> phases) {
            this.phases.clear();
            if (phases != null) {
                phases.forEach(this::addPhase);
            }
            return this;
        }

        /**
         * Appends one phase after those already given.
         *
         * @throws NullPointerException when {@code phase} is {@code null}
         */
        public Builder addPhase(Phase phase) {
            phases.add(requireNonNull(phase, "phase"));
            return this;
        }

        public Builder framing(Framing framing) {
            this.framing = framing;
            return this;
        }

        public Builder expansionTrigger(ExpansionTrigger expansionTrigger) {
            this.expansionTrigger = expansionTrigger;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public CustomerStrategy build() {
            return new CustomerStrategy(horizonMonths, phases, framing, expansionTrigger);
        }
    }
}
