package dev.dealdesk;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyStatus;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.decision.ReloadAttempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the policy on demand: status, listeners, examples as a gate, and a refusal whatever fails. */
class LivePolicyTest {

    @TempDir
    Path temp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void status_beforeAnyReload_namesTheLivePolicyAndItsFiles() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).clock(CLOCK).build()) {
            PolicyStatus status = engine.status();
            assertEquals(PolicySource.read(rules.directory()).version(), status.live());
            assertEquals(Instant.parse("2026-11-23T09:00:00Z"), status.loadedAt());
            assertEquals(TestEngines.shippedRuleFiles(), status.files());
            assertNull(status.lastReload());
        }
    }

    @Test
    void reload_validEdit_goesLiveAndListenersHearOfIt() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        List<ReloadAttempt> heard = new ArrayList<>();
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).onReload(heard::add).build()) {
            PolicyVersion before = engine.policy();
            rules.replace("thresholds.drl", "return 90;", "return 120;");
            ReloadAttempt attempt = engine.reload();
            assertTrue(attempt.succeeded());
            assertEquals(List.of(attempt), heard);
            assertEquals(attempt.version(), engine.policy().version());
            assertFalse(before.equals(engine.policy()));
            assertEquals(List.of("ownership.model"),
                    engine.evaluate(TestDeals.cleanLand().set("/valueProof/windowDays", 110).deal()).codes());
        }
    }

    @Test
    void reload_unchangedFiles_succeedsWithoutAnewPolicy() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).build()) {
            PolicyStatus before = engine.status();
            ReloadAttempt attempt = engine.reload();
            assertTrue(attempt.succeeded());
            assertEquals(before.live(), engine.status().live());
            assertEquals(before.loadedAt(), engine.status().loadedAt());
        }
    }

    @Test
    void reload_brokenEdit_keepsTheLastGoodPolicyAndRecordsWhy() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).build()) {
            PolicyVersion good = engine.policy();
            rules.replace("undersold.drl", "sizing.seatsPurchased < sizing.seatsNeededForOutcome)", "sizing.seatsPurchased < sizing.seatsNeededForOutcome))");
            ReloadAttempt attempt = engine.reload();
            assertFalse(attempt.succeeded());
            assertEquals(PolicySource.read(rules.directory()).version().version(), attempt.version());
            assertEquals("undersold.drl", attempt.problems().get(0).file());
            assertEquals(good, engine.policy());
            assertEquals(attempt, engine.status().lastReload());
            assertEquals("APPROVE", engine.evaluate(TestDeals.cleanLand().deal()).outcome().name());
        }
    }

    @Test
    void reload_editThatFailsAnExample_isRefused() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path examples = Files.createDirectory(temp.resolve("examples"));
        Files.copy(Path.of("policy-examples/value-proof-window.json"), examples.resolve("value-proof-window.json"));
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).examples(examples).build()) {
            PolicyVersion good = engine.policy();
            rules.replace("thresholds.drl", "function int valueProofMaxWindowDays() { return 90; }",
                    "function int valueProofMaxWindowDays() { return 365; }");
            ReloadAttempt attempt = engine.reload();
            assertFalse(attempt.succeeded());
            assertEquals("error: example " + examples.resolve("value-proof-window.json")
                    + " fails: expected FLAG, got APPROVE; missing [value-proof.window]", attempt.problems().get(0).toString());
            assertEquals(good, engine.policy());
        }
    }

    /** A rule whose consequence nests 20,000 parentheses: it parses, and the stack runs out compiling it. */
    private static final String NESTED_CONSEQUENCE = """
            package dealdesk.policy;
            import dev.dealdesk.facts.Deal;
            global dev.dealdesk.policy.Findings findings;
            rule "Nested consequence"
                @code("test.nested") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
            when
                Deal()
            then
                int nested = %s;
            end
            """.formatted("(".repeat(20_000) + "1" + ")".repeat(20_000));

    static final String TOO_DEEP = "error: the rules are nested too deeply to compile (the stack ran out): reduce the"
            + " parentheses, brackets or blocks within one another";

    @Test
    void reload_ruleNestedTooDeeplyToCompile_isRefusedWithTheReason() throws Exception {
        RulesCopy rules = RulesCopy.of(temp);
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).build()) {
            PolicyVersion good = engine.policy();
            rules.write("nested.drl", NESTED_CONSEQUENCE);
            ReloadAttempt attempt = engine.reload();
            assertFalse(attempt.succeeded());
            assertEquals("[" + TOO_DEEP + "]", attempt.problems().toString());
            assertEquals(PolicySource.read(rules.directory()).version().version(), attempt.version());
            assertEquals(good, engine.policy());
            assertEquals(attempt, engine.status().lastReload());
        }
    }

    @Test
    void build_ruleNestedTooDeeplyToCompile_doesNotStartAndSaysWhy() throws Exception {
        RulesCopy rules = RulesCopy.of(temp).write("nested.drl", NESTED_CONSEQUENCE);
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> DealDesk.builder().rules(rules.directory()).build());
        assertEquals(TOO_DEEP, e.getMessage());
    }

    @Test
    void build_withExamplesThePolicyFails_doesNotStart() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")))
                .replace("thresholds.drl", "return 90;", "return 365;");
        Path examples = Files.createDirectory(temp.resolve("examples"));
        Files.copy(Path.of("policy-examples/value-proof-window.json"), examples.resolve("value-proof-window.json"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> DealDesk.builder().rules(rules.directory()).examples(examples).build());
        assertTrue(e.getMessage().contains("value-proof-window.json fails"), e.getMessage());
    }
}
