/**
 * The policy: reading the rules directory and computing its version
 * ({@link dev.dealdesk.policy.PolicySource}), compiling it once into a Drools KieBase and checking
 * every rule's metadata ({@link dev.dealdesk.policy.CompiledPolicy}), and deciding deals on it. Also
 * the small API the DRL rules use: the {@code findings} global ({@link dev.dealdesk.policy.Findings}),
 * the derived facts ({@link dev.dealdesk.policy.MapEntry},
 * {@link dev.dealdesk.policy.SellerOwnershipModel}), the helpers {@link dev.dealdesk.policy.Text} and
 * {@link dev.dealdesk.policy.Money}, and the golden examples ({@link dev.dealdesk.policy.PolicyExample}).
 * KIE types stay inside this package.
 */
package dev.dealdesk.policy;
