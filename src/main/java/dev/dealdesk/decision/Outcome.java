package dev.dealdesk.decision;

/** The answer for a deal: REJECT if any finding rejects, else FLAG if any flags, else APPROVE. */
public enum Outcome {
    APPROVE, FLAG, REJECT
}
