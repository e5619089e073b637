package dev.dealdesk.http;

import dev.dealdesk.decision.Outcome;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/** The service's counters, written in the Prometheus text exposition format. Thread-safe. */
final class Metrics {

    /** Upper bounds of the evaluation-latency histogram, in seconds. */
    private static final double[] BUCKETS = {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025,
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    private final AtomicLongArray decisions = new AtomicLongArray(Outcome.values().length);
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS.length + 1);
    private final AtomicLong latencyNanos = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong reloadsSucceeded = new AtomicLong();
    private final AtomicLong reloadsFailed = new AtomicLong();
    private final LongSupplier auditAppends;

    Metrics(LongSupplier auditAppends) {
        this.auditAppends = auditAppends;
    }

    void decided(Outcome outcome, long nanos) {
        decisions.incrementAndGet(outcome.ordinal());
        latencyNanos.addAndGet(nanos);
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
            bucket++;
        }
        latency.incrementAndGet(bucket);
    }

    void invalidInput() {
        invalid.incrementAndGet();
    }

    void reloaded(boolean succeeded) {
        (succeeded ? reloadsSucceeded : reloadsFailed).incrementAndGet();
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("# HELP dealdesk_decisions_total Decisions returned, by outcome.\n");
        text.append("# TYPE dealdesk_decisions_total counter\n");
        for (Outcome outcome : Outcome.values()) {
            text.append("dealdesk_decisions_total{outcome=\"").append(outcome).append("\"} ")
                    .append(decisions.get(outcome.ordinal())).append('\n');
        }
        text.append("# HELP dealdesk_invalid_deals_total Deals refused as invalid input.\n");
        text.append("# TYPE dealdesk_invalid_deals_total counter\n");
        text.append("dealdesk_invalid_deals_total ").append(invalid.get()).append('\n');
        text.append("# HELP dealdesk_evaluation_seconds Time to decide one deal, audit included.\n");
        text.append("# TYPE dealdesk_evaluation_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += latency.get(i);
            text.append(String.format(Locale.ROOT, "dealdesk_evaluation_seconds_bucket{le=\"%s\"} %d%n",
                    java.math.BigDecimal.valueOf(BUCKETS[i]).toPlainString(), cumulative));
        }
        cumulative += latency.get(BUCKETS.length);
        text.append("dealdesk_evaluation_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        text.append(String.format(Locale.ROOT, "dealdesk_evaluation_seconds_sum %.9f%n", latencyNanos.get() / 1e9));
        text.append("dealdesk_evaluation_seconds_count ").append(cumulative).append('\n');
        text.append("# HELP dealdesk_policy_reloads_total Policy reload attempts, by result.\n");
        text.append("# TYPE dealdesk_policy_reloads_total counter\n");
        text.append("dealdesk_policy_reloads_total{result=\"succeeded\"} ").append(reloadsSucceeded.get()).append('\n');
        text.append("dealdesk_policy_reloads_total{result=\"failed\"} ").append(reloadsFailed.get()).append('\n');
        text.append("# HELP dealdesk_audit_appends_total Decisions stored in the audit log.\n");
        text.append("# TYPE dealdesk_audit_appends_total counter\n");
        text.append("dealdesk_audit_appends_total ").append(auditAppends.getAsLong()).append('\n');
        return text.toString();
    }
}
