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
}
