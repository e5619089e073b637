/**
 * The audit trail: an append-only, hash-chained JSON Lines log of decisions ({@link dev.dealdesk.audit.AuditLog},
 * written by one {@link dev.dealdesk.audit.LogWriter} thread; {@link dev.dealdesk.audit.AuditRecord}), its
 * head ({@link dev.dealdesk.audit.LogHead}: how many records and the last one's hash, kept in the
 * {@link dev.dealdesk.audit.HeadFile} beside it, so records deleted from its end are seen), the policies
 * that made its decisions pinned beside it ({@link dev.dealdesk.audit.PolicySnapshots}), and what auditors
 * and RevOps do with it: prove it unaltered, also against a head hash kept elsewhere
 * ({@link dev.dealdesk.audit.AuditVerifier}), re-derive its decisions ({@link dev.dealdesk.audit.Replayer})
 * and see what a candidate policy would change ({@link dev.dealdesk.audit.WhatIf}).
 * {@link dev.dealdesk.audit.LogFiles} names every file kept beside a log, and
 * {@link dev.dealdesk.audit.LogPath} says why a path cannot hold one. The writer opens its files through
 * {@link dev.dealdesk.audit.Storage}, where a test fails writes as a full disk does.
 */
package dev.dealdesk.audit;
