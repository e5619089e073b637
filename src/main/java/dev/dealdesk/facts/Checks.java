package dev.dealdesk.facts;

/** Argument checks shared by the fact records, for callers who build facts in Java. */
final class Checks {

    private Checks() {
    }

    static void notNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    static void notNegative(Number value, String name) {
        if (value != null) {
            notNegative(value.doubleValue(), name);
        }
    }

    static void finite(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    static void positive(Integer value, String name) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
