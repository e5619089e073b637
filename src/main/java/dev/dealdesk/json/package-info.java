/**
 * JSON in and out, each in one place. In: {@link dev.dealdesk.json.StrictJson} parses a document on
 * Parsson's streaming parser and {@link dev.dealdesk.json.DealJson} reads a deal from it, every
 * error an {@link dev.dealdesk.facts.InvalidDealException} naming the JSON Pointer of the offending
 * value and what was expected; {@link dev.dealdesk.json.JsonLines} splits JSON Lines input and audit
 * logs into lines. Out: {@link dev.dealdesk.json.DecisionJson} shapes a decision as the policy brief
 * says, {@link dev.dealdesk.json.PolicyStatusJson} an engine's policy status, and
 * {@link dev.dealdesk.json.JsonWriter} writes them, and the canonical form of audit records, through
 * one {@code JsonGenerator}.
 */
package dev.dealdesk.json;
