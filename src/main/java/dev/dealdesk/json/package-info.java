/**
 * JSON output: decisions written in the shape of the policy brief, section 5, that outside tools
 * depend on. Reading deal facts from JSON belongs to {@link dev.dealdesk.facts}.
 */
package dev.dealdesk.json;
