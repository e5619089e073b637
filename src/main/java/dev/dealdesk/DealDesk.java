package dev.dealdesk;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.CompiledPolicy;
import dev.dealdesk.policy.PolicySource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The deal-desk policy engine: built once from a rules directory, then asked to decide deals.
 * <pre>
 * DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build();
 * Decision decision = engine.evaluate(DealReader.read(json));
 * </pre>
 * Thread-safe: {@link #evaluate} may be called from any number of threads at once.
 */
public final class DealDesk {

    private final CompiledPolicy policy;
    private final Clock clock;
    private final Supplier<String> decisionIds;

    private DealDesk(CompiledPolicy policy, Clock clock, Supplier<String> decisionIds) {
        this.policy = policy;
        this.clock = clock;
        this.decisionIds = decisionIds;
    }

    /** Starts configuring an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides one deal under the loaded policy. The same deal under the same policy always gives the
     * same findings in the same order; only the decision id and timestamp differ.
     *
     * @throws EvaluationException when a rule fails while deciding: the deal then has no decision
     */
    public Decision evaluate(Deal deal) {
        requireNonNull(deal, "deal");
        return policy.decide(deal, decisionIds.get(), clock.instant());
    }

    /** The version of the loaded policy. */
    public PolicyVersion policy() {
        return policy.version();
    }

    /** Configures and builds a {@link DealDesk}. Not thread-safe; build once and share the engine. */
    public static final class Builder {

        private Path rules;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> decisionIds = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /** The rules directory: every {@code *.drl} file under it is the policy. Required. */
        public Builder rules(Path directory) {
            this.rules = requireNonNull(directory, "directory");
            return this;
        }

        /** The clock that stamps {@code evaluatedAt}; the system UTC clock by default. Rules never read it. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** Where decision ids come from; random UUIDs by default. Must be thread-safe. */
        public Builder decisionIds(Supplier<String> decisionIds) {
            this.decisionIds = requireNonNull(decisionIds, "decisionIds");
            return this;
        }

        /**
         * Reads, compiles and checks the rules.
         *
         * @throws PolicyLoadException carrying every {@code file:line} problem when the policy cannot load
         * @throws IllegalStateException when no rules directory was given
         */
        public DealDesk build() throws PolicyLoadException {
            if (rules == null) {
                throw new IllegalStateException("rules(directory) is required");
            }
            return new DealDesk(CompiledPolicy.compile(PolicySource.read(rules)), clock, decisionIds);
        }
    }
}
