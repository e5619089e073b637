package dev.dealdesk.facts;

/** Whether the deal is the first with this customer, a growth deal, or a renewal. */
public enum Motion {
    LAND, EXPANSION, RENEWAL
}
