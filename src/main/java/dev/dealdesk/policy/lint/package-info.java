/**
 * The safety lint: what a rule may say. Every load checks the parsed rules against an allowlist of
 * imports, globals, attributes, metadata, types and members ({@link dev.dealdesk.policy.lint.PolicyLint}),
 * and names each offence with its {@code file:line:column}, before anything is compiled.
 */
package dev.dealdesk.policy.lint;
