/**
 * The audit trail: an append-only, hash-chained JSON Lines log of decisions ({@link dev.dealdesk.audit.AuditLog},
 * {@link dev.dealdesk.audit.AuditRecord}), the policies that made them pinned beside it
 * ({@link dev.dealdesk.audit.PolicySnapshots}), and what auditors and RevOps do with it: prove it
 * unaltered ({@link dev.dealdesk.audit.AuditVerifier}), re-derive its decisions
 * ({@link dev.dealdesk.audit.Replayer}) and see what a candidate policy would change
 * ({@link dev.dealdesk.audit.WhatIf}).
 */
package dev.dealdesk.audit;
