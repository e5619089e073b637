package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which approvers' sign-offs carry over from the previous decision of the same deal. A role's
 * sign-off carries over when every FLAG finding routed to it has the same code and the same
 * evidence as a FLAG finding of the previous decision; otherwise the role must sign again.
 * Immutable.
 *
 * @param previousDecisionId the decision compared with
 * @param carriedOver        roles whose sign-off carries over, sorted by name
 * @param required           roles that must sign again, sorted by name
 * @param cleared            codes the previous decision had and this one has not, sorted
 */
public record Reapproval(String previousDecisionId, List<ApproverRole> carriedOver, List<ApproverRole> required,
                         List<String> cleared) {

    public Reapproval {
        requireNonNull(previousDecisionId, "previousDecisionId");
        carriedOver = List.copyOf(carriedOver);
        required = List.copyOf(required);
        cleared = List.copyOf(cleared);
    }
}
