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

    /** A builder with every component unset; {@code pricingModel} and {@code termMonths} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Contract}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private PricingModel pricingModel;
        private Integer termMonths;
        private Boolean expansionByAddOn;
        private Boolean usageSpendAlerts;

        private Builder() {
        }

        public Builder pricingModel(PricingModel pricingModel) {
            this.pricingModel = pricingModel;
            return this;
        }

        public Builder termMonths(int termMonths) {
            this.termMonths = termMonths;
            return this;
        }

        public Builder expansionByAddOn(Boolean expansionByAddOn) {
            this.expansionByAddOn = expansionByAddOn;
            return this;
        }

        public Builder usageSpendAlerts(Boolean usageSpendAlerts) {
            this.usageSpendAlerts = usageSpendAlerts;
            return this;
        }

        /**
         * @throws NullPointerException     when a required component is unset, naming it
         * @throws IllegalArgumentException when the constructor refuses a value, naming it
         */
        public Contract build() {
            // termMonths is an int, which the constructor cannot see missing.
            return new Contract(pricingModel, requireNonNull(termMonths, "termMonths"), expansionByAddOn, usageSpendAlerts);
        }
    }
}
