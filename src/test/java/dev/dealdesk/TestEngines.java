package dev.dealdesk;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The engine and the compiled policy over the shipped {@code rules/}, each compiled once per test
 * JVM. Tests count rules, codes and files from these rather than writing the numbers down, so a
 * RevOps edit that adds a rule or a file does not break them.
 */
public final class TestEngines {

    /** Rules that set each other off without end on the deal "endless". */
    public static final String ENDLESS = """
            package dealdesk.policy;
            import dev.dealdesk.facts.Deal;
            import dev.dealdesk.decision.OwnershipModel;
            import dev.dealdesk.policy.SellerOwnershipModel;
            global dev.dealdesk.policy.Findings findings;
            rule "Start"
                @code("test.count") @concerns("failure:test") @severity("INFO")
            when
                Deal(dealId == "endless")
            then
                insert(new SellerOwnershipModel(OwnershipModel.AE_OWNS));
            end
            rule "Echo"
                @code("test.count") @concerns("failure:test") @severity("INFO")
            when
                $model : SellerOwnershipModel()
            then
                insert(new SellerOwnershipModel($model.model()));
            end
            """;

    /** The shipped rules directory (tests run from the project root). */
    public static final Path SHIPPED_RULES = Path.of("rules");

    private static DealDesk shipped;
    private static CompiledPolicy shippedPolicy;

    private TestEngines() {
    }

    /** An engine with a fixed clock and sequential decision ids over the shipped rules. */
    public static synchronized DealDesk shipped() {
        if (shipped == null) {
            shipped = fixedEngine(SHIPPED_RULES);
        }
        return shipped;
    }

    /** The shipped rules compiled: its {@code rules()} are every rule, with its code, file and line. */
    public static synchronized CompiledPolicy shippedPolicy() {
        if (shippedPolicy == null) {
            try {
                shippedPolicy = CompiledPolicy.compile(PolicySource.read(SHIPPED_RULES));
            } catch (PolicyLoadException e) {
                throw new AssertionError("the shipped policy does not load:\n" + e.getMessage(), e);
            }
        }
        return shippedPolicy;
    }

    /**
     * The shipped rules files as the README says a policy is made: every {@code *.drl} under
     * {@code rules/}, dot-files and dot-directories excluded, by relative path in sorted order.
     * Listed here, not by the policy code, so tests can check what that code reads.
     */
    public static List<String> shippedRuleFiles() {
        try (Stream<Path> files = Files.walk(SHIPPED_RULES)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> SHIPPED_RULES.relativize(file).toString())
                    .filter(name -> name.endsWith(".drl") && !name.startsWith(".") && !name.contains("/."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
