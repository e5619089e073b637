/**
 * Golden examples of the policy: a deal and the decision it must get
 * ({@link dev.dealdesk.policy.examples.PolicyExample}), and running a directory of them against a
 * compiled policy with rule coverage ({@link dev.dealdesk.policy.examples.PolicyTester}).
 */
package dev.dealdesk.policy.examples;
