package dev.dealdesk.policy.examples;

import dev.dealdesk.approval.PathFinder;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicyRule;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationBudget;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.PathToApproval;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the golden examples of a directory against a compiled policy, as RevOps' tests: each
 * example passes when its outcome and its ordered finding codes are exactly the expected ones and,
 * when it states one, the members of its path to approval are the deal's. Also counts, for each
 * rule, how many examples fired it. Stateless.
 */
public final class PolicyTester {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PolicyTester() {
    }

    /**
     * The result of one example.
     *
     * @param file            the example's file name
     * @param expectedOutcome the outcome it expects, or {@code null} when the example could not be read
     * @param actualOutcome   the outcome the policy gave, or {@code null} when it gave none
     * @param expectedCodes   the codes it expects, in order
     * @param actualCodes     the codes the policy gave, in order
     * @param error           why the example could not be run, or {@code null}
     * @param expectedPath      the members of the path to approval the example states, as canonical
     *                          JSON, or {@code null} when it states none
     * @param actualPath        the same members of the deal's path to approval, as canonical JSON, or
     *                          {@code null} when none was asked for
     */
    public record ExampleResult(String file, Outcome expectedOutcome, Outcome actualOutcome,
                                List<String> expectedCodes, List<String> actualCodes, String error,
                                String expectedPath, String actualPath) {

        public ExampleResult {
            expectedCodes = List.copyOf(expectedCodes);
            actualCodes = List.copyOf(actualCodes);
        }

        /** A result with no path to approval asked for. */
        public ExampleResult(String file, Outcome expectedOutcome, Outcome actualOutcome,
                             List<String> expectedCodes, List<String> actualCodes, String error) {
            this(file, expectedOutcome, actualOutcome, expectedCodes, actualCodes, error, null, null);
        }

        /** Whether the policy could not decide the example's deal: a rule failed, or it ran past its budget. */
        public boolean undecided() {
            return expectedOutcome != null && actualOutcome == null;
        }

        public boolean passed() {
            return error == null && decidedAsExpected() && Objects.equals(expectedPath, actualPath);
        }

        private boolean decidedAsExpected() {
            return expectedOutcome == actualOutcome && expectedCodes.equals(actualCodes);
        }

        /**
         * What differs, for a person: outcomes, codes missing or extra, codes in another order, or
         * the expected and the actual path to approval.
         */
        public String explanation() {
            if (error != null) {
                return error;
            }
            String path = Objects.equals(expectedPath, actualPath) ? ""
                    : "path to approval: expected " + expectedPath + ", got " + actualPath;
            if (decidedAsExpected() && !path.isEmpty()) {
                return path;
            }
            StringBuilder text = new StringBuilder();
            text.append("expected ").append(expectedOutcome).append(", got ").append(actualOutcome);
            if (!missing().isEmpty()) {
                text.append("; missing ").append(missing());
            }
            if (!extra().isEmpty()) {
                text.append("; extra ").append(extra());
            }
            if (missing().isEmpty() && extra().isEmpty() && !expectedCodes.equals(actualCodes)) {
                text.append("; codes in another order: expected ").append(expectedCodes).append(", got ").append(actualCodes);
            }
            if (!path.isEmpty()) {
                text.append("; ").append(path);
            }
            return text.toString();
        }

        /** Expected codes the policy did not give (counting repeats). */
        public List<String> missing() {
            return minus(expectedCodes, actualCodes);
        }

        /** Codes the policy gave that the example does not expect (counting repeats). */
        public List<String> extra() {
            return minus(actualCodes, expectedCodes);
        }

        private static List<String> minus(List<String> from, List<String> take) {
            List<String> rest = new ArrayList<>(from);
            take.forEach(rest::remove);
            return rest;
        }
    }

    /**
     * All results and the rule coverage.
     *
     * @param results  one per example file, in file name order
     * @param coverage for every rule of the policy, how many examples fired it, in file and line order
     */
    public record Report(List<ExampleResult> results, Map<PolicyRule, Integer> coverage) {

        public Report {
            results = List.copyOf(results);
            coverage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
        }

        public long passed() {
            return results.stream().filter(ExampleResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }

        /** The rules no example fires. */
        public List<PolicyRule> uncovered() {
            return coverage.entrySet().stream().filter(rule -> rule.getValue() == 0).map(Map.Entry::getKey).toList();
        }

        /** The share of rules that at least one example fires, in percent. */
        public double coveragePercent() {
            return coverage.isEmpty() ? 100.0 : 100.0 * (coverage.size() - uncovered().size()) / coverage.size();
        }
    }

    /**
     * Runs every {@code *.json} example in {@code examples} within the default budget.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static Report run(CompiledPolicy policy, Path examples) throws IOException {
        return run(policy, examples, EvaluationBudget.DEFAULT);
    }

    /**
     * Runs every {@code *.json} example in {@code examples}, each within {@code budget}: an example
     * past it fails.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static Report run(CompiledPolicy policy, Path examples, EvaluationBudget budget) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(examples)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json")
                    && !path.getFileName().toString().startsWith(".")).sorted().toList();
        }
        Map<String, Integer> fired = new LinkedHashMap<>();
        List<ExampleResult> results = new ArrayList<>();
        String ranOut = null;
        for (Path file : files) {
            if (ranOut != null) {
                // One example past the time budget is enough to refuse the policy; the rest would each take as long.
                results.add(new ExampleResult(file.getFileName().toString(), null, null, List.of(), List.of(),
                        "not run: example " + ranOut + " ran past the evaluation budget"));
                continue;
            }
            long start = System.nanoTime();
            ExampleResult result = run(policy, file, budget, fired);
            results.add(result);
            if (result.undecided() && System.nanoTime() - start >= budget.time().toNanos()) {
                ranOut = result.file();
            }
        }
        Map<PolicyRule, Integer> coverage = new LinkedHashMap<>();
        for (PolicyRule rule : policy.rules()) {
            coverage.put(rule, fired.getOrDefault(rule.name(), 0));
        }
        return new Report(results, coverage);
    }

    /** The members of {@code actual} that {@code expected} states, in {@code toClose} too. */
    private static JsonObject given(JsonObject expected, JsonObject actual) {
        JsonObjectBuilder given = JSON.createObjectBuilder();
        for (String name : expected.keySet()) {
            JsonValue value = actual.get(name);
            if (value instanceof JsonObject close && expected.get(name) instanceof JsonObject wanted) {
                value = given(wanted, close);
            }
            if (value != null) {
                given.add(name, value);
            }
        }
        return given.build();
    }

    private static ExampleResult run(CompiledPolicy policy, Path file, EvaluationBudget budget, Map<String, Integer> fired) {
        String name = file.getFileName().toString();
        PolicyExample example;
        try {
            example = PolicyExample.read(StrictJson.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            return new ExampleResult(name, null, null, List.of(), List.of(), "cannot read: " + e.getMessage());
        } catch (InvalidDealException e) {
            return new ExampleResult(name, null, null, List.of(), List.of(), "invalid example: " + e.getMessage());
        }
        Set<String> firedHere = new HashSet<>();
        try {
            Decision decision = policy.decide(example.deal(), "test", Instant.EPOCH, budget, firedHere::add);
            firedHere.forEach(rule -> fired.merge(rule, 1, Integer::sum));
            JsonObject expectedPath = example.pathToApproval();
            if (expectedPath == null) {
                return new ExampleResult(name, example.outcome(), decision.outcome(), example.codes(), decision.codes(), null);
            }
            PathToApproval path = new PathFinder(policy, budget).find(example.deal(), decision);
            JsonObject actualPath = DecisionJson.toJson(decision.withPathToApproval(path)).getJsonObject("pathToApproval");
            return new ExampleResult(name, example.outcome(), decision.outcome(), example.codes(), decision.codes(), null,
                    JsonWriter.canonical(expectedPath), JsonWriter.canonical(given(expectedPath, actualPath)));
        } catch (InvalidDealException e) {
            return new ExampleResult(name, null, null, List.of(), List.of(), "invalid example: " + e.under("/deal").getMessage());
        } catch (EvaluationException e) {
            return new ExampleResult(name, example.outcome(), null, example.codes(), List.of(), e.getMessage());
        }
    }
}
