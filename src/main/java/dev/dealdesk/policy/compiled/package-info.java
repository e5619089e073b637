/**
 * A rules directory becomes a policy here: its files and version
 * ({@link dev.dealdesk.policy.compiled.PolicySource}), compiled once into a Drools KieBase after the
 * safety lint, with every rule's metadata checked, then asked to decide deals
 * ({@link dev.dealdesk.policy.compiled.CompiledPolicy}). Compiled packages may be kept in a cache
 * keyed by version. KIE types stay inside this package.
 */
package dev.dealdesk.policy.compiled;
