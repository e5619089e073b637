/**
 * What a caller of the engine sees, as immutable values: the {@link dev.dealdesk.decision.Decision}
 * and its {@link dev.dealdesk.decision.Finding}s, {@link dev.dealdesk.decision.Outcome},
 * {@link dev.dealdesk.decision.Severity}, {@link dev.dealdesk.decision.ApproverRole},
 * {@link dev.dealdesk.decision.OwnershipModel}, the {@link dev.dealdesk.decision.PolicyVersion} a
 * decision names and the status of a live policy (its last reload attempt and whether its rules are
 * watched, {@link dev.dealdesk.decision.WatcherStatus}). Failures are exceptions only when something is
 * broken: {@link dev.dealdesk.decision.PolicyLoadException} (every {@code file:line:column} problem)
 * for a policy that cannot load and {@link dev.dealdesk.decision.EvaluationException} for a rule that
 * fails while deciding. A REJECT is a decision, not an exception. Depends only on the deal facts.
 */
package dev.dealdesk.decision;
