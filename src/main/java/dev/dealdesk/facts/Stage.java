package dev.dealdesk.facts;

/** The stage the deal asks to enter; {@code CLOSED_WON} is "at close". */
public enum Stage {
    QUALIFY, PROPOSAL, NEGOTIATION, CLOSED_WON
}
