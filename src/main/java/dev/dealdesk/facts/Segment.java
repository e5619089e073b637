package dev.dealdesk.facts;

/** Customer segment. */
public enum Segment {
    SMB, MID_MARKET, ENTERPRISE
}
