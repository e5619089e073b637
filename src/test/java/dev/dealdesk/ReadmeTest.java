package dev.dealdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.cli.CliRunner;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.ExpansionTarget;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.ValueProof;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples are true: its code runs, its outputs are what the product prints. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void librarySnippet_isTheCodeThisTestRuns_andPrintsWhatTheReadmeSays() throws Exception {
        String readme = read(README);
        String snippet = block(readme, "## Use it as a library", "```java");
        String source = read(Path.of("src/test/java/dev/dealdesk/ReadmeTest.java"));
        String marked = source.substring(source.lastIndexOf("// README snippet begin\n") + 24, source.lastIndexOf("// README snippet end"));
        assertEquals(statements(snippet), statements(marked));

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // README snippet begin
            DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build();
            Deal deal = Deal.builder()
                    .dealId("D-7").asOf(LocalDate.of(2026, 11, 23))
                    .motion(Motion.LAND).stage(Stage.PROPOSAL).segment(Segment.MID_MARKET).acv(60_000)
                    .seller(Seller.builder().arr(25_000_000).build())
                    .valueProof(ValueProof.builder().workflow("Ticket triage").metric("First-response hours")
                            .baseline(18.0).target(4.0).windowDays(120).reachesProduction(true).champion("Dana Ruiz").build())
                    .addExpansionTarget(ExpansionTarget.builder().team("IT").targetQuarter(new Quarter(2027, 1)).build())
                    .contract(Contract.builder().pricingModel(PricingModel.PER_SEAT).termMonths(12).build())
                    .build();
            Decision decision = engine.evaluate(deal);
            System.out.println(decision.outcome() + " " + decision.codes());
            // README snippet end
        } finally {
            System.setOut(stdout);
        }
        assertEquals(block(readme, "It prints the outcome and every finding code", "```"), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quickStartOutput_isWhatEvaluatePrints() throws Exception {
        String readme = read(README);
        String documented = block(readme, "The first command prints", "```");
        String command = block(readme, "## Quick start", "```").strip();
        assertTrue(command.startsWith("./dealdesk "), command);
        String[] args = command.substring("./dealdesk ".length()).split(" ");
        CliRunner.Result run = CliRunner.run("", args);
        assertEquals(0, run.status(), run.err());
        assertEquals(withoutDecisionId(documented), withoutDecisionId(run.out().strip() + "\n"));
    }

    @Test
    void errorExample_isWhatEvaluatePrints() throws Exception {
        Matcher example = Pattern.compile("\\$ printf '%s\\\\n' '(.*)' \\| ./dealdesk evaluate -\n(.*)\n").matcher(read(README));
        assertTrue(example.find(), "README has no stdin error example");
        CliRunner.Result run = CliRunner.run(example.group(1) + "\n", "evaluate", "-");
        assertEquals(2, run.status());
        assertEquals(example.group(2) + "\n", run.out());
    }

    @Test
    void thresholdExample_theReadmeEditChangesTheDecisionOfADealInsideTheNewWindow(@TempDir Path temp) throws Exception {
        String edit = block(read(README), "### Change a threshold", "```").strip();
        String signature = edit.substring(0, edit.indexOf('{') + 1);
        RulesCopy rules = RulesCopy.of(temp);
        String shipped = rules.read("thresholds.drl").lines().filter(line -> line.startsWith(signature)).findFirst()
                .orElseThrow(() -> new AssertionError("thresholds.drl has no line starting: " + signature));
        assertNotEquals(shipped, edit, "the README's edit is already the shipped policy");
        rules.replace("thresholds.drl", shipped, edit);

        Deal hundredDays = TestDeals.cleanLand().set("/valueProof/windowDays", 100).deal();
        Decision before = TestEngines.shipped().evaluate(hundredDays);
        assertEquals(Outcome.FLAG, before.outcome());
        assertEquals(List.of("value-proof.window", "ownership.model"), before.codes());
        try (DealDesk edited = TestEngines.fixedEngine(rules.directory())) {
            Decision after = edited.evaluate(hundredDays);
            assertEquals(Outcome.APPROVE, after.outcome());
            assertEquals(List.of("ownership.model"), after.codes());
            assertNotEquals(before.policy().version(), after.policy().version(), "the policy version changes");
        }
    }

    @Test
    void customFieldsWalkThrough_isTheTestedExamplePolicy_andItsErrorsAreWhatTheEngineSays(@TempDir Path temp) throws Exception {
        String readme = read(README);
        String section = readme.substring(readme.indexOf("### Add a field of your own"), readme.indexOf("### Anatomy of a rule"));
        Path example = CustomFieldsTest.EXAMPLE;
        assertEquals(read(example.resolve("custom-fields.schema.json")), block(section, "1. Declare the fields", "```json"));
        assertEquals(read(example.resolve("thresholds-additions.drl")).stripLeading(), block(section, "2. Name each limit", "```"));
        assertEquals(read(example.resolve("finance-terms.drl")), block(section, "3. Write the rules", "```"));

        List<String> errors = block(section, "gets no decision", "```").lines().toList();
        assertEquals(2, errors.size(), errors.toString());
        try (DealDesk engine = TestEngines.fixedEngine(CustomFieldsTest.examplePolicy(temp).directory())) {
            for (String error : errors) {
                String field = error.substring("/custom/".length(), error.indexOf(':'));
                String value = field.equals("discountPercent") ? "130" : "30";
                Deal deal = TestDeals.cleanLand().set("/custom", TestDeals.parse("{\"" + field + "\": " + value + "}")).deal();
                InvalidDealException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidDealException.class,
                        () -> engine.evaluate(deal));
                assertEquals(error, refused.getMessage());
            }
        }
    }

    @Test
    void serviceCurlExamples_workAgainstARunningService() throws Exception {
        String readme = read(README);
        List<String> curls = readme.lines().filter(line -> line.startsWith("curl -s ")).toList();
        assertEquals(5, curls.size(), curls.toString());
        try (DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build()) {
            dev.dealdesk.http.DecisionService service = dev.dealdesk.http.DecisionService.start(engine,
                    dev.dealdesk.http.DecisionService.Options.defaults());
            try {
                String port = String.valueOf(service.address().getPort());
                String[] outputs = new String[curls.size()];
                for (int i = 0; i < curls.size(); i++) {
                    Process curl = new ProcessBuilder("bash", "-c", curls.get(i).replace("127.0.0.1:8080", "127.0.0.1:" + port))
                            .redirectErrorStream(true).start();
                    outputs[i] = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertEquals(0, curl.waitFor(), outputs[i]);
                }
                assertTrue(outputs[0].contains("\"outcome\":\"REJECT\"") && outputs[0].contains("contract.flat-fee-multi-year"),
                        outputs[0]);
                assertTrue(outputs[1].startsWith("[{\"error\":{\"path\":\"/0/asOf\""), outputs[1]);
                assertTrue(outputs[2].contains("\"version\":\"" + engine.policy().version() + "\""), outputs[2]);
                assertTrue(outputs[2].contains("\"watcher\":{\"state\":\"OFF\",\"reason\":null}"), outputs[2]);
                assertTrue(outputs[3].contains("dealdesk_decisions_total{outcome=\"REJECT\"} 1"), outputs[3]);
                assertTrue(outputs[4].contains("\"compiles\":true") && outputs[4].contains("\"whatIf\":null"), outputs[4]);
            } finally {
                service.close();
            }
        }
    }

    /** The code's lines without indentation or blank lines, so the README and this file may indent differently. */
    private static String statements(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String withoutDecisionId(String text) {
        return text.replaceAll("decision [0-9a-f-]{36}", "decision <id>");
    }

    /** The body of the first fenced block that opens with {@code fence} after {@code heading}. */
    private static String block(String text, String heading, String fence) {
        int from = text.indexOf(heading);
        assertTrue(from >= 0, "README has no " + heading);
        int open = text.indexOf(fence + "\n", from);
        int start = open + fence.length() + 1;
        int end = text.indexOf("```\n", start);
        return text.substring(start, end);
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
