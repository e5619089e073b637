package dev.dealdesk.policy.reload;

import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.policy.examples.PolicyTester;
import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyStatus;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.decision.ReloadListener;
import dev.dealdesk.decision.WatcherStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy an engine decides with, replaced as a whole when the rules change. A changed rules
 * directory is read, compiled, linted and, when an examples directory is set, tested off to the
 * side; only a policy that passes replaces the live one, in one atomic swap. Evaluations read the
 * live policy once, so a running evaluation finishes on the policy it started with. A refused
 * reload, whatever refused it, leaves the last good policy live and is recorded in the status, as is
 * whether the rules are still watched. Thread-safe.
 */
public final class LivePolicy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePolicy.class);

    private record Loaded(CompiledPolicy policy, Instant at) {
    }

    private final Path rules;
    private final Path examples;
    private final Path cache;
    private final Clock clock;
    private final EvaluationBudget budget;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Loaded live;
    private volatile ReloadAttempt lastReload;
    private volatile RulesWatcher watcher;

    private LivePolicy(Path rules, Path examples, Path cache, Clock clock, EvaluationBudget budget) {
        this.rules = rules;
        this.examples = examples;
        this.cache = cache;
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * Loads the policy and, when {@code debounce} is not {@code null}, starts watching the rules
     * directory for changes.
     *
     * @param examples the examples every policy must pass before it goes live, or {@code null}
     * @param cache    where compiled policies are kept between runs, or {@code null}
     * @param budget   the budget each example must be decided within
     * @throws PolicyLoadException when the first policy cannot load (whatever fails while loading it) or
     *                             fails an example
     */
    public static LivePolicy start(Path rules, Path examples, Path cache, Clock clock, EvaluationBudget budget,
                                   Duration debounce) throws PolicyLoadException {
        requireNonNull(rules, "rules");
        requireNonNull(clock, "clock");
        requireNonNull(budget, "budget");
        LivePolicy policy = new LivePolicy(rules, examples, cache, clock, budget);
        policy.live = new Loaded(policy.load(), clock.instant());
        if (debounce != null) {
            try {
                policy.watcher = RulesWatcher.start(rules, debounce, policy::reload);
            } catch (IOException e) {
                throw new PolicyLoadException(List.of(PolicyProblem.error("", 0,
                        "cannot watch rules directory " + rules + ": " + e.getMessage())));
            }
            // An edit saved while the first policy compiled came before the watch began: look once more.
            if (!policy.currentVersionOnDisk().equals(policy.current().version().version())) {
                policy.reload();
            }
        }
        return policy;
    }

    /** The live policy. */
    public CompiledPolicy current() {
        return live.policy();
    }

    /** The live version, when it went live, its files, the last reload attempt and whether the rules are watched. */
    public PolicyStatus status() {
        Loaded now = live;
        List<String> files = now.policy().source().files().stream().map(PolicySource.RuleFile::path).toList();
        return new PolicyStatus(now.policy().version(), now.at(), files, lastReload, watcherStatus());
    }

    /** Whether the rules are watched: off when not asked, stopped with its reason when asked and no longer. */
    public WatcherStatus watcherStatus() {
        if (watcher == null) {
            return WatcherStatus.off();
        }
        return watcher.stoppedBecause().map(WatcherStatus::stopped).orElseGet(WatcherStatus::watching);
    }

    /** Why changes to the rules no longer go live when watching was asked for and has stopped; empty otherwise. */
    public Optional<String> notWatching() {
        WatcherStatus status = watcherStatus();
        return status.state() == WatcherStatus.State.STOPPED
                ? Optional.of("the rules are no longer watched (" + status.reason() + "): changes to them do not go live")
                : Optional.empty();
    }

    /** Adds a listener told of every reload attempt. */
    public void addListener(ReloadListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    /**
     * Reads the rules again now and makes them live if they pass. Called by the watcher on every
     * change; callers may also call it (say, on a signal). Never throws: whatever goes wrong, an
     * error included, is a refused attempt with its reason, and the last good policy stays live.
     */
    public synchronized ReloadAttempt reload() {
        ReloadAttempt attempt;
        String version = null;
        boolean swapped = false;
        try {
            PolicySource source = PolicySource.read(rules);
            version = source.version().version();
            if (source.version().equals(live.policy().version())) {
                attempt = new ReloadAttempt(clock.instant(), version, true, List.of());
            } else {
                CompiledPolicy candidate = checked(CompiledPolicy.compile(source, cache));
                Instant at = clock.instant();
                attempt = new ReloadAttempt(at, version, true, List.of());
                live = new Loaded(candidate, at);
                swapped = true;
            }
        } catch (PolicyLoadException refused) {
            attempt = new ReloadAttempt(clock.instant(), version, false, refused.problems());
        } catch (Throwable failed) {
            attempt = new ReloadAttempt(clock.instant(), version, false, List.of(unexpected(failed)));
        }
        lastReload = attempt;
        if (swapped) {
            LOG.info("policy {} is live", version);
        } else if (!attempt.succeeded()) {
            LOG.warn("policy change refused; {} stays live:\n{}", live.policy().version().version(),
                    attempt.problems().stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        }
        for (ReloadListener listener : listeners) {
            try {
                listener.reloaded(attempt);
            } catch (Throwable e) {
                LOG.error("reload listener failed", e);
            }
        }
        return attempt;
    }

    /**
     * The reason for a failure no check anticipated. A stack or memory exhausted by the rules (the
     * compiler may wrap it) is the rules' problem, said plainly; anything else is a defect, logged
     * with its trace.
     */
    private static PolicyProblem unexpected(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof StackOverflowError) {
                return PolicyProblem.error("", 0, "the rules are nested too deeply to load (the stack ran out)");
            }
            if (cause instanceof OutOfMemoryError) {
                return PolicyProblem.error("", 0, "memory ran out while loading the rules: " + cause.getMessage());
            }
        }
        LOG.error("loading the rules failed", failure);
        return PolicyProblem.error("", 0, "loading the rules failed: " + failure);
    }

    /** The first policy, refused as a reload would be whatever fails. */
    private CompiledPolicy load() throws PolicyLoadException {
        try {
            return checked(CompiledPolicy.compile(PolicySource.read(rules), cache));
        } catch (PolicyLoadException refused) {
            throw refused;
        } catch (Throwable failed) {
            throw new PolicyLoadException(List.of(unexpected(failed)));
        }
    }

    /** Passes the policy through the examples, when there are any. */
    private CompiledPolicy checked(CompiledPolicy policy) throws PolicyLoadException {
        if (examples == null) {
            return policy;
        }
        PolicyTester.Report report;
        try {
            report = PolicyTester.run(policy, examples, budget);
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(PolicyProblem.error("", 0,
                    "cannot read examples in " + examples + ": " + e.getMessage())));
        }
        List<PolicyProblem> failures = new ArrayList<>();
        for (PolicyTester.ExampleResult result : report.results()) {
            if (!result.passed()) {
                failures.add(PolicyProblem.error("", 0, "example " + examples.resolve(result.file()) + " fails: "
                        + result.explanation()));
            }
        }
        if (!failures.isEmpty()) {
            throw new PolicyLoadException(failures);
        }
        return policy;
    }

    /** The version of the files now on disk, or empty when they cannot be read. */
    private String currentVersionOnDisk() {
        try {
            return PolicySource.read(rules).version().version();
        } catch (PolicyLoadException unreadable) {
            return "";
        }
    }

    /** Stops watching; the live policy keeps deciding. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
