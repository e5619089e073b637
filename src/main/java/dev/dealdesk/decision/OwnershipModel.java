package dev.dealdesk.decision;

import dev.dealdesk.facts.ExpansionOwner;
import java.util.Set;

/**
 * Who owns expansion, selected by the seller's ARR (policy brief, section 3). The ARR bands that
 * select a model are policy thresholds and live in the rules; what each model means is fixed here.
 */
public enum OwnershipModel {
    /** The AE who landed owns land and expand, no split. */
    AE_OWNS(ExpansionOwner.AE, Set.of(ExpansionOwner.AE)),
    /** The CSM qualifies, the AE closes, with shared comp and a handoff SLA. */
    CSM_NOMINATES_AE_CLOSES(ExpansionOwner.AE, Set.of(ExpansionOwner.AE, ExpansionOwner.CSM)),
    /** CS owns health; an AM team owns the expansion number. */
    DEDICATED_AM(ExpansionOwner.AM, Set.of(ExpansionOwner.AM)),
    /** Vertical or segment-aligned AM pods with multi-product attach. */
    STRATEGIC_AM_POD(ExpansionOwner.AM_POD, Set.of(ExpansionOwner.AM_POD));

    private final ExpansionOwner expectedOwner;
    private final Set<ExpansionOwner> acceptedOwners;

    OwnershipModel(ExpansionOwner expectedOwner, Set<ExpansionOwner> acceptedOwners) {
        this.expectedOwner = expectedOwner;
        this.acceptedOwners = acceptedOwners;
    }

    /** The role expected to own the expansion number (the closer). */
    public ExpansionOwner expectedOwner() {
        return expectedOwner;
    }

    /** Whether {@code owner} may own the expansion number under this model. */
    public boolean accepts(ExpansionOwner owner) {
        return acceptedOwners.contains(owner);
    }
}
