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
}
