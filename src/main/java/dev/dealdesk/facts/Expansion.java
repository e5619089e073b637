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
}
