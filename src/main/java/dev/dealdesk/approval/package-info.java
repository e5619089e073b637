/**
 * What a decision may be asked for besides its findings ({@link dev.dealdesk.approval.Ask}): the
 * path to approval, found by applying the fixes the rules state and deciding again
 * ({@link dev.dealdesk.approval.PathFinder}), and smart re-approval against the deal's previous
 * decision ({@link dev.dealdesk.approval.Reapprovals}). Depends on the compiled policy, the deal's
 * JSON and the decision; nothing below depends on it.
 */
package dev.dealdesk.approval;
