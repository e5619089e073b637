package dev.dealdesk.decision;

/** The role that signs a FLAG finding or owns the fix of a REJECT finding. */
public enum ApproverRole {
    CS_LEADERSHIP, DEAL_DESK, FINANCE, REVOPS, SALES_LEADERSHIP
}
