/**
 * Hot reload: watching the rules directory, its folders at any depth and its name in the parent
 * folder, so a folder replaced, deleted or brought back is noticed
 * ({@link dev.dealdesk.policy.reload.RulesWatcher}, with its watch keys in
 * {@link dev.dealdesk.policy.reload.WatchedTree}); loading a change off to the side, linting,
 * compiling and testing it against the golden examples, and the atomic swap that makes it live, with
 * the status of every attempt, refused whatever went wrong, and of the watcher itself
 * ({@link dev.dealdesk.policy.reload.LivePolicy}).
 */
package dev.dealdesk.policy.reload;
