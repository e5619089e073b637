/**
 * The API the {@code .drl} rules call: the {@code findings} global they report through
 * ({@link dev.dealdesk.policy.Findings}) and the metadata each rule carries
 * ({@link dev.dealdesk.policy.RuleMetadata}), the derived facts
 * ({@link dev.dealdesk.policy.MapEntry}, {@link dev.dealdesk.policy.SellerOwnershipModel}) and the
 * helpers {@link dev.dealdesk.policy.Text} and {@link dev.dealdesk.policy.Money}. Every rules file,
 * and every policy pinned in an audit log, names these classes, so their names and public methods
 * stay as they are. Loading, linting, reloading and testing a policy live in the subpackages.
 */
package dev.dealdesk.policy;
