package dev.dealdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.examples.PolicyExample;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the engine over the shipped rules and {@link HandCodedPolicy} give the same
 * outcome, ownership model and findings (equal records: code, severity, concerns, message, evidence,
 * remedy, approver and rule, in the same order) on generated deals and on every policy example.
 */
class HandCodedPolicyTest {

    private static final long[] SEEDS = {20_261_123L, 7L};
    private static final int COUNT = 3000;
    private static final Pattern CODE = Pattern.compile("@code\\(\"([^\"]+)\"\\)");

    @Test
    void twinAgreesWithTheEngineOnGeneratedDealsAndCoversEveryCode() throws Exception {
        Set<String> produced = new TreeSet<>();
        List<String> mismatches = new ArrayList<>();
        for (long seed : SEEDS) {
            for (Deal deal : DealGenerator.generate(seed, COUNT)) {
                compare(deal, produced, mismatches);
            }
        }
        report(mismatches);
        Set<String> declared = declaredCodes();
        Set<String> compiled = new TreeSet<>();
        TestEngines.shippedPolicy().rules().forEach(rule -> compiled.add(rule.code()));
        assertEquals(compiled, declared, "codes the compiled policy has vs the @code lines of rules/*.drl");
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(produced);
        assertEquals(Set.of(), missing, "codes the generated corpus never fired");
        assertEquals(declared, new TreeSet<>(HandCodedPolicy.codes()), "the twin's codes vs rules/*.drl");
    }

    @Test
    void twinAgreesWithTheEngineOnEveryPolicyExample() throws Exception {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("policy-examples"), "*.json")) {
            dir.forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no policy examples found");
        files.sort(null);
        List<String> mismatches = new ArrayList<>();
        for (Path file : files) {
            Deal deal = PolicyExample.read(StrictJson.parse(Files.readString(file))).deal();
            compare(deal, new TreeSet<>(), mismatches);
        }
        report(mismatches);
    }

    @Test
    void generatorIsDeterministic() {
        List<Deal> a = DealGenerator.generate(42, 200);
        List<Deal> b = DealGenerator.generate(42, 200);
        assertEquals(a, b);
        assertEquals(200, a.stream().map(Deal::dealId).distinct().count());
    }

    private static void compare(Deal deal, Set<String> produced, List<String> mismatches) {
        Decision decision = TestEngines.shipped().evaluate(deal);
        decision.findings().forEach(f -> produced.add(f.code()));
        HandCodedPolicy.Result twin = HandCodedPolicy.decide(deal);
        if (decision.outcome() != twin.outcome() || decision.ownershipModel() != twin.ownershipModel()
                || !decision.findings().equals(twin.findings())) {
            mismatches.add(difference(deal, decision, twin));
        }
    }

    /**
     * Both sides of a disagreement, one finding a line: findings equal on both sides at the same
     * position are shown by code only, the others in full with each evidence value's type, so that
     * 4 (Integer) and 4 (Long) do not look alike.
     */
    private static String difference(Deal deal, Decision decision, HandCodedPolicy.Result twin) {
        StringBuilder text = new StringBuilder("deal ").append(DealJson.toJson(deal))
                .append("\n  engine: ").append(decision.outcome()).append(' ').append(decision.ownershipModel())
                .append("\n  twin:   ").append(twin.outcome()).append(' ').append(twin.ownershipModel());
        List<Finding> engine = decision.findings();
        List<Finding> hand = twin.findings();
        for (int i = 0; i < Math.max(engine.size(), hand.size()); i++) {
            Finding e = i < engine.size() ? engine.get(i) : null;
            Finding t = i < hand.size() ? hand.get(i) : null;
            if (e != null && e.equals(t)) {
                text.append("\n  [").append(i).append("] same:   ").append(e.code());
            } else {
                text.append("\n  [").append(i).append("] engine: ").append(describe(e))
                        .append("\n  [").append(i).append("] twin:   ").append(describe(t));
            }
        }
        return text.toString();
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

    private static void report(List<String> mismatches) {
        if (!mismatches.isEmpty()) {
            StringBuilder message = new StringBuilder(mismatches.size() + " deal(s) decided differently:\n");
            mismatches.stream().limit(20).forEach(m -> message.append(m).append('\n'));
            fail(message.toString());
        }
    }

    private static Set<String> declaredCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("rules"), "*.drl")) {
            for (Path file : dir) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }
}
