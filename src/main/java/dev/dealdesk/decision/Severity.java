package dev.dealdesk.decision;

/** How much a finding weighs. Declaration order is the order findings are listed in. */
public enum Severity {
    /** The deal cannot be approved as submitted: it must be fixed. */
    REJECT,
    /** The deal needs a named human approver to sign. */
    FLAG,
    /** Information only; never changes the outcome. */
    INFO
}
