package dev.dealdesk.facts;

/** What starts the next phase of the customer strategy. */
public enum ExpansionTrigger {
    CUSTOMER_READINESS, RENEWAL_DATE
}
