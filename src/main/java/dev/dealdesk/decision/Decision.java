package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
 */
public record Decision(String dealId, LocalDate asOf, OwnershipModel ownershipModel, List<Finding> findings,
                       PolicyVersion policy, String decisionId, Instant evaluatedAt) {

    private static final List<ApproverRole> ROLES_BY_NAME =
            Stream.of(ApproverRole.values()).sorted(Comparator.comparing(ApproverRole::name)).toList();

    public Decision {
        requireNonNull(dealId, "dealId");
        requireNonNull(asOf, "asOf");
        requireNonNull(ownershipModel, "ownershipModel");
        findings = List.copyOf(findings);
        requireNonNull(policy, "policy");
        requireNonNull(decisionId, "decisionId");
        requireNonNull(evaluatedAt, "evaluatedAt");
    }

    /** REJECT if any finding rejects, else FLAG if any flags, else APPROVE. */
    public Outcome outcome() {
        boolean flagged = false;
        for (int i = 0; i < findings.size(); i++) { // by index: a batch asks every decision, and an iterator is garbage
            Severity severity = findings.get(i).severity();
            if (severity == Severity.REJECT) {
                return Outcome.REJECT;
            }
            flagged |= severity == Severity.FLAG;
        }
        return flagged ? Outcome.FLAG : Outcome.APPROVE;
    }

    /** The distinct approver roles of the FLAG findings, sorted by name. */
    public List<ApproverRole> approvers() {
        // Marked, then listed in name order: a batch asks every decision, so no stream and no sorted set.
        boolean[] flagged = new boolean[ROLES_BY_NAME.size()];
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).severity() == Severity.FLAG) {
                flagged[findings.get(i).approver().ordinal()] = true;
            }
        }
        List<ApproverRole> approvers = new ArrayList<>(flagged.length);
        for (ApproverRole role : ROLES_BY_NAME) {
            if (flagged[role.ordinal()]) {
                approvers.add(role);
            }
        }
        return List.copyOf(approvers);
    }

    /** The finding codes in order, as tests and replays compare them. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }
}
