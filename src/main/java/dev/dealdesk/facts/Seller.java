package dev.dealdesk.facts;

/**
 * The selling company. Its ARR selects the ownership model.
 *
 * @param arr the seller's own annual recurring revenue in US dollars, {@code >= 0}
 */
public record Seller(double arr) {

    public Seller {
        Checks.notNegative(arr, "arr");
    }
}
