package dev.dealdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.audit.Replayer;
import dev.dealdesk.cli.CliRunner;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.http.DecisionService;
import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.policy.examples.PolicyTester;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of custom fields (README, "Add a field of your own"): the shipped rules plus a
 * declaration of {@code discountPercent} and {@code paymentTermsDays}, two thresholds and a rule
 * file, all in {@code src/test/resources/custom-fields-example/}. No Java changes between them.
 */
public class CustomFieldsTest {

    public static final Path EXAMPLE = Path.of("src/test/resources/custom-fields-example");

    @TempDir
    Path temp;

    /** The shipped rules with the example's files added: what RevOps has after following the README. */
    public static RulesCopy examplePolicy(Path directory) {
        RulesCopy rules = RulesCopy.of(directory);
        rules.write("thresholds.drl", rules.read("thresholds.drl") + read(EXAMPLE.resolve("thresholds-additions.drl")));
        rules.write(CustomFieldsSchema.FILE, read(EXAMPLE.resolve(CustomFieldsSchema.FILE)));
        rules.write("finance-terms.drl", read(EXAMPLE.resolve("finance-terms.drl")));
        return rules;
    }

    @Test
    void examplePolicy_passesItsOwnGoldenExamples_andEveryShippedOne() throws Exception {
        CompiledPolicy policy = CompiledPolicy.compile(PolicySource.read(examplePolicy(temp).directory()));

        PolicyTester.Report own = PolicyTester.run(policy, EXAMPLE.resolve("examples"));
        assertEquals(6, own.results().size());
        assertEquals(List.of(), own.results().stream().filter(result -> !result.passed()).map(PolicyTester.ExampleResult::explanation).toList());
        PolicyTester.Report shipped = PolicyTester.run(policy, Path.of("policy-examples"));
        assertEquals(0, shipped.failed(), "a policy that only adds custom-field rules keeps every shipped decision");
    }

    @Test
    void conditionsCompareCustomNumbersByValue_andConsequencesReadThemTyped() throws Exception {
        try (DealDesk engine = TestEngines.fixedEngine(examplePolicy(temp).directory())) {
            Decision flagged = engine.evaluate(land("{\"discountPercent\": 25.5, \"paymentTermsDays\": 61}"));
            assertEquals(Outcome.FLAG, flagged.outcome());
            assertEquals(List.of("finance.land-discount", "finance.payment-terms", "ownership.model"), flagged.codes());
            assertEquals("The land is discounted 25.5% off list, over the 25% a land may take without Finance",
                    flagged.findings().get(0).message());
            assertEquals("Payment terms are net 61 days, over the net 60 Finance allows without approval",
                    flagged.findings().get(1).message());

            // An integer written as 25.0 is the number 25, as with every amount.
            Decision atThreshold = engine.evaluate(land("{\"discountPercent\": 25, \"paymentTermsDays\": 60.0}"));
            assertEquals(List.of("ownership.model"), atThreshold.codes());
        }
    }

    @Test
    void badCustomValues_areRefusedWithTheirPathAndWhatWasExpected() throws Exception {
        try (DealDesk engine = TestEngines.fixedEngine(examplePolicy(temp).directory())) {
            assertRefused(engine, "{\"discountPercnt\": 30}", "/custom/discountPercnt",
                    "unknown field; expected one of discountPercent, paymentTermsDays");
            assertRefused(engine, "{\"discountPercent\": 130}", "/custom/discountPercent",
                    "expected a number >= 0 and <= 100, got 130");
            assertRefused(engine, "{\"paymentTermsDays\": \"30\"}", "/custom/paymentTermsDays",
                    "expected an integer >= 0, got the string \"30\"");
            assertRefused(engine, "{\"paymentTermsDays\": 30.5}", "/custom/paymentTermsDays",
                    "expected an integer >= 0, got 30.5");
            assertRefused(engine, "{\"discountPercent\": {\"value\": 3}}", "/custom/discountPercent",
                    "expected a number >= 0 and <= 100, got an object");
            // That custom is an object at all is the deal schema's to check, when the deal is read.
            InvalidDealException notAnObject = assertThrows(InvalidDealException.class,
                    () -> DealJson.read(TestDeals.cleanLand().set("/custom", TestDeals.parse("[1]")).json()));
            assertEquals("/custom: expected an object, got an array", notAnObject.getMessage());

            InvalidDealException java = assertThrows(InvalidDealException.class,
                    () -> engine.evaluate(Deal.builder().dealId("J").asOf(TestDeals.cleanLand().deal().asOf())
                            .motion(dev.dealdesk.facts.Motion.LAND).stage(dev.dealdesk.facts.Stage.PROPOSAL)
                            .segment(dev.dealdesk.facts.Segment.SMB).acv(20_000)
                            .seller(new dev.dealdesk.facts.Seller(1_000_000))
                            .contract(new dev.dealdesk.facts.Contract(dev.dealdesk.facts.PricingModel.PER_SEAT, 12, true, null))
                            .custom("discountPercent", List.of(30)).build()));
            assertEquals("/custom/discountPercent", java.path());
        }
        // The shipped policy declares no custom fields: a deal that sends one is told so.
        assertRefused(TestEngines.shipped(), "{\"discountPercent\": 30}", "/custom/discountPercent",
                "unknown field; the policy declares no custom fields (rules/custom-fields.schema.json)");
    }

    @Test
    void theDeclarationIsPartOfThePolicy_itsVersionChangesWhenOnlyTheSchemaDoes() throws Exception {
        RulesCopy rules = examplePolicy(temp);
        PolicySource before = PolicySource.read(rules.directory());
        assertTrue(before.manifest().contains("  " + CustomFieldsSchema.FILE + "\n"), before.manifest());
        rules.replace(CustomFieldsSchema.FILE, "\"minimum\": 0,\n      \"maximum\": 100", "\"minimum\": 0,\n      \"maximum\": 90");
        PolicySource after = PolicySource.read(rules.directory());
        assertNotEquals(before.version(), after.version());

        try (DealDesk engine = TestEngines.fixedEngine(rules.directory())) {
            assertRefused(engine, "{\"discountPercent\": 95}", "/custom/discountPercent",
                    "expected a number >= 0 and <= 90, got 95");
        }
    }

    @Test
    void aReloadTakesANewDeclaration_andTheDealSchemaShowsTheLiveOne() throws Exception {
        RulesCopy rules = examplePolicy(temp);
        try (DealDesk engine = TestEngines.fixedEngine(rules.directory())) {
            assertEquals(List.of("discountPercent", "paymentTermsDays"), engine.dealSchema().properties("/custom"));
            assertEquals(List.of(), TestEngines.shipped().dealSchema().properties("/custom"));
            String before = engine.policy().version();

            rules.replace(CustomFieldsSchema.FILE, "\"minimum\": 0,\n      \"maximum\": 100", "\"minimum\": 0,\n      \"maximum\": 50");
            assertTrue(engine.reload().succeeded(), "the reload is taken");
            assertNotEquals(before, engine.policy().version());
            assertEquals("integer", engine.dealSchema().type("/custom/paymentTermsDays"));
            assertRefused(engine, "{\"discountPercent\": 60}", "/custom/discountPercent", "expected a number >= 0 and <= 50, got 60");
        }
    }

    @Test
    void aRuleNamingAFieldTheDealDoesNotHave_isALintErrorAtItsColumn() throws Exception {
        RulesCopy rules = examplePolicy(temp);
        rules.replace("finance-terms.drl", "custom.discountPercent > maxDiscountWithoutApproval()",
                "custom.discountPercnt > maxDiscountWithoutApproval()");
        rules.replace("growth-contract.drl", "contract.expansionByAddOn != true", "contract.expansionByAddon != true");
        rules.replace("finance-terms.drl", "$deal.customInteger(\"paymentTermsDays\") + \" days",
                "$deal.customText(\"paymentTermsDays\") + \" days");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> CompiledPolicy.compile(PolicySource.read(rules.directory())));

        List<String> problems = refused.problems().stream().map(PolicyProblem::toString).toList();
        assertTrue(problems.contains(located(rules, "finance-terms.drl", "discountPercnt", 0) + ": error: the deal has no custom field"
                + " discountPercnt; the policy declares discountPercent, paymentTermsDays (rules/custom-fields.schema.json)"), problems.toString());
        assertTrue(problems.contains(located(rules, "growth-contract.drl", "expansionByAddon", 0) + ": error: contract has no field"
                + " expansionByAddon; its fields are pricingModel, termMonths, expansionByAddOn, usageSpendAlerts"), problems.toString());
        assertTrue(problems.contains(located(rules, "finance-terms.drl", "customText", 0) + ": error: customText reads a string"
                + " field, but custom field paymentTermsDays is a integer"), problems.toString());
    }

    @Test
    void aDeclarationOutsideWhatRulesCanRead_isRefusedNamingTheFileAndPlace() throws Exception {
        RulesCopy rules = examplePolicy(temp);
        rules.replace(CustomFieldsSchema.FILE, "\"type\": \"integer\",", "\"type\": \"object\",");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> CompiledPolicy.compile(PolicySource.read(rules.directory())));
        assertEquals(List.of("custom-fields.schema.json: error: schema /properties/paymentTermsDays/minimum: \"minimum\""
                + " does not apply to type object"), refused.problems().stream().map(PolicyProblem::toString).toList());

        rules.write(CustomFieldsSchema.FILE, read(EXAMPLE.resolve(CustomFieldsSchema.FILE)).replace("\"additionalProperties\": false,", ""));
        refused = assertThrows(PolicyLoadException.class, () -> CompiledPolicy.compile(PolicySource.read(rules.directory())));
        assertTrue(refused.problems().get(0).message().contains("\"additionalProperties\": false"), refused.getMessage());
    }

    @Test
    void commandLine_decidesCustomFields_namesABadOneAtItsPlaceInTheBatch_andValidateLocatesAMisspeltOne() throws Exception {
        RulesCopy rules = examplePolicy(Files.createDirectory(temp.resolve("rules")));
        String good = TestDeals.cleanLand().set("/custom", TestDeals.parse("{\"discountPercent\": 30}")).json();
        String bad = TestDeals.cleanLand().set("/custom", TestDeals.parse("{\"discountPercent\": -1}")).json();
        Path batch = Files.writeString(temp.resolve("batch.json"), "[" + good + "," + bad + "]");

        CliRunner.Result run = CliRunner.run("", "evaluate", "--rules", rules.directory().toString(), "--format", "json",
                batch.toString());
        assertEquals(2, run.lines().size(), run.out() + run.err());
        assertEquals("FLAG", run.line(0).getString("outcome"));
        assertEquals("finance.land-discount", run.line(0).getJsonArray("findings").getJsonObject(0).getString("code"));
        assertEquals("/1/custom/discountPercent", run.line(1).getJsonObject("error").getString("path"));
        assertEquals("expected a number >= 0 and <= 100, got -1", run.line(1).getJsonObject("error").getString("message"));

        rules.replace("finance-terms.drl", "custom.paymentTermsDays > maxPaymentTermsDays()",
                "custom.paymentTermDays > maxPaymentTermsDays()");
        CliRunner.Result validate = CliRunner.run("", "validate", "--rules", rules.directory().toString(), "--examples",
                EXAMPLE.resolve("examples").toString());
        assertEquals(1, validate.status(), validate.out() + validate.err());
        assertTrue(validate.out().contains(located(rules, "finance-terms.drl", "paymentTermDays", 0)
                + ": error: the deal has no custom field paymentTermDays; the policy declares discountPercent,"
                + " paymentTermsDays (rules/custom-fields.schema.json)"), validate.out());
    }

    @Test
    void replay_decidesCustomFieldsUnderThePinnedDeclaration_afterTheLiveOneChanged() throws Exception {
        RulesCopy rules = examplePolicy(Files.createDirectory(temp.resolve("rules")));
        Path log = Files.createDirectory(temp.resolve("audit")).resolve("log.jsonl");
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).audit(log).build()) {
            assertEquals(Outcome.FLAG, engine.evaluate(land("{\"discountPercent\": 95}")).outcome());
        }
        // The live declaration no longer takes 95, and the rule is gone: the logged decision still replays.
        rules.replace(CustomFieldsSchema.FILE, "\"maximum\": 100", "\"maximum\": 90");
        rules.delete("finance-terms.drl");

        Replayer.Report report = Replayer.replay(log, record -> true);
        assertEquals(List.of(), report.divergences());
        assertEquals(1, report.matched());
    }

    @Test
    void service_decidesAndRefusesCustomFieldsAtTheirPlace_andDescribesTheLiveDeclaration() throws Exception {
        try (DealDesk engine = TestEngines.fixedEngine(examplePolicy(temp).directory())) {
            DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults());
            try {
                String base = "http://127.0.0.1:" + service.address().getPort();
                String good = TestDeals.cleanLand().set("/custom", TestDeals.parse("{\"paymentTermsDays\": 90}")).json();
                String bad = TestDeals.cleanLand().set("/custom", TestDeals.parse("{\"paymentTermsDays\": 9.5}")).json();
                JsonArray batch = Json.createReader(new StringReader(post(base + "/v1/decisions/batch", "[" + good + "," + bad + "]")
                        .body())).readArray();
                assertEquals("FLAG", batch.getJsonObject(0).getString("outcome"));
                assertEquals("/1/custom/paymentTermsDays", batch.getJsonObject(1).getJsonObject("error").getString("path"));

                HttpResponse<String> single = post(base + "/v1/decisions", bad);
                assertEquals(400, single.statusCode());
                assertTrue(single.body().contains("\"path\":\"/custom/paymentTermsDays\""), single.body());

                JsonObject custom = Json.createReader(new StringReader(get(base + "/v1/schema/deal.json")))
                        .readObject().getJsonObject("properties").getJsonObject("custom");
                assertEquals(List.of("discountPercent", "paymentTermsDays"), List.copyOf(custom.getJsonObject("properties").keySet()));
                String openApi = get(base + "/v1/openapi.json");
                assertTrue(openApi.contains("\"discountPercent\":{\"description\":\"Discount off list price, in percent.\""
                        + ",\"type\":\"number\",\"minimum\":0,\"maximum\":100}"), openApi);
            } finally {
                service.close();
            }
        }
        CliRunner.Result printed = CliRunner.run("", "schema", "--rules", temp.toString(), "--deal");
        assertEquals(0, printed.status(), printed.err());
        assertTrue(printed.out().contains("\"paymentTermsDays\":{\"description\":\"Net payment terms in days: net 30 is 30.\""),
                printed.out());
    }

    private static HttpResponse<String> post(String uri, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Deal land(String custom) {
        return TestDeals.cleanLand().set("/custom", TestDeals.parse(custom)).deal();
    }

    private static void assertRefused(DealDesk engine, String custom, String path, String problem) {
        Deal read = DealJson.read(TestDeals.cleanLand().set("/custom", TestDeals.parse(custom)).json());
        InvalidDealException refused = assertThrows(InvalidDealException.class, () -> engine.evaluate(read));
        assertEquals(path + ": " + problem, refused.getMessage());
    }

    /** {@code file:line:column} of the first occurrence of {@code text} after {@code from} in a rules file. */
    private static String located(RulesCopy rules, String file, String text, int from) {
        String content = rules.read(file);
        int at = content.indexOf(text, from);
        assertTrue(at >= 0, file + " has no " + text);
        int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - content.lastIndexOf('\n', at - 1);
        return file + ":" + line + ":" + column;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
