/**
 * The policy workbench that {@code dealdesk serve} serves at {@code /}: pages for RevOps (the live
 * policy, trying a deal, drafting a change and seeing what it would do to the logged decisions, the
 * decisions and their receipts) and the JSON endpoints under {@code /v1/workbench} they call. It
 * works against the engine's live policy and audit log through the {@link dev.dealdesk.DealDesk}
 * façade, the policy's compiled form and the audit trail's readers; a draft is compiled in a
 * temporary folder of its own and never changes the live rules. It knows nothing of the HTTP
 * server: the service ({@code dev.dealdesk.http}) hands it a method, a path, a query and a body,
 * and sends the {@link dev.dealdesk.workbench.Answer} or {@link dev.dealdesk.workbench.Refusal}.
 */
package dev.dealdesk.workbench;
