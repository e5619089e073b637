package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

/**
 * The contract's growth mechanics.
 *
 * @param pricingModel      how the contract prices the product, required
 * @param termMonths        contract term, {@code > 0}
 * @param expansionByAddOn  growth is a paper-only add-on at agreed unit prices, may be {@code null}
 * @param usageSpendAlerts  usage pricing ships with spend alerts, may be {@code null}
 */
public record Contract(PricingModel pricingModel, int termMonths, Boolean expansionByAddOn,
                       Boolean usageSpendAlerts) {

    public Contract {
        requireNonNull(pricingModel, "pricingModel");
        Checks.positive(termMonths, "termMonths");
    }
}
