/**
 * JSON in and out, each in one place. In: {@link dev.dealdesk.json.StrictJson} parses a document on
 * Parsson's streaming parser; {@link dev.dealdesk.json.DealSchema} holds the deal's shape, declared
 * once as JSON Schema in {@code deal.schema.json} beside it, and checks a document against it; and
 * {@link dev.dealdesk.json.DealJson} reads a deal by checking it with that schema, then mapping the
 * checked values onto the fact records. Every error is an
 * {@link dev.dealdesk.facts.InvalidDealException} naming the JSON Pointer of the offending value and
 * what was expected. {@link dev.dealdesk.json.JsonLines} splits JSON Lines input and audit logs into
 * lines. Out: {@link dev.dealdesk.json.DecisionJson} shapes a decision as the policy brief says,
 * {@link dev.dealdesk.json.PolicyStatusJson} an engine's policy status, and
 * {@link dev.dealdesk.json.JsonWriter} writes them, and the canonical form of audit records, through
 * one {@code JsonGenerator}.
 */
package dev.dealdesk.json;
