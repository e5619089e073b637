package dev.dealdesk.facts;

/**
 * Human customer success on the account. Components may be {@code null}.
 *
 * @param csmAssigned        a CSM is named on the account
 * @param csmExpansionTarget that CSM carries an expansion-qualification target
 * @param csHoursPerQuarter  human CS hours the account will absorb per quarter, {@code >= 0}
 * @param csHourlyCost       loaded cost of one CS hour in US dollars, {@code >= 0}
 */
public record CustomerSuccess(Boolean csmAssigned, Boolean csmExpansionTarget, Double csHoursPerQuarter,
                              Double csHourlyCost) {

    public CustomerSuccess {
        Checks.notNegative(csHoursPerQuarter, "csHoursPerQuarter");
        Checks.notNegative(csHourlyCost, "csHourlyCost");
    }
}
