package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's answer for one deal (policy brief, section 5). Immutable. The outcome and the
 * approvers are derived from the findings, so they can never disagree with them.
 *
 * @param dealId         the deal's id
 * @param asOf           the business date the decision is for
 * @param ownershipModel the ownership model the seller's ARR falls in
 * @param findings       ordered by severity (REJECT, FLAG, INFO), then code, then expansion-map entry
 * @param policy         the policy version that decided
 * @param decisionId     unique id of this decision
 * @param evaluatedAt    when the decision was made (from the engine's clock)
 * @param pathToApproval the changes that would make the deal APPROVE, when asked for; else {@code null}
 * @param reapproval     which sign-offs carry over from the deal's previous decision, when asked
 *                       for; else {@code null}
 */
public record Decision(String dealId, LocalDate asOf, OwnershipModel ownershipModel, List<Finding> findings,
                       PolicyVersion policy, String decisionId, Instant evaluatedAt, PathToApproval pathToApproval,
                       Reapproval reapproval) {

    public Decision {
        requireNonNull(dealId, "dealId");
        requireNonNull(asOf, "asOf");
        requireNonNull(ownershipModel, "ownershipModel");
        findings = List.copyOf(findings);
        requireNonNull(policy, "policy");
        requireNonNull(decisionId, "decisionId");
        requireNonNull(evaluatedAt, "evaluatedAt");
    }

    /** The decision as the findings alone make it: no path to approval, no re-approval. */
    public Decision(String dealId, LocalDate asOf, OwnershipModel ownershipModel, List<Finding> findings,
                    PolicyVersion policy, String decisionId, Instant evaluatedAt) {
        this(dealId, asOf, ownershipModel, findings, policy, decisionId, evaluatedAt, null, null);
    }

    /** This decision with its path to approval. */
    public Decision withPathToApproval(PathToApproval path) {
        return new Decision(dealId, asOf, ownershipModel, findings, policy, decisionId, evaluatedAt, path, reapproval);
    }

    /** This decision with its re-approval. */
    public Decision withReapproval(Reapproval again) {
        return new Decision(dealId, asOf, ownershipModel, findings, policy, decisionId, evaluatedAt, pathToApproval, again);
    }

    /** REJECT if any finding rejects, else FLAG if any flags, else APPROVE. */
    public Outcome outcome() {
        if (findings.stream().anyMatch(finding -> finding.severity() == Severity.REJECT)) {
            return Outcome.REJECT;
        }
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.FLAG) ? Outcome.FLAG : Outcome.APPROVE;
    }

    /** The distinct approver roles of the FLAG findings, sorted by name. */
    public List<ApproverRole> approvers() {
        return findings.stream().filter(finding -> finding.severity() == Severity.FLAG).map(Finding::approver)
                .distinct().sorted(Comparator.comparing(ApproverRole::name)).toList();
    }

    /** The finding codes in order, as tests and replays compare them. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
