package dev.dealdesk.facts;

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
}
