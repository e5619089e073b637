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
}
