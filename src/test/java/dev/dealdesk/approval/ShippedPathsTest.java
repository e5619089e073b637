package dev.dealdesk.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dealdesk.TestEngines;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.DealSchema;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.examples.PolicyExample;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped policy's paths to approval, on every golden example that is not approved, checked
 * without the search that found them: each path, as the decision's JSON gives it, is applied to
 * the deal's JSON as JSON Pointer edits, and the changed deal is decided again by the engine.
 */
class ShippedPathsTest {

    private static final Path EXAMPLES = Path.of("policy-examples");
    private static final Ask PATH = new Ask(true, null);
    private static final DealSchema SCHEMA = DealSchema.deal();

    /** A threshold a rule compares a number with, as the original finding's evidence shows it. */
    private record Threshold(String path, boolean atLeast, Function<Map<String, Object>, BigDecimal> bound) {
    }

    private static final Map<String, Threshold> THRESHOLDS = Map.of(
            "land.below-minimum", new Threshold("/acv", true, evidence -> number(evidence, "minimumLandAcv")),
            "land.cs-cost-not-covered", new Threshold("/acv", true,
                    evidence -> number(evidence, "annualCsCost").multiply(number(evidence, "csCostCoverageMultiple"))),
            "value-proof.window", new Threshold("/valueProof/windowDays", false,
                    evidence -> number(evidence, "valueProofMaxWindowDays")),
            "sizing.undersold", new Threshold("/sizing/seatsPurchased", true,
                    evidence -> number(evidence, "sizing.seatsNeededForOutcome")),
            "strategy.short-horizon", new Threshold("/customerStrategy/horizonMonths", true,
                    evidence -> number(evidence, "strategyMinHorizonMonths")),
            // The brief: "csHoursPerQuarter over 0".
            "land.self-serve-with-human-cs", new Threshold("/customerSuccess/csHoursPerQuarter", false,
                    evidence -> BigDecimal.ZERO));

    /** Numbers a fix proposes where any value clears, not bounds: an SLA must merely be set. */
    private static final Set<String> PROPOSED_NUMBERS = Set.of("/ownership/handoffSlaDays");

    @TestFactory
    Stream<DynamicTest> everyFlaggedOrRejectedExample_hasAPathTheEngineConfirms() throws IOException {
        List<Path> files = examples().stream().filter(file -> read(file).outcome() != Outcome.APPROVE).toList();
        assertFalse(files.isEmpty(), "no FLAG or REJECT examples in " + EXAMPLES);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Deal deal = read(file).deal();
            Decision decision = TestEngines.shipped().evaluate(deal, PATH);
            JsonObject path = DecisionJson.toJson(decision).getJsonObject("pathToApproval");
            JsonObject json = DealJson.toJson(deal);
            holds(json, decision, path);
            if (deal.stage() == Stage.CLOSED_WON) {
                assertFalse(path.containsKey("toClose"), "a closed deal has no path to close");
                return;
            }
            JsonObject atClose = Json.createObjectBuilder(json).add("stage", "CLOSED_WON").build();
            Decision closing = decide(atClose);
            JsonObject toClose = path.getJsonObject("toClose");
            assertNotNull(toClose, "a deal before close says what closing would take");
            Set<String> rejectAtClose = codes(closing, Severity.REJECT);
            rejectAtClose.retainAll(codes(decision, Severity.FLAG));
            assertEquals(List.copyOf(rejectAtClose), strings(toClose.getJsonArray("rejectAtClose")));
            holds(atClose, closing, toClose);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seed-5k-smb-eight-cs-hours | [{"path": "/acv", "from": 5000, "to": 25600, "clears": ["land.below-minimum", "land.cs-cost-not-covered"]}]
            land-below-minimum-enterprise | [{"path": "/acv", "from": 35000, "to": 40000, "clears": ["land.below-minimum"]}]
            land-cs-cost-one-cent-not-covered | [{"path": "/acv", "from": 51199.99, "to": 51200, "clears": ["land.cs-cost-not-covered"]}]
            land-self-serve-with-human-cs | [{"path": "/customerSuccess/csHoursPerQuarter", "from": 2, "to": 0, "clears": ["land.self-serve-with-human-cs"]}]
            land-self-serve-with-csm-assigned | [{"path": "/customerSuccess/csmAssigned", "from": true, "to": false, "clears": ["land.self-serve-with-human-cs"]}]
            contract-flat-fee-multi-year | [{"path": "/contract/pricingModel", "from": "FLAT_FEE", "to": "PER_SEAT", "clears": ["contract.flat-fee-multi-year"]}]
            contract-flat-fee | [{"path": "/contract/pricingModel", "from": "FLAT_FEE", "to": "PER_SEAT", "clears": ["contract.flat-fee"]}]
            contract-expansion-needs-renegotiation | [{"path": "/contract/expansionByAddOn", "from": false, "to": true, "clears": ["contract.expansion-needs-renegotiation"]}]
            contract-usage-bill-shock | [{"path": "/contract/usageSpendAlerts", "to": true, "clears": ["contract.usage-bill-shock"]}]
            seed-three-year-flat-fee-discount | [{"path": "/contract/expansionByAddOn", "from": false, "to": true, "clears": ["contract.expansion-needs-renegotiation"]}, {"path": "/contract/pricingModel", "from": "FLAT_FEE", "to": "PER_SEAT", "clears": ["contract.flat-fee-multi-year"]}]
            value-proof-window | [{"path": "/valueProof/windowDays", "from": 120, "to": 90, "clears": ["value-proof.window"]}]
            value-proof-window-91-days | [{"path": "/valueProof/windowDays", "from": 91, "to": 90, "clears": ["value-proof.window"]}]
            sizing-undersold | [{"path": "/sizing/seatsPurchased", "from": 25, "to": 40, "clears": ["sizing.undersold"]}]
            sizing-undersold-one-seat-short | [{"path": "/sizing/seatsPurchased", "from": 39, "to": 40, "clears": ["sizing.undersold"]}]
            strategy-missing | [{"path": "/customerStrategy", "to": {"phases": [{"name": "<name>", "team": "<team>", "outcome": "<outcome>"}, {"name": "<name>", "team": "<team>", "outcome": "<outcome>"}]}, "clears": ["strategy.missing", "strategy.no-phases"]}]
            strategy-short-horizon | [{"path": "/customerStrategy/horizonMonths", "from": 12, "to": 18, "clears": ["strategy.short-horizon"]}]
            strategy-horizon-17-months | [{"path": "/customerStrategy/horizonMonths", "from": 17, "to": 18, "clears": ["strategy.short-horizon"]}]
            strategy-no-phases | [{"path": "/customerStrategy/phases/1", "to": {"name": "<name>", "team": "<team>", "outcome": "<outcome>"}, "clears": ["strategy.no-phases"]}]
            strategy-seller-framed | [{"path": "/customerStrategy/framing", "from": "SELLER_REVENUE", "to": "CUSTOMER_OUTCOME", "clears": ["strategy.seller-framed"]}]
            strategy-renewal-gated | [{"path": "/customerStrategy/expansionTrigger", "from": "RENEWAL_DATE", "to": "CUSTOMER_READINESS", "clears": ["strategy.renewal-gated"]}]
            ownership-unassigned | [{"path": "/ownership/expansionOwner", "from": "UNASSIGNED", "to": "AE", "clears": ["ownership.unassigned"]}]
            ownership-owner-absent | [{"path": "/ownership/expansionOwner", "to": "AE", "clears": ["ownership.unassigned"]}]
            ownership-mismatch-dedicated-am | [{"path": "/ownership/expansionOwner", "from": "CSM", "to": "AM", "clears": ["ownership.mismatch"]}]
            seller-arr-just-under-10m | [{"path": "/ownership/expansionOwner", "from": "CSM", "to": "AE", "clears": ["ownership.mismatch"]}]
            ownership-no-handoff-sla | [{"path": "/ownership/handoffSlaDays", "to": 5, "clears": ["ownership.no-handoff-sla"]}]
            ownership-no-shared-comp | [{"path": "/ownership/sharedExpansionComp", "from": false, "to": true, "clears": ["ownership.no-handoff-sla"]}]
            """)
    void path_otherwiseCleanDeal_isTheseChangesAndNoSignOff(String example, String changes) throws Exception {
        JsonObject path = pathOf(example);
        assertTrue(path.getBoolean("reachable"), path.toString());
        assertEquals(JsonWriter.canonical(StrictJson.parse(changes)), JsonWriter.canonical(path.getJsonArray("changes")));
        assertEquals(List.of(), path.getJsonArray("signOffs"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ownership-stalled-expansion | ownership.stalled-expansion | REVOPS
            value-proof-no-movement | value-proof.no-movement | DEAL_DESK
            """)
    void path_findingOnlyTheAeCannotUndo_isASignOffWithNoChange(String example, String code, String approver) throws Exception {
        JsonObject path = pathOf(example);
        assertTrue(path.getBoolean("reachable"), path.toString());
        assertEquals(List.of(), path.getJsonArray("changes"));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", code).add("approver", approver))
                .build(), path.getJsonArray("signOffs"));
    }

    /** The path holds for {@code deal}, which {@code original} decided: the checks the issue asks of every path. */
    private static void holds(JsonObject deal, Decision original, JsonObject path) {
        assertTrue(path.getBoolean("verified"), () -> "unverified: " + path);
        JsonArray changes = path.getJsonArray("changes");
        JsonObject changed = deal;
        for (JsonValue change : changes) {
            changed = apply(changed, change.asJsonObject(), true);
        }
        Decision after = decide(changed);
        if (path.getBoolean("reachable")) {
            assertFalse(path.containsKey("reason"), path.toString());
            assertEquals(Set.of(), codes(after, Severity.REJECT), () -> "the changed deal still rejects: " + path);
            assertEquals(signOffs(path), signOffs(after), () -> "the changed deal's FLAGs are not the sign-offs: " + path);
        } else {
            Set<String> left = codes(after, Severity.REJECT);
            assertFalse(left.isEmpty(), () -> "no path, yet the changed deal does not reject: " + path);
            left.forEach(code -> assertTrue(path.getString("reason").contains(code), () -> "the reason names no " + code));
        }
        Set<String> accounted = new TreeSet<>(codes(after, Severity.REJECT));
        accounted.addAll(signOffs(path).keySet());
        for (int i = 0; i < changes.size(); i++) {
            JsonObject change = changes.getJsonObject(i);
            List<String> clears = strings(change.getJsonArray("clears"));
            accounted.addAll(clears);
            neededFor(deal, changes, i, after, clears);
            if (change.get("to") instanceof JsonNumber to) {
                atTheThreshold(changed, original, change, to.bigDecimalValue(), clears);
            }
        }
        Set<String> actionable = actionable(original);
        actionable.removeAll(accounted);
        assertEquals(Set.of(), actionable, () -> "findings the path neither clears nor lists: " + path);
    }

    /** Deciding without change {@code i} is worse: a code it clears comes back, and only such codes. */
    private static void neededFor(JsonObject deal, JsonArray changes, int i, Decision after, List<String> clears) {
        JsonObject without = deal;
        for (int j = 0; j < changes.size(); j++) {
            if (j != i) {
                without = apply(without, changes.getJsonObject(j), false);
            }
        }
        Set<String> back = actionable(decide(without));
        back.removeAll(actionable(after));
        String change = changes.getJsonObject(i).toString();
        assertFalse(back.isEmpty(), () -> "change " + change + " is not needed");
        assertTrue(clears.containsAll(back), () -> "without " + change + " back come " + back + ", not all in its clears");
    }

    /**
     * A number moved exactly to the threshold of the findings it clears, as their evidence gives it,
     * and no further: one step back toward where it was (or either way, when it was absent), a
     * finding comes back.
     */
    private static void atTheThreshold(JsonObject changed, Decision original, JsonObject change, BigDecimal to,
                                       List<String> clears) {
        String path = change.getString("path");
        List<BigDecimal> atLeast = new ArrayList<>();
        List<BigDecimal> atMost = new ArrayList<>();
        for (Finding finding : original.findings()) {
            Threshold threshold = THRESHOLDS.get(finding.code());
            if (threshold != null && threshold.path().equals(path) && clears.contains(finding.code())) {
                (threshold.atLeast() ? atLeast : atMost).add(threshold.bound().apply(finding.evidence()));
            }
        }
        if (!atLeast.isEmpty()) {
            assertEquals(0, atLeast.stream().max(BigDecimal::compareTo).orElseThrow().compareTo(to), "highest bound: " + change);
        }
        if (!atMost.isEmpty()) {
            assertEquals(0, atMost.stream().min(BigDecimal::compareTo).orElseThrow().compareTo(to), "lowest bound: " + change);
        }
        if (PROPOSED_NUMBERS.contains(path)) {
            return;
        }
        BigDecimal step = SCHEMA.type(path).equals("integer") ? BigDecimal.ONE : new BigDecimal("0.01");
        Set<String> clean = actionable(decide(changed));
        List<BigDecimal> probes = change.get("from") instanceof JsonNumber from
                ? List.of(to.add(step.multiply(BigDecimal.valueOf(from.bigDecimalValue().compareTo(to)))))
                : List.of(to.add(step), to.subtract(step));
        boolean edge = false;
        for (BigDecimal probe : probes) {
            if (probe.signum() >= 0) {
                JsonObject nudged = Json.createPointer(path).replace(changed, Json.createValue(probe));
                edge |= !clean.containsAll(actionable(decide(nudged)));
            }
        }
        assertTrue(edge, () -> "moved further than a threshold needs: " + change);
    }

    /**
     * The deal with one change applied: JSON Pointer add where {@code from} is absent, replace where
     * it is there. {@code exact}: the value there must be {@code from}; otherwise (some changes left
     * out) an entry past the end of its array is appended.
     */
    private static JsonObject apply(JsonObject deal, JsonObject change, boolean exact) {
        String path = change.getString("path");
        JsonValue before = at(deal, path);
        JsonValue to = change.get("to");
        if (exact) {
            JsonValue from = change.get("from");
            assertEquals(from == null ? null : JsonWriter.canonical(from), before == null ? null : JsonWriter.canonical(before),
                    () -> "from is not the deal's value at " + path);
        }
        if (before != null) {
            return Json.createPointer(path).replace(deal, to);
        }
        String parent = path.substring(0, path.lastIndexOf('/'));
        if (!exact && at(deal, parent) instanceof JsonArray array
                && Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)) > array.size()) {
            return Json.createPointer(parent + "/-").add(deal, to);
        }
        assertNotNull(parent.isEmpty() ? deal : at(deal, parent), () -> "a change adds inside something absent: " + path);
        return Json.createPointer(path).add(deal, to);
    }

    private static JsonValue at(JsonObject deal, String path) {
        JsonValue value = Json.createPointer(path).containsValue(deal) ? Json.createPointer(path).getValue(deal) : null;
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static Decision decide(JsonObject deal) {
        return TestEngines.shipped().evaluate(DealJson.read(deal, ""));
    }

    private static JsonObject pathOf(String example) {
        Decision decision = TestEngines.shipped().evaluate(read(EXAMPLES.resolve(example + ".json")).deal(), PATH);
        return DecisionJson.toJson(decision).getJsonObject("pathToApproval");
    }

    /** The FLAG codes of the decision and who signs each. */
    private static Map<String, String> signOffs(Decision decision) {
        Map<String, String> signOffs = new java.util.TreeMap<>();
        decision.findings().stream().filter(finding -> finding.severity() == Severity.FLAG)
                .forEach(finding -> signOffs.put(finding.code(), finding.approver().name()));
        return signOffs;
    }

    private static Map<String, String> signOffs(JsonObject path) {
        Map<String, String> signOffs = new java.util.TreeMap<>();
        path.getJsonArray("signOffs").forEach(signOff -> signOffs.put(signOff.asJsonObject().getString("code"),
                signOff.asJsonObject().getString("approver")));
        return signOffs;
    }

    /** The codes a REJECT or a FLAG holds the deal back by. */
    private static Set<String> actionable(Decision decision) {
        return codes(decision, Severity.REJECT, Severity.FLAG);
    }

    private static Set<String> codes(Decision decision, Severity... severities) {
        List<Severity> wanted = List.of(severities);
        return decision.findings().stream().filter(finding -> wanted.contains(finding.severity())).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(value -> ((JsonString) value).getString()).toList();
    }

    private static BigDecimal number(Map<String, Object> evidence, String name) {
        Object value = evidence.get(name);
        if (!(value instanceof Number number)) {
            return fail("evidence " + name + " is not a number: " + evidence);
        }
        return new BigDecimal(number.toString());
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static PolicyExample read(Path file) {
        try {
            return PolicyExample.read(StrictJson.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            return fail("cannot read " + file, e);
        }
    }
}
