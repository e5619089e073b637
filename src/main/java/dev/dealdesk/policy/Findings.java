package dev.dealdesk.policy;

import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Fix;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Where the rules report what they found: the DRL global {@code findings}, one instance per
 * evaluation. A rule passes {@code kcontext} so its code, concerns, severity and approver come from
 * its metadata, and the evidence as name, value pairs:
 * <pre>
 * findings.add(kcontext, "ACV " + usd($acv) + " is under ...", "Resize the land ...",
 *         "acv", $acv, "segment", $segment, "minimumLandAcvSmb", minimumLandAcvSmb());
 * </pre>
 * Evidence values may be strings, numbers, booleans, enums, quarters or {@code null} (absent).
 *
 * <p>After reporting, a rule may state how the deal's facts could clear its finding, with the
 * threshold functions, so the engine can find a path to approval ({@link Fix}):
 * <pre>
 * findings.fixAtLeast(kcontext, "/acv", minimumLandAcv($segment));
 * </pre>
 * A FLAG finding with no fix is one only its approver's sign-off clears. Not thread-safe: it
 * belongs to one evaluation.
 */
public final class Findings {

    /** The name every rules file declares the global by. */
    public static final String GLOBAL = "findings";

    /** Severity, then code, then expansion-map entry, then rule name, then message. */
    private static final Comparator<Reported> ORDER = Comparator
            .comparing(Reported::severity)
            .thenComparing(reported -> reported.rule().code())
            .thenComparingInt(Reported::entry)
            .thenComparing(Reported::name)
            .thenComparing(Reported::message);

    private final Map<String, RuleMetadata> rules;
    private final Stage stage;
    private final List<Reported> reported = new ArrayList<>();
    private OwnershipModel ownershipModel;
    /** The activation that reported last, which the fixes that follow in its consequence belong to. */
    private Object lastMatch;

    /** The findings of one evaluation of a deal at {@code stage}, reported by rules with the given metadata. */
    public Findings(Map<String, RuleMetadata> rules, Stage stage) {
        this.rules = rules;
        this.stage = stage;
    }

    /** Reports a finding of the calling rule. {@code remedy} may be {@code null} only for INFO rules. */
    public void add(RuleContext rule, String message, String remedy, Object... evidence) {
        report(rule, -1, message, remedy, evidence);
    }

    /** Reports a finding about one expansion-map entry; findings about entries sort by entry. */
    public void addForEntry(RuleContext rule, MapEntry entry, String message, String remedy, Object... evidence) {
        report(rule, entry.index(), message, remedy, evidence);
    }

    /** Names the deal's ownership model and reports the calling rule's finding about it. */
    public void ownershipModel(RuleContext rule, OwnershipModel model, String message, Object... evidence) {
        if (ownershipModel != null && ownershipModel != model) {
            throw new IllegalStateException("rule \"" + rule.getRule().getName() + "\" names ownership model "
                    + model + " but " + ownershipModel + " was already named");
        }
        ownershipModel = model;
        report(rule, -1, message, null, evidence);
    }

    /**
     * The finding just reported clears when the number at {@code path} is at least {@code bound}.
     * A bound no number reaches (infinite, as a cost no ACV covers) states no fix: the finding then
     * has no path through this number.
     */
    public void fixAtLeast(RuleContext rule, String path, double bound) {
        if (Double.isFinite(bound)) {
            fix(rule, new Fix(path, Fix.Kind.AT_LEAST, bound));
        }
    }

    /** The finding just reported clears when the number at {@code path} is at most {@code bound} (a finite one, as above). */
    public void fixAtMost(RuleContext rule, String path, double bound) {
        if (Double.isFinite(bound)) {
            fix(rule, new Fix(path, Fix.Kind.AT_MOST, bound));
        }
    }

    /**
     * The finding just reported clears when the field at {@code path} is {@code value}: text, a
     * number, a boolean, an enum constant or a quarter.
     */
    public void fixTo(RuleContext rule, String path, Object value) {
        Object json = value(rule.getRule().getName(), value);
        fix(rule, new Fix(path, Fix.Kind.TO, json));
    }

    /** The finding just reported clears when the AE writes the text at {@code path} (a placeholder shows where). */
    public void fixFill(RuleContext rule, String path) {
        fix(rule, new Fix(path, Fix.Kind.FILL, null));
    }

    /** The finding just reported clears when the deal has the object at {@code path} (its texts as placeholders). */
    public void fixAdd(RuleContext rule, String path) {
        fix(rule, new Fix(path, Fix.Kind.ADD, null));
    }

    /** The finding just reported clears when the array at {@code path} holds at least {@code count} entries. */
    public void fixEntries(RuleContext rule, String path, int count) {
        fix(rule, new Fix(path, Fix.Kind.ENTRIES, count));
    }

    private void fix(RuleContext rule, Fix fix) {
        if (reported.isEmpty() || lastMatch != rule.getMatch()) {
            throw new IllegalStateException("rule \"" + rule.getRule().getName() + "\" states a fix before reporting"
                    + " its finding: call findings.add first, then the fix");
        }
        reported.get(reported.size() - 1).fixes.add(fix);
    }

    /** The model the rules named; the policy must name exactly one. */
    public OwnershipModel ownershipModel() {
        if (ownershipModel == null) {
            throw new EvaluationException("the policy named no ownership model: a rule must call findings.ownershipModel(...)");
        }
        return ownershipModel;
    }

    /** Everything reported, in the decision's order. */
    public List<Finding> sorted() {
        return reported.stream().sorted(ORDER).map(Reported::finding).toList();
    }

    private void report(RuleContext context, int entry, String message, String remedy, Object[] evidence) {
        String name = context.getRule().getName();
        RuleMetadata rule = rules.get(name);
        if (rule == null) {
            throw new IllegalStateException("rule \"" + name + "\" has no checked metadata");
        }
        Severity severity = rule.severity().at(stage);
        if (remedy == null && severity != Severity.INFO) {
            throw new IllegalArgumentException("rule \"" + name + "\" reported a " + severity + " finding without a remedy");
        }
        reported.add(new Reported(rule, name, severity, message, remedy, evidence(name, evidence), entry));
        lastMatch = context.getMatch();
    }

    private static Map<String, Object> evidence(String rule, Object[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("rule \"" + rule + "\" passed evidence that is not name, value pairs");
        }
        Map<String, Object> evidence = new HashMap<>(); // sorted once, by the finding
        for (int i = 0; i < pairs.length; i += 2) {
            if (!(pairs[i] instanceof String name)) {
                throw new IllegalArgumentException("rule \"" + rule + "\" passed an evidence name that is not a string: " + pairs[i]);
            }
            evidence.put(name, value(rule, pairs[i + 1]));
        }
        return evidence;
    }

    private static Object value(String rule, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof dev.dealdesk.facts.Quarter quarter) {
            return quarter.toString();
        }
        throw new IllegalArgumentException("rule \"" + rule + "\" passed evidence of unsupported type "
                + value.getClass().getSimpleName());
    }

    /** What a rule reported, made into its {@link Finding} once, when the decision is put together. */
    private static final class Reported {
        private final RuleMetadata rule;
        private final String name;
        private final Severity severity;
        private final String message;
        private final String remedy;
        private final Map<String, Object> evidence;
        private final int entry;
        private final List<Fix> fixes = new ArrayList<>(2);

        Reported(RuleMetadata rule, String name, Severity severity, String message, String remedy,
                 Map<String, Object> evidence, int entry) {
            this.rule = rule;
            this.name = name;
            this.severity = severity;
            this.message = message;
            this.remedy = remedy;
            this.evidence = evidence;
            this.entry = entry;
        }

        RuleMetadata rule() {
            return rule;
        }

        String name() {
            return name;
        }

        Severity severity() {
            return severity;
        }

        String message() {
            return message;
        }

        int entry() {
            return entry;
        }

        Finding finding() {
            return new Finding(rule.code(), severity, rule.concerns(), message, evidence, remedy,
                    severity == Severity.INFO ? null : rule.approver(), name, fixes);
        }
    }
}
