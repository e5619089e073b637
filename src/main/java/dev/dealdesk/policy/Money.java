package dev.dealdesk.policy;

import java.math.BigDecimal;

/**
 * Exact decimal arithmetic on dollar amounts for the rules, so that a product compares as the
 * decimals written in the deal: {@code multiply(0.1, 0.3)} is {@code 0.03}, not
 * {@code 0.030000000000000002}. Rules import it with {@code import function}.
 */
public final class Money {

    private Money() {
    }

    /**
     * The product of two amounts, computed on their decimal values and rounded once to a double; a
     * product too large for a double is infinite.
     */
    public static double multiply(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return a * b;
        }
        return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b)).doubleValue();
    }
}
