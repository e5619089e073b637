package dev.dealdesk;

import dev.dealdesk.approval.Ask;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EngineVersion;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyStatus;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.decision.ReloadListener;
import static java.util.Objects.requireNonNull;

import dev.dealdesk.audit.AuditException;
import dev.dealdesk.audit.AuditLog;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealSchema;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.reload.LivePolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The deal-desk policy engine: built once from a rules directory, then asked to decide deals.
 * <pre>
 * DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build();
 * Decision decision = engine.evaluate(DealJson.read(json));
 * </pre>
 * Thread-safe: {@link #evaluate} may be called from any number of threads at once. With
 * {@link Builder#watch(boolean) watch}, a change to the rules goes live without a restart once it
 * compiles, passes the safety lint and (with {@link Builder#examples examples}) its examples; a
 * change that does not stays out, and the last good policy keeps deciding. Close the engine to stop
 * watching.
 */
public final class DealDesk implements AutoCloseable {

    private final LivePolicy policy;
    private final Clock clock;
    private final Supplier<String> decisionIds;
    private final AuditLog audit;
    private final EvaluationBudget budget;

    private DealDesk(LivePolicy policy, Builder settings, AuditLog audit) {
        this.policy = policy;
        this.clock = settings.clock;
        this.decisionIds = settings.decisionIds;
        this.budget = settings.budget;
        this.audit = audit;
    }

    /** The engine's version, as the jar names it; {@code development} when run from classes. */
    public static String version() {
        return EngineVersion.current();
    }

    /** Starts configuring an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides one deal under the live policy, which the decision names. The same deal under the
     * same policy always gives the same findings in the same order; only the decision id and
     * timestamp differ. A reload during the evaluation does not affect it.
     *
     * @throws InvalidDealException when the deal's {@code custom} fields do not conform to the
     *                              policy's declaration, naming {@code /custom/<field>} and what was expected
     * @throws EvaluationException when a rule fails while deciding: the deal then has no decision
     */
    public Decision evaluate(Deal deal) {
        return evaluate(deal, Ask.DECISION);
    }

    /**
     * As {@link #evaluate(Deal)}, with what {@code ask} asks for besides: the path to approval and
     * which sign-offs carry over from the deal's previous decision, both part of the decision and
     * of its audit record.
     *
     * @throws InvalidDealException also when the previous decision is of another deal
     */
    public Decision evaluate(Deal deal, Ask ask) {
        try {
            return submit(deal, ask).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Decides one deal and completes when the decision may be returned: at once, or with an audit
     * log once its record is on storage. Decisions submitted one after another are recorded in that
     * order, so a caller can keep many in flight and still hand them out in order.
     *
     * @throws InvalidDealException when the deal's {@code custom} fields do not conform to the policy's declaration
     * @throws EvaluationException when a rule fails while deciding
     */
    public CompletableFuture<Decision> submit(Deal deal) {
        return submit(deal, Ask.DECISION);
    }

    /** As {@link #submit(Deal)}, with what {@code ask} asks for besides (see {@link #evaluate(Deal, Ask)}). */
    public CompletableFuture<Decision> submit(Deal deal, Ask ask) {
        requireNonNull(deal, "deal");
        CompiledPolicy live = policy.current();
        Decision decision = requireNonNull(ask, "ask").answer(live, deal, decisionIds.get(), clock.instant(), budget);
        return audit == null ? CompletableFuture.completedFuture(decision)
                : audit.append(deal, decision, live.source()).thenApply(record -> decision);
    }

    /** The version of the live policy. */
    public PolicyVersion policy() {
        return policy.current().version();
    }

    /** The deal's JSON Schema under the live policy, its custom fields as {@code custom}: what a client may send now. */
    public DealSchema dealSchema() {
        return policy.current().customFields().dealSchema();
    }

    /** The live policy, when it went live, its files, the last reload attempt with its problems, and whether it is watched. */
    public PolicyStatus status() {
        return policy.status();
    }

    /** The stored audit record of a decision (its log line), or empty when there is none or no audit log. */
    public Optional<String> auditRecord(String decisionId) {
        return audit == null ? Optional.empty() : audit.find(requireNonNull(decisionId, "decisionId"));
    }

    /** The audit log every decision is recorded in, or empty when the engine keeps none. */
    public Optional<Path> auditLog() {
        return audit == null ? Optional.empty() : Optional.of(audit.file());
    }

    /** The live policy itself (its files, rules and deal schema), for tools that work on it: a draft, a preview. */
    public CompiledPolicy livePolicy() {
        return policy.current();
    }

    /** How many records the audit log has stored since the engine started; 0 without an audit log. */
    public long auditAppends() {
        return audit == null ? 0 : audit.appended();
    }

    /** Why the engine cannot do its whole job now (an unwritable audit log, a stopped watch), one reason each; empty when it can. */
    public List<String> unready() {
        List<String> reasons = new ArrayList<>();
        if (audit != null) {
            audit.problem().ifPresent(reasons::add);
        }
        policy.notWatching().ifPresent(reasons::add);
        return reasons;
    }

    /** Adds a listener told of every reload attempt from now on. */
    public void addReloadListener(ReloadListener listener) {
        policy.addListener(listener);
    }

    /** Reads the rules again now and makes them live if they pass, as a watched change does. */
    public ReloadAttempt reload() {
        return policy.reload();
    }

    /** Stops watching the rules and closes the audit log after writing what it holds. */
    @Override
    public void close() {
        policy.close();
        if (audit != null) {
            audit.close();
        }
    }

    /** Configures and builds a {@link DealDesk}. Not thread-safe; build once and share the engine. */
    public static final class Builder {

        private Path rules;
        private Path examples;
        private boolean watch;
        private Duration debounce = Duration.ofMillis(150);
        private Clock clock = Clock.systemUTC();
        private Supplier<String> decisionIds = Builder::randomId;
        private final List<ReloadListener> listeners = new ArrayList<>();
        private Path audit;
        private Path policyCache;
        private EvaluationBudget budget = EvaluationBudget.DEFAULT;

        private Builder() {
        }

        /** The rules directory: every {@code *.drl} file under it is the policy. Required. */
        public Builder rules(Path directory) {
            this.rules = requireNonNull(directory, "directory");
            return this;
        }

        /** Golden examples every policy must pass before it goes live, at build and on each reload. None by default. */
        public Builder examples(Path directory) {
            this.examples = requireNonNull(directory, "directory");
            return this;
        }

        /** Whether to watch the rules directory and reload on change (hot reload). Off by default. */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** How long the rules must stay unchanged before a reload, so a multi-file save is one change. */
        public Builder debounce(Duration debounce) {
            requireNonNull(debounce, "debounce");
            if (debounce.isNegative()) {
                throw new IllegalArgumentException("debounce must not be negative, got " + debounce);
            }
            this.debounce = debounce;
            return this;
        }

        /** Records every decision in this audit log (hash-chained; head and policies beside it) first. Its directory must exist. */
        public Builder audit(Path file) {
            this.audit = requireNonNull(file, "file");
            return this;
        }

        /**
         * Keeps compiled policies here, by version, so a start on an unchanged policy skips the
         * compiler. It holds compiled classes: give a folder as trusted as the jar. None by default.
         */
        public Builder policyCache(Path directory) {
            this.policyCache = requireNonNull(directory, "directory");
            return this;
        }

        /** Firings and wall time one evaluation may take; past it, an {@link EvaluationException}. {@link EvaluationBudget#DEFAULT} by default. */
        public Builder budget(EvaluationBudget budget) {
            this.budget = requireNonNull(budget, "budget");
            return this;
        }

        /** Adds a listener told of every reload attempt. */
        public Builder onReload(ReloadListener listener) {
            listeners.add(requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock that stamps {@code evaluatedAt} and reloads; the system UTC clock by default. Rules never read it. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** A random (version 4) UUID from a secure source: one receipt id says nothing about the next. */
        private static String randomId() {
            return UUID.randomUUID().toString();
        }

        /** Where decision ids come from; random UUIDs by default. Must be thread-safe. */
        public Builder decisionIds(Supplier<String> decisionIds) {
            this.decisionIds = requireNonNull(decisionIds, "decisionIds");
            return this;
        }

        /**
         * Reads, lints, compiles and (with examples) tests the rules, then starts watching them if asked.
         *
         * @throws PolicyLoadException carrying every {@code file:line} problem when the policy cannot load
         * @throws IllegalStateException when no rules directory was given
         * @throws AuditException when the audit log cannot be opened (its path cannot be written, another
         *                        writer holds it, or it lost records its head says were written)
         */
        public DealDesk build() throws PolicyLoadException {
            if (rules == null) {
                throw new IllegalStateException("rules(directory) is required");
            }
            LivePolicy live = LivePolicy.start(rules, examples, policyCache, clock, budget, watch ? debounce : null);
            listeners.forEach(live::addListener);
            try {
                return new DealDesk(live, this, audit == null ? null : AuditLog.open(audit, version()));
            } catch (AuditException e) {
                live.close();
                throw e;
            }
        }
    }
}
