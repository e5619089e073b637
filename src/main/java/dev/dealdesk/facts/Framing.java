package dev.dealdesk.facts;

/** Whose perspective the customer strategy is written from. */
public enum Framing {
    CUSTOMER_OUTCOME, SELLER_REVENUE
}
