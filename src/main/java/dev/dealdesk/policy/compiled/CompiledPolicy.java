package dev.dealdesk.policy.compiled;

import dev.dealdesk.policy.Findings;
import dev.dealdesk.policy.RuleMetadata;
import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.decision.PolicyProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * A policy compiled once and ready to decide deals any number of times. Compiling is expensive and
 * can fail ({@link #compile}); deciding is cheap and never fails open ({@link #decide}).
 * Thread-safe: the KieBase is shared, every decision runs in a session of its own.
 */
public final class CompiledPolicy {

    /** One thread at a time uses a session: it is taken from the idle queue and put back when done. */
    private static final KieSessionConfiguration SESSION_CONF = sessionConfiguration();

    private final PolicySource source;
    private final KieBase kieBase;
    private final Map<String, RuleMetadata> rules;
    private final List<PolicyRule> located;
    private final List<PolicyProblem> warnings;
    private final Queue<Session> idle = new ConcurrentLinkedQueue<>();
    private final DealFacts facts;
    private final CustomFieldsSchema customFields;

    private CompiledPolicy(PolicySource source, PolicyCompiler.Compiled compiled) {
        this.source = source;
        this.kieBase = compiled.kieBase();
        this.facts = DealFacts.matchedBy(kieBase);
        this.rules = compiled.rules();
        this.located = compiled.located();
        this.warnings = compiled.warnings();
        this.customFields = compiled.customFields();
    }

    /**
     * Compiles and checks the rules.
     *
     * @throws PolicyLoadException carrying every {@code file:line} problem when the rules do not compile
     *                             or a rule lacks valid metadata
     */
    public static CompiledPolicy compile(PolicySource source) throws PolicyLoadException {
        return compile(source, null);
    }

    /**
     * As {@link #compile(PolicySource)}, taking the compiled policy from {@code cache} when it holds
     * this version, and keeping it there otherwise. The rules are parsed and linted either way.
     *
     * @param cache a folder as trusted as the engine's jar, or {@code null} for none
     */
    public static CompiledPolicy compile(PolicySource source, Path cache) throws PolicyLoadException {
        requireNonNull(source, "source");
        return new CompiledPolicy(source, PolicyCompiler.compile(source, cache));
    }

    /** The rules files this policy was compiled from. */
    public PolicySource source() {
        return source;
    }

    /** Every rule, in file and line order. */
    public List<PolicyRule> rules() {
        return located;
    }

    /** What {@code rule} declares about its findings: severity, approver, concerns. */
    public RuleMetadata metadata(PolicyRule rule) {
        return rules.get(requireNonNull(rule, "rule").name());
    }

    /** What the compiler warned about; warnings do not stop a policy from loading. */
    public List<PolicyProblem> warnings() {
        return warnings;
    }

    /** The custom fields this policy declares, which its deals' {@code custom} must conform to. */
    public CustomFieldsSchema customFields() {
        return customFields;
    }

    /** The kinds of fact inserted for each deal: those some rule matches. */
    List<Class<?>> factTypes() {
        return facts.types();
    }

    /** The version that identifies this policy. */
    public PolicyVersion version() {
        return source.version();
    }

    /**
     * Decides one deal within the {@linkplain EvaluationBudget#DEFAULT default budget}.
     *
     * @throws InvalidDealException when the deal's custom fields do not conform to this policy's
     *                              declaration, naming {@code /custom/<field>}
     * @throws EvaluationException when a rule throws, the deal runs past its budget or the policy
     *                             breaks its contract with the engine; the deal then has no decision
     */
    public Decision decide(Deal deal, String decisionId, Instant evaluatedAt) {
        return decide(deal, decisionId, evaluatedAt, EvaluationBudget.DEFAULT, null);
    }

    /**
     * As {@link #decide(Deal, String, Instant)} within {@code budget}, telling {@code fired} (when
     * not {@code null}) the name of every rule as it fires.
     */
    public Decision decide(Deal deal, String decisionId, Instant evaluatedAt, EvaluationBudget budget,
                           Consumer<String> fired) {
        requireNonNull(budget, "budget");
        deal = conformed(requireNonNull(deal, "deal"));
        Findings findings = new Findings(rules, deal.stage());
        // Building a session's memory is a good part of a decision's cost: sessions are reused, one
        // per concurrent evaluation, and emptied of the last deal's facts rather than reset.
        Session reused = idle.poll();
        Session slot = reused != null ? reused : new Session(kieBase.newKieSession(SESSION_CONF, null));
        KieSession session = slot.kie;
        // The clock starts once the session is ready: inserting the facts already evaluates conditions.
        Watch watch = new Watch(budget, fired);
        Runaways.Ticket runaway = Runaways.watch(watch.deadline());
        Throwable failure = null;
        int firings = 0;
        try {
            session.setGlobal(Findings.GLOBAL, findings);
            facts.insert(deal, session, slot.inserted);
            firings = session.fireAllRules(watch, budget.firings());
        } catch (Throwable thrown) {
            failure = thrown;
        }
        failure = runaway.finish(failure);
        release(slot, failure == null && firings < budget.firings());
        if (failure instanceof OverBudget || failure != null && failure.getCause() instanceof OverBudget || runaway.stopped()) {
            throw overTime(deal, budget, watch);
        }
        if (failure instanceof StackOverflowError || failure instanceof OutOfMemoryError) {
            // A rule that recursed too deep or asked for too much memory: this deal's error, not the process's.
            throw undecided(deal, "a rule exhausted the " + (failure instanceof StackOverflowError ? "stack" : "memory")
                    + " (" + failure + ")" + watch.lastRule(), failure);
        }
        if (failure != null) {
            throw undecided(deal, rootMessage(failure) + (failure instanceof Error ? " (" + failure + ")" + watch.lastRule() : ""),
                    failure);
        }
        if (firings >= budget.firings()) {
            throw undecided(deal, "its rules fired " + budget.firings() + " times without coming to rest (a rule that sets"
                    + " itself off again?)" + watch.lastRule(), null);
        }
        if (watch.overTime()) {
            throw overTime(deal, budget, watch);
        }
        return new Decision(deal.dealId(), deal.asOf(), findings.ownershipModel(), findings.sorted(), version(),
                decisionId, evaluatedAt);
    }

    /**
     * The deal with its custom values checked against this policy's declaration and typed as rules
     * compare them.
     *
     * @throws InvalidDealException naming {@code /custom/<field>} when they do not conform
     */
    private Deal conformed(Deal deal) {
        Map<String, Object> custom = customFields.conform(deal.custom());
        return custom.equals(deal.custom()) ? deal : new Deal(deal.dealId(), deal.asOf(), deal.motion(), deal.stage(),
                deal.segment(), deal.acv(), deal.touchModel(), deal.seller(), deal.valueProof(), deal.expansionMap(),
                deal.customerStrategy(), deal.sizing(), deal.customerSuccess(), deal.ownership(), deal.contract(),
                deal.expansion(), custom);
    }

    private static EvaluationException overTime(Deal deal, EvaluationBudget budget, Watch watch) {
        return undecided(deal, "it ran past its time budget of " + budget.time().toMillis() + " ms" + watch.lastRule(), null);
    }

    private static EvaluationException undecided(Deal deal, String why, Throwable cause) {
        return new EvaluationException("deal " + deal.dealId() + " could not be decided: " + why, cause);
    }

    /**
     * Called before each firing: stops the decision once it is past its time, and tells the tracer.
     * Firings themselves are counted by the session ({@code fireAllRules(filter, max)}).
     */
    private static final class Watch implements AgendaFilter {
        private final long start = System.nanoTime();
        private final long limit;
        private final Consumer<String> fired;
        private String rule;

        Watch(EvaluationBudget budget, Consumer<String> fired) {
            this.limit = budget.time().toNanos();
            this.fired = fired;
        }

        @Override
        public boolean accept(Match match) {
            rule = match.getRule().getName();
            if (overTime()) {
                throw new OverBudget();
            }
            if (fired != null) {
                fired.accept(rule);
            }
            return true;
        }

        boolean overTime() {
            return System.nanoTime() - start > limit;
        }

        long deadline() {
            return start + limit;
        }

        /** The rule that was firing last, as the end of a message. */
        String lastRule() {
            return rule == null ? "" : " (the last rule to fire was \"" + rule + "\")";
        }
    }

    /** Thrown from the agenda filter to stop a decision that ran past its time. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("over its time budget", null, false, false);
        }
    }

    /** Deletes every fact and keeps the session for the next deal; a session a rule broke is disposed. */
    private void release(Session slot, boolean reusable) {
        if (reusable) {
            try {
                for (FactHandle fact : slot.inserted) {
                    slot.kie.delete(fact);
                }
                slot.inserted.clear();
                if (slot.kie.getFactCount() > 0) {
                    // Facts a rule inserted (a policy may assert facts of its own).
                    for (FactHandle fact : List.<FactHandle>copyOf(slot.kie.getFactHandles())) {
                        slot.kie.delete(fact);
                    }
                }
                idle.offer(slot);
                return;
            } catch (RuntimeException e) {
                // Not reusable after all: dispose of it below.
            }
        }
        slot.kie.dispose();
    }

    /** A session and the facts inserted into it for the deal it is deciding. */
    private static final class Session {
        final KieSession kie;
        final List<FactHandle> inserted = new ArrayList<>();

        Session(KieSession kie) {
            this.kie = kie;
        }
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }

    private static KieSessionConfiguration sessionConfiguration() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }
}
