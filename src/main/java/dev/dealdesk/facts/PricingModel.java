package dev.dealdesk.facts;

/** How the contract prices the product. */
public enum PricingModel {
    PER_SEAT, USAGE, FLAT_FEE
}
