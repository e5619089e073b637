/**
 * The façade of the deal-desk policy engine: {@link dev.dealdesk.DealDesk} and its builder, built
 * once from a rules directory and then asked to decide deals from any number of threads. It is the
 * only door the command line and the HTTP service use for deciding; what it returns and throws lives
 * in {@link dev.dealdesk.decision}, what it decides on in {@link dev.dealdesk.facts}. No Drools type
 * appears here.
 */
package dev.dealdesk;
