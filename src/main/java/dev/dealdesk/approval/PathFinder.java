package dev.dealdesk.approval;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Change;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Fix;
import dev.dealdesk.decision.PathToApproval;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.decision.SignOff;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the changes to a deal's facts that make it APPROVE under the same policy, from the fixes
 * its rules state ({@link Fix}). The search never assumes how rules interact; it decides again:
 * <ol>
 * <li>Apply every fix the findings state (one value per field: the highest lower bound, the lowest
 *     upper bound), decide the changed deal, and repeat with the fixes of what it finds, until
 *     nothing is left that a fix clears.</li>
 * <li>Drop each change the result does not need (decided without it, the deal is no worse), so
 *     the fewest fields change; each number is moved to its threshold and no further.</li>
 * <li>Decide once more without each change left, to learn which findings it clears.</li>
 * </ol>
 * What remains is the verified result: FLAG findings left are sign-offs for their approvers; a
 * REJECT left means no path, and the reason names it. Costs a handful of decisions per deal.
 * Thread-safe: it holds only the compiled policy, which is.
 */
public final class PathFinder {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Rounds of applying fixes: each adds what the last decision's findings asked for. */
    private static final int MAX_ROUNDS = 10;

    private final CompiledPolicy policy;
    private final EvaluationBudget budget;
    private final DealEdits edits;

    public PathFinder(CompiledPolicy policy, EvaluationBudget budget) {
        this.policy = policy;
        this.budget = budget;
        this.edits = new DealEdits(policy.customFields().dealSchema());
    }

    /**
     * The path to approval of {@code deal}, which {@code decision} decided under this policy; for a
     * deal before {@code CLOSED_WON}, also the path that lets it close.
     */
    public PathToApproval find(Deal deal, Decision decision) {
        JsonObject json = DealJson.toJson(deal);
        PathToApproval now = search(json, decision, List.of());
        if (deal.stage() == Stage.CLOSED_WON) {
            return now;
        }
        JsonObject atClose = JSON.createObjectBuilder(json).add("stage", Stage.CLOSED_WON.name()).build();
        try {
            Decision closing = decide(atClose, decision);
            Set<String> flaggedNow = codes(decision, Severity.FLAG);
            List<String> rejectAtClose = codes(closing, Severity.REJECT).stream().filter(flaggedNow::contains).toList();
            return now.withToClose(search(atClose, closing, rejectAtClose));
        } catch (EvaluationException | InvalidDealException e) {
            return now.withToClose(unverified("the deal could not be decided at close: " + e.getMessage(), List.of()));
        }
    }

    private PathToApproval search(JsonObject original, Decision decided, List<String> rejectAtClose) {
        Map<String, Fix> plan = new LinkedHashMap<>();
        Decision current = decided;
        try {
            for (int round = 0; round < MAX_ROUNDS && !settled(current) && merge(plan, current); round++) {
                current = decide(edits.apply(original, List.copyOf(plan.values())), decided);
            }
            for (String key : List.copyOf(plan.keySet())) {
                if (!plan.containsKey(key)) {
                    continue; // dropped with the object or entries it lay in
                }
                Map<String, Fix> without = without(original, plan, key);
                Decision withoutIt = decide(edits.apply(original, List.copyOf(without.values())), decided);
                if (noWorse(withoutIt, current)) {
                    plan = without;
                    current = withoutIt;
                }
            }
            Map<String, Set<String>> clears = new LinkedHashMap<>();
            for (String key : plan.keySet()) {
                Map<String, Fix> without = without(original, plan, key);
                Set<String> back = actionable(decide(edits.apply(original, List.copyOf(without.values())), decided));
                back.removeAll(actionable(current));
                clears.put(key, back);
            }
            JsonObject changed = edits.apply(original, List.copyOf(plan.values()));
            return result(original, changed, plan, clears, current, rejectAtClose);
        } catch (IllegalArgumentException | InvalidDealException e) {
            return unverified("a rule states a fix that cannot be applied: " + e.getMessage(), rejectAtClose);
        } catch (EvaluationException e) {
            return unverified("the changed deal could not be decided: " + e.getMessage(), rejectAtClose);
        }
    }

    /**
     * The plan without the fix at {@code key} and without the fixes inside what it adds to the
     * deal: a quarter set in an appended expansion-map entry goes with the fix that appends it,
     * since it has nowhere to go without it.
     */
    private static Map<String, Fix> without(JsonObject original, Map<String, Fix> plan, String key) {
        String inside = plan.get(key).path() + "/";
        Map<String, Fix> without = new LinkedHashMap<>(plan);
        without.remove(key);
        without.values().removeIf(fix -> fix.path().startsWith(inside)
                && DealEdits.at(original, fix.path().substring(0, fix.path().lastIndexOf('/'))) == null);
        return without;
    }

    private Decision decide(JsonObject deal, Decision original) {
        return policy.decide(DealJson.read(deal, ""), original.decisionId(), original.evaluatedAt(), budget, null);
    }

    /** Adds the fixes of the decision's findings to the plan; whether the plan changed. */
    private static boolean merge(Map<String, Fix> plan, Decision decision) {
        boolean changed = false;
        for (Finding finding : decision.findings()) {
            if (finding.severity() == Severity.INFO) {
                continue;
            }
            for (Fix fix : finding.fixes()) {
                String key = fix.kind() + " " + fix.path();
                Fix planned = plan.get(key);
                Fix merged = planned == null ? fix : tighter(planned, fix);
                if (!merged.equals(planned)) {
                    plan.put(key, merged);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Of two fixes of one kind at one path, the one that asks more; for TO, the first stated stays. */
    private static Fix tighter(Fix planned, Fix fix) {
        return switch (fix.kind()) {
            case AT_LEAST -> number(fix) > number(planned) ? fix : planned;
            case AT_MOST -> number(fix) < number(planned) ? fix : planned;
            case ENTRIES -> (Integer) fix.value() > (Integer) planned.value() ? fix : planned;
            default -> planned;
        };
    }

    private static double number(Fix fix) {
        return ((Number) fix.value()).doubleValue();
    }

    /** No REJECT, and every FLAG left is one no fix clears. */
    private static boolean settled(Decision decision) {
        return decision.findings().stream().noneMatch(finding -> finding.severity() == Severity.REJECT
                || finding.severity() == Severity.FLAG && !finding.fixes().isEmpty());
    }

    /** {@code candidate} finds nothing {@code current} does not: no other REJECT, no other FLAG. */
    private static boolean noWorse(Decision candidate, Decision current) {
        return codes(current, Severity.REJECT).containsAll(codes(candidate, Severity.REJECT))
                && actionable(current).containsAll(actionable(candidate));
    }

    private static Set<String> actionable(Decision decision) {
        Set<String> codes = codes(decision, Severity.REJECT);
        codes.addAll(codes(decision, Severity.FLAG));
        return codes;
    }

    private static Set<String> codes(Decision decision, Severity severity) {
        Set<String> codes = new TreeSet<>();
        decision.findings().stream().filter(finding -> finding.severity() == severity).forEach(finding -> codes.add(finding.code()));
        return codes;
    }

    private static PathToApproval result(JsonObject original, JsonObject changed, Map<String, Fix> plan,
                                         Map<String, Set<String>> clears, Decision last, List<String> rejectAtClose) {
        Map<String, Set<String>> byPath = new TreeMap<>();
        plan.forEach((key, fix) -> {
            for (String path : changedPaths(original, changed, fix)) {
                byPath.computeIfAbsent(outermostAbsent(original, path), folded -> new TreeSet<>()).addAll(clears.get(key));
            }
        });
        List<Change> changes = new ArrayList<>();
        byPath.forEach((path, cleared) -> changes.add(new Change(path, DealEdits.java(DealEdits.at(original, path)),
                DealEdits.java(DealEdits.at(changed, path)), List.copyOf(cleared))));
        Map<String, ApproverRole> signOffs = new TreeMap<>();
        last.findings().stream().filter(finding -> finding.severity() == Severity.FLAG)
                .forEach(finding -> signOffs.putIfAbsent(finding.code(), finding.approver()));
        Set<String> rejects = codes(last, Severity.REJECT);
        String reason = rejects.isEmpty() ? null : "no change of facts the rules state clears " + String.join(", ", rejects)
                + (last.findings().stream().anyMatch(finding -> rejects.contains(finding.code()) && finding.fixes().isEmpty())
                ? ": a REJECT whose rule states no fix" : ": its fixes conflict with another finding's");
        return new PathToApproval(true, rejects.isEmpty(), changes,
                signOffs.entrySet().stream().map(entry -> new SignOff(entry.getKey(), entry.getValue())).toList(),
                reason, rejectAtClose, null);
    }

    /** Where a fix changed the deal: its path, or each entry it appended. */
    private static List<String> changedPaths(JsonObject original, JsonObject changed, Fix fix) {
        if (fix.kind() != Fix.Kind.ENTRIES) {
            return List.of(fix.path());
        }
        JsonValue before = DealEdits.at(original, fix.path());
        int from = before instanceof JsonArray array ? array.size() : 0;
        int to = ((JsonArray) DealEdits.at(changed, fix.path())).size();
        List<String> paths = new ArrayList<>();
        for (int i = from; i < to; i++) {
            paths.add(fix.path() + "/" + i);
        }
        return paths.isEmpty() ? List.of(fix.path()) : paths;
    }

    /** The path itself, or the outermost object above it the deal did not have: a change adds that whole. */
    private static String outermostAbsent(JsonObject original, String path) {
        List<String> tokens = DealEdits.tokens(path);
        StringBuilder prefix = new StringBuilder();
        for (String token : tokens) {
            prefix.append('/').append(token.replace("~", "~0").replace("/", "~1"));
            if (DealEdits.at(original, prefix.toString()) == null) {
                return prefix.toString();
            }
        }
        return path;
    }

    private static PathToApproval unverified(String reason, List<String> rejectAtClose) {
        return new PathToApproval(false, false, List.of(), List.of(), reason, rejectAtClose, null);
    }
}
