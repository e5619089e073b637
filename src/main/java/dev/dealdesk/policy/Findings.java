package dev.dealdesk.policy;

import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Stage;
import java.util.ArrayList;
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
 * Not thread-safe: it belongs to one evaluation.
 */
public final class Findings {

    /** The name every rules file declares the global by. */
    public static final String GLOBAL = "findings";

    private final Map<String, RuleMetadata> rules;
    private final Stage stage;
    private final List<Reported> reported = new ArrayList<>();
    private OwnershipModel ownershipModel;

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

    /** The model the rules named; the policy must name exactly one. */
    public OwnershipModel ownershipModel() {
        if (ownershipModel == null) {
            throw new EvaluationException("the policy named no ownership model: a rule must call findings.ownershipModel(...)");
        }
        return ownershipModel;
    }

    /** Everything reported, in the decision's order. */
    public List<Finding> sorted() {
        // Insertion sort: a decision has a handful of findings, and a general sort is more code to compile.
        Finding[] findings = new Finding[reported.size()];
        Reported[] order = new Reported[findings.length];
        for (int n = 0; n < order.length; n++) {
            Reported next = reported.get(n);
            int at = n;
            for (; at > 0 && compare(order[at - 1], next) > 0; at--) {
                order[at] = order[at - 1];
            }
            order[at] = next;
        }
        for (int i = 0; i < order.length; i++) {
            findings[i] = order[i].finding();
        }
        return List.of(findings);
    }

    /** Severity, then code, then expansion-map entry, then rule name, then message. */
    private static int compare(Reported a, Reported b) {
        int order = a.finding().severity().compareTo(b.finding().severity());
        if (order == 0) {
            order = a.finding().code().compareTo(b.finding().code());
        }
        if (order == 0) {
            order = Integer.compare(a.entry(), b.entry());
        }
        if (order == 0) {
            order = a.finding().rule().compareTo(b.finding().rule());
        }
        return order != 0 ? order : a.finding().message().compareTo(b.finding().message());
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
        Finding finding = new Finding(rule.code(), severity, rule.concerns(), message, evidence(name, evidence), remedy,
                severity == Severity.INFO ? null : rule.approver(), name);
        reported.add(new Reported(finding, entry));
    }

    private static Map<String, Object> evidence(String rule, Object[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("rule \"" + rule + "\" passed evidence that is not name, value pairs");
        }
        String[] names = new String[pairs.length / 2];
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!(pairs[2 * i] instanceof String name)) {
                throw new IllegalArgumentException("rule \"" + rule + "\" passed an evidence name that is not a string: " + pairs[2 * i]);
            }
            names[i] = name;
            values[i] = value(rule, pairs[2 * i + 1]);
        }
        return Finding.evidence(names, values);
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

    private record Reported(Finding finding, int entry) {
    }
}
