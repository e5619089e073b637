package dev.dealdesk.approval;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * What a caller asks of a decision beyond its findings. Immutable.
 *
 * @param pathToApproval whether to find the changes that would make the deal APPROVE
 * @param previous       the deal's previous decision, as its JSON (a decision line, or an audit
 *                       record's {@code decision}), to say which sign-offs carry over; or {@code null}
 */
public record Ask(boolean pathToApproval, JsonObject previous) {

    /** The decision alone. */
    public static final Ask DECISION = new Ask(false, null);

    /** The decision of {@code deal} under {@code policy}, with what this asks for besides. */
    public Decision answer(CompiledPolicy policy, Deal deal, String decisionId, Instant evaluatedAt, EvaluationBudget budget) {
        Decision decision = policy.decide(deal, decisionId, evaluatedAt, budget, null);
        if (pathToApproval) {
            decision = decision.withPathToApproval(new PathFinder(policy, budget).find(deal, decision));
        }
        if (previous != null) {
            decision = decision.withReapproval(Reapprovals.compare(previous, decision));
        }
        return decision;
    }
}
