package dev.dealdesk.facts;

/**
 * The land's value proof: the one workflow it must win and the metric that must move. Every
 * component may be {@code null} (absent in the input).
 *
 * @param workflow          the one workflow the land must win
 * @param metric            the measurable metric that must move
 * @param baseline          metric value before
 * @param target            metric value promised by the end of the window
 * @param windowDays        days from close to the proof, {@code > 0}
 * @param reachesProduction the proof runs in production, not a sandbox pilot
 * @param champion          the named customer champion
 */
public record ValueProof(String workflow, String metric, Double baseline, Double target, Integer windowDays,
                         Boolean reachesProduction, String champion) {

    public ValueProof {
        Checks.positive(windowDays, "windowDays");
        // JSON has no NaN; a Java caller's NaN would compare differently interpreted and compiled.
        Checks.finite(baseline, "baseline");
        Checks.finite(target, "target");
        // -0.0 and 0.0 are the same value; as boxed doubles they are not equal, so store one zero.
        baseline = baseline == null ? null : baseline + 0.0;
        target = target == null ? null : target + 0.0;
    }

    /** A builder with every component unset ({@code null}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ValueProof}. Not thread-safe; each {@link #build()} gives a new record. */
    public static final class Builder {
        private String workflow;
        private String metric;
        private Double baseline;
        private Double target;
        private Integer windowDays;
        private Boolean reachesProduction;
        private String champion;

        private Builder() {
        }

        public Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        public Builder metric(String metric) {
            this.metric = metric;
            return this;
        }

        public Builder baseline(Double baseline) {
            this.baseline = baseline;
            return this;
        }

        public Builder target(Double target) {
            this.target = target;
            return this;
        }

        public Builder windowDays(Integer windowDays) {
            this.windowDays = windowDays;
            return this;
        }

        public Builder reachesProduction(Boolean reachesProduction) {
            this.reachesProduction = reachesProduction;
            return this;
        }

        public Builder champion(String champion) {
            this.champion = champion;
            return this;
        }

        /** @throws IllegalArgumentException when the constructor refuses a value, naming it */
        public ValueProof build() {
            return new ValueProof(workflow, metric, baseline, target, windowDays, reachesProduction, champion);
        }
    }
}
