package dev.dealdesk.facts;

/**
 * Who owns expansion on the account. Components may be {@code null}.
 *
 * @param expansionOwner      who owns the expansion number
 * @param handoffSlaDays      SLA in days for handing a qualified expansion signal to the closer, {@code >= 0}
 * @param sharedExpansionComp nominator and closer share comp on expansion ARR
 */
public record Ownership(ExpansionOwner expansionOwner, Integer handoffSlaDays, Boolean sharedExpansionComp) {

    public Ownership {
        Checks.notNegative(handoffSlaDays, "handoffSlaDays");
    }
}
