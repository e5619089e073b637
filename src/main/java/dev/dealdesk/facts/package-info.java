/**
 * The deal facts of the policy brief, section 2: immutable records, each with a builder, and enums
 * for every closed set. They depend on nothing else in the engine. Reading them from JSON belongs to
 * {@link dev.dealdesk.json}; {@link dev.dealdesk.facts.InvalidDealException} is what bad input is,
 * naming the JSON Pointer of the offending value and what was expected, never a decision.
 */
package dev.dealdesk.facts;
