package dev.dealdesk.facts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts of one deal, as in section 2 of the policy brief. Immutable. Required components are
 * never {@code null}; optional objects are {@code null} when absent; {@code expansionMap} is empty
 * when absent.
 *
 * @param dealId           the CRM's deal id
 * @param asOf             business date of the decision; rules use it instead of the clock
 * @param motion           land, expansion or renewal
 * @param stage            the stage the deal asks to enter
 * @param segment          customer segment
 * @param acv              annual contract value in US dollars, {@code >= 0}
 * @param touchModel       defaults to {@link TouchModel#HIGH_TOUCH} when {@code null}
 * @param seller           the selling company
 * @param valueProof       the land's value proof, or {@code null}
 * @param expansionMap     the next teams, in input order
 * @param customerStrategy the customer's phased plan, or {@code null}
 * @param sizing           seats needed and purchased, or {@code null}
 * @param customerSuccess  human customer success, or {@code null}
 * @param ownership        expansion ownership, or {@code null}
 * @param contract         the contract
 * @param expansion        expansion progress, or {@code null}
 */
public record Deal(String dealId, LocalDate asOf, Motion motion, Stage stage, Segment segment, double acv,
                   TouchModel touchModel, Seller seller, ValueProof valueProof, List<ExpansionTarget> expansionMap,
                   CustomerStrategy customerStrategy, Sizing sizing, CustomerSuccess customerSuccess,
                   Ownership ownership, Contract contract, Expansion expansion) {

    public Deal {
        requireNonNull(dealId, "dealId");
        requireNonNull(asOf, "asOf");
        requireNonNull(motion, "motion");
        requireNonNull(stage, "stage");
        requireNonNull(segment, "segment");
        Checks.notNegative(acv, "acv");
        touchModel = touchModel == null ? TouchModel.HIGH_TOUCH : touchModel;
        requireNonNull(seller, "seller");
        expansionMap = expansionMap == null ? List.of() : List.copyOf(expansionMap);
        requireNonNull(contract, "contract");
    }

    /** The quarter that contains {@link #asOf()}. */
    public Quarter asOfQuarter() {
        return Quarter.of(asOf);
    }
}
