/**
 * Hot reload: watching the rules directory ({@link dev.dealdesk.policy.reload.RulesWatcher}), loading a
 * change off to the side, linting, compiling and testing it against the golden examples, and the
 * atomic swap that makes it live, with the status of every attempt
 * ({@link dev.dealdesk.policy.reload.LivePolicy}).
 */
package dev.dealdesk.policy.reload;
