package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay re-derives past decisions after the rules changed; what-if matches a direct computation. */
class ReplayAndWhatIfTest {

    @TempDir
    Path temp;

    private static List<Deal> deals() {
        List<Deal> deals = new ArrayList<>(AuditFixtures.exampleDeals());
        int id = 0;
        for (int window : new int[] {30, 89, 90, 91, 100, 120}) {
            for (String segment : new String[] {"SMB", "MID_MARKET", "ENTERPRISE"}) {
                deals.add(TestDeals.cleanLand().set("/dealId", "W-" + id++).set("/segment", segment)
                        .set("/valueProof/windowDays", window).set("/acv", 40000 + id * 1000.5).deal());
            }
        }
        return deals;
    }

    @Test
    void replay_ofAPinnedPolicyWhoseFilesWereAltered_divergesNamingTheAlteration() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path log = Files.createDirectory(temp.resolve("audit")).resolve("log.jsonl");
        AuditFixtures.audit(rules.directory(), log, deals().subList(0, 3));
        String version = AuditRecord.parse(Files.readAllLines(log).get(0)).policy().version();
        Path pinned = PolicySnapshots.beside(log).of(version).resolve("thresholds.drl");
        Files.writeString(pinned, Files.readString(pinned) + "\n// a comment changes no decision, but it is not this policy\n");

        Replayer.Report report = Replayer.replay(log, record -> true);
        assertEquals(3, report.divergences().size());
        assertTrue(report.divergences().get(0).error().contains("the policy pinned as " + version + " was altered"),
                report.divergences().get(0).error());
    }

    @Test
    void replay_afterTheRulesChanged_reproducesEveryDecisionUnderItsPinnedPolicy() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path log = Files.createDirectory(temp.resolve("audit")).resolve("log.jsonl");
        List<Deal> deals = deals();
        AuditFixtures.audit(rules.directory(), log, deals);
        rules.replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 100; }");
        AuditFixtures.audit(rules.directory(), log, deals);

        Replayer.Report report = Replayer.replay(log, record -> true);
        assertEquals(List.of(), report.divergences());
        assertEquals(2L * deals.size(), report.matched());
        assertEquals(3, Replayer.replay(log, record -> "W-4".equals(record.deal().getString("dealId"))).replayed() + 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(0, Replayer.replay(log, record -> LocalDate.ofInstant(record.evaluatedAt(), ZoneOffset.UTC)
                .isAfter(today.plusDays(1))).replayed());
    }

    @Test
    void replay_recordWhoseDecisionWasRewritten_divergesNamingTheFindings() throws Exception {
        Path log = temp.resolve("log.jsonl");
        Deal deal = TestDeals.cleanLand().set("/valueProof/windowDays", 120).deal();
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, List.of(deal));
        AuditRecord genuine = AuditRecord.parse(Files.readString(log).strip());
        JsonObject approved = Json.createObjectBuilder(genuine.decision()).add("outcome", "APPROVE")
                .add("approvers", Json.createArrayBuilder())
                .add("findings", Json.createArrayBuilder().add(genuine.decision().getJsonArray("findings").get(1))).build();
        AuditRecord rewritten = new AuditRecord(genuine.decisionId(), genuine.evaluatedAt(), genuine.deal(), approved,
                genuine.policy(), genuine.engine(), genuine.previousHash(), "x");
        rewritten = new AuditRecord(genuine.decisionId(), genuine.evaluatedAt(), genuine.deal(), approved,
                genuine.policy(), genuine.engine(), genuine.previousHash(), rewritten.computedHash());
        Files.writeString(log, rewritten.line() + "\n");

        Replayer.Report report = Replayer.replay(log, record -> true);
        assertEquals(1, report.divergences().size());
        Replayer.Divergence divergence = report.divergences().get(0);
        assertEquals("APPROVE", divergence.recorded());
        assertEquals("FLAG", divergence.replayed());
        assertEquals(List.of("FLAG value-proof.window"), divergence.added());
        assertEquals(List.of(), divergence.removed());
        assertNull(divergence.error());
    }

    @Test
    void whatIf_candidateThreshold_flipsExactlyTheDealsADirectComputationFlips() throws Exception {
        Path log = temp.resolve("log.jsonl");
        List<Deal> deals = deals();
        List<Decision> logged = AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, deals);
        RulesCopy candidateRules = RulesCopy.of(Files.createDirectory(temp.resolve("candidate")))
                .replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 95; }")
                .replace("thresholds.drl", "minimumLandAcvSmb() { return 15_000; }", "minimumLandAcvSmb() { return 50_000; }");
        CompiledPolicy candidate = CompiledPolicy.compile(PolicySource.read(candidateRules.directory()));

        Map<String, Long> expectedCells = new TreeMap<>();
        Map<String, BigDecimal> expectedAcv = new TreeMap<>();
        List<String> expectedChanges = new ArrayList<>();
        try (DealDesk direct = DealDesk.builder().rules(candidateRules.directory()).build()) {
            for (int i = 0; i < deals.size(); i++) {
                Decision after = direct.evaluate(deals.get(i));
                String cell = logged.get(i).outcome() + "->" + after.outcome();
                expectedCells.merge(cell, 1L, Long::sum);
                expectedAcv.merge(cell, BigDecimal.valueOf(deals.get(i).acv()), BigDecimal::add);
                if (logged.get(i).outcome() != after.outcome() || !logged.get(i).codes().equals(after.codes())) {
                    expectedChanges.add(logged.get(i).decisionId());
                }
            }
        }

        WhatIf.Report report = WhatIf.run(log, candidate);
        Map<String, Long> cells = new TreeMap<>();
        Map<String, BigDecimal> acv = new TreeMap<>();
        report.transitions().forEach((from, row) -> row.forEach((to, c) -> {
            cells.put(from + "->" + to, c.count());
            acv.put(from + "->" + to, c.acv());
        }));
        assertEquals(expectedCells, cells);
        assertEquals(expectedAcv, acv);
        assertEquals(expectedChanges, report.changes().stream().map(WhatIf.Change::decisionId).toList());
        assertEquals(deals.size(), report.decisions());
        assertEquals(List.of(), report.errors());
        long bySegment = report.bySegment().values().stream()
                .flatMap(matrix -> matrix.values().stream()).flatMap(row -> row.values().stream())
                .mapToLong(WhatIf.Cell::count).sum();
        assertEquals(deals.size(), bySegment);
        assertEquals(report.changes().stream().mapToLong(c -> c.gained().size()).sum(),
                report.gained().values().stream().mapToLong(Long::longValue).sum());
    }
}
