package dev.dealdesk;

import dev.dealdesk.decision.PolicyLoadException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The engine over the shipped {@code rules/}, compiled once per test JVM. */
public final class TestEngines {

    /** The shipped rules directory (tests run from the project root). */
    public static final Path SHIPPED_RULES = Path.of("rules");

    private static DealDesk shipped;

    private TestEngines() {
    }

    /** An engine with a fixed clock and sequential decision ids over the shipped rules. */
    public static synchronized DealDesk shipped() {
        if (shipped == null) {
            shipped = fixedEngine(SHIPPED_RULES);
        }
        return shipped;
    }

    /** An engine over {@code rules} with a fixed clock and sequential ids {@code d-1}, {@code d-2}, ... */
    public static DealDesk fixedEngine(Path rules) {
        AtomicLong ids = new AtomicLong();
        try {
            return DealDesk.builder()
                    .rules(rules)
                    .clock(Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC))
                    .decisionIds(() -> "d-" + ids.incrementAndGet())
                    .build();
        } catch (PolicyLoadException e) {
            throw new AssertionError("the policy in " + rules + " does not load:\n" + e.getMessage(), e);
        }
    }
}
