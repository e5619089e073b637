/**
 * The deal facts of the policy brief, section 2, as immutable records and enums, and their strict
 * JSON reader {@link dev.dealdesk.facts.DealReader}: bad input is an
 * {@link dev.dealdesk.facts.InvalidDealException} naming the JSON Pointer of the offending value
 * and what was expected, never a decision.
 */
package dev.dealdesk.facts;
