package dev.dealdesk.facts;

/** Who owns the expansion number. */
public enum ExpansionOwner {
    AE, CSM, AM, AM_POD, UNASSIGNED
}
