package dev.dealdesk.facts;

/** Whether humans (a CSM) serve the account or the sale is product-led. */
public enum TouchModel {
    HIGH_TOUCH, SELF_SERVE
}
