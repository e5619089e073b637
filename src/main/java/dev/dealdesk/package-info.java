/**
 * The public façade of the deal-desk policy engine: {@link dev.dealdesk.DealDesk}, built once from
 * a rules directory and then asked to decide deals from any number of threads, and its immutable
 * value types ({@link dev.dealdesk.Decision}, {@link dev.dealdesk.Finding}, {@link dev.dealdesk.Outcome},
 * {@link dev.dealdesk.Severity}, {@link dev.dealdesk.ApproverRole}, {@link dev.dealdesk.OwnershipModel},
 * {@link dev.dealdesk.PolicyVersion}). Failures are exceptions only when something is broken:
 * {@link dev.dealdesk.PolicyLoadException} for a policy that cannot load and
 * {@link dev.dealdesk.EvaluationException} for a rule that fails while deciding. A REJECT is a
 * decision, not an exception. No Drools type appears here.
 */
package dev.dealdesk;
