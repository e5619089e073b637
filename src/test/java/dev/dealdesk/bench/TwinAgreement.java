package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.examples.PolicyExample;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@link HandCodedPolicy} decides exactly as the engine does (outcome, ownership model and
 * equal findings in the same order) on a set of deals. The bench compares their speeds only when
 * they agree: the twin copies the thresholds of {@code rules/}, so after a policy change it may
 * decide something else, and its speed would then be no baseline.
 */
final class TwinAgreement {

    private final DealDesk engine;
    private final List<String> differences = new ArrayList<>();
    private int compared;

    TwinAgreement(DealDesk engine) {
        this.engine = engine;
    }

    /** Compares every deal of {@code deals}, naming a difference after {@code source} and the deal id. */
    void compare(String source, List<Deal> deals) {
        for (Deal deal : deals) {
            compare(source, deal);
        }
    }

    /** Compares the deal of every policy example ({@code *.json}) in {@code directory}. */
    void compareExamples(Path directory) throws Exception {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*.json")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            compare(file.toString(), PolicyExample.read(StrictJson.parse(Files.readAllBytes(file))).deal());
        }
    }

    private void compare(String source, Deal deal) {
        compared++;
        Decision decision = withoutFixes(engine.evaluate(deal));
        HandCodedPolicy.Result twin = HandCodedPolicy.decide(deal);
        if (decision.outcome() != twin.outcome() || decision.ownershipModel() != twin.ownershipModel()
                || !decision.findings().equals(twin.findings())) {
            differences.add(difference(source, deal, decision, twin));
        }
    }

    /**
     * The decision as the twin can match it: the fixes the rules state are for the path to approval,
     * which the decision's JSON does not carry and the twin does not compute.
     */
    private static Decision withoutFixes(Decision decision) {
        return new Decision(decision.dealId(), decision.asOf(), decision.ownershipModel(), decision.findings().stream()
                .map(f -> new Finding(f.code(), f.severity(), f.concerns(), f.message(), f.evidence(), f.remedy(), f.approver(),
                        f.rule(), List.of())).toList(), decision.policy(), decision.decisionId(), decision.evaluatedAt());
    }

    boolean agrees() {
        return compared > 0 && differences.isEmpty();
    }

    /** How many deals were compared, and each difference (the first {@code limit} in full). */
    String report(int limit) {
        if (agrees()) {
            return "The hand-coded twin decides all " + compared + " deals compared exactly as the engine does.";
        }
        StringBuilder text = new StringBuilder().append(differences.size()).append(" of ").append(compared)
                .append(" deals compared are decided differently by the hand-coded twin");
        differences.stream().limit(limit).forEach(d -> text.append('\n').append(d));
        if (differences.size() > limit) {
            text.append("\n... and ").append(differences.size() - limit).append(" more");
        }
        return text.toString();
    }

    /**
     * Both sides of a disagreement, one finding a line: findings equal on both sides at the same
     * position are shown by code only, the others in full with each evidence value's type, so that
     * 4 (Integer) and 4 (Long) do not look alike.
     */
    private static String difference(String source, Deal deal, Decision decision, HandCodedPolicy.Result twin) {
        StringBuilder text = new StringBuilder("deal ").append(deal.dealId()).append(" (").append(source).append(')')
                .append("\n  engine: ").append(decision.outcome()).append(' ').append(decision.ownershipModel())
                .append(' ').append(codes(decision.findings()))
                .append("\n  twin:   ").append(twin.outcome()).append(' ').append(twin.ownershipModel())
                .append(' ').append(codes(twin.findings()));
        List<Finding> engine = decision.findings();
        List<Finding> hand = twin.findings();
        for (int i = 0; i < Math.max(engine.size(), hand.size()); i++) {
            Finding e = i < engine.size() ? engine.get(i) : null;
            Finding t = i < hand.size() ? hand.get(i) : null;
            if (e == null || !e.equals(t)) {
                text.append("\n  [").append(i).append("] engine: ").append(describe(e))
                        .append("\n  [").append(i).append("] twin:   ").append(describe(t));
            }
        }
        return text.toString();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private static String describe(Finding finding) {
        if (finding == null) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder()
                .append(finding.severity()).append(' ').append(finding.code()).append(" by \"").append(finding.rule())
                .append("\" ").append(finding.concerns()).append(" approver ").append(finding.approver())
                .append("\n        message: ").append(finding.message())
                .append("\n        remedy:  ").append(finding.remedy())
                .append("\n        evidence:");
        finding.evidence().forEach((name, value) -> text.append(' ').append(name).append('=').append(value)
                .append(value == null ? "" : " (" + value.getClass().getSimpleName() + ")").append(';'));
        return text.toString();
    }
}
