package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.audit.WhatIfJson;
import dev.dealdesk.http.DecisionService;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.policy.examples.PolicyExample;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbench's endpoints over real HTTP, behind a token, on an audit log of the golden examples'
 * decisions: what each answers, checked against the engine, the audit log and what-if themselves,
 * and the problem each bad input gets.
 */
class WorkbenchServiceTest {

    private static final String TOKEN = "s3cret";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static Path folder;
    private static Path log;
    private static DealDesk engine;
    private static DecisionService service;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("dealdesk-workbench-test");
        log = folder.resolve("log.jsonl");
        Files.writeString(folder.resolve("token"), TOKEN + "\n");
        engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build();
        try (Stream<Path> examples = Files.list(Path.of("policy-examples"))) {
            for (Path example : examples.sorted().toList()) {
                engine.evaluate(PolicyExample.read(StrictJson.parse(Files.readAllBytes(example))).deal());
            }
        }
        service = DecisionService.start(engine, new DecisionService.Options("127.0.0.1", 0, folder.resolve("token"), 1 << 20, 2,
                Duration.ofSeconds(5)), Path.of("policy-examples"));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        engine.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.address().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind, String path) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(response);
        assertEquals("https://dealdesk.dev/problems/" + kind, problem.getString("type"), response.body());
        assertEquals(path, problem.getString("path", null), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void policy_listsEveryRuleWithItsMetadata_andCountsTheLoggedDecisionsItFiredIn() throws Exception {
        JsonObject overview = json(get("/v1/workbench/policy"));
        CompiledPolicy live = engine.livePolicy();
        Map<String, Long> expected = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            Set<String> rules = new HashSet<>();
            AuditRecord.parse(line).decision().getJsonArray("findings")
                    .forEach(finding -> rules.add(finding.asJsonObject().getString("rule")));
            rules.forEach(rule -> expected.merge(rule, 1L, Long::sum));
        }
        int rules = 0;
        for (JsonValue file : overview.getJsonArray("files")) {
            for (JsonValue value : file.asJsonObject().getJsonArray("rules")) {
                JsonObject rule = value.asJsonObject();
                rules++;
                assertEquals(expected.getOrDefault(rule.getString("name"), 0L), rule.getJsonNumber("firedIn").longValue(), rule.toString());
                assertEquals(file.asJsonObject().getString("file"), rule.getString("file"));
            }
        }
        assertEquals(live.rules().size(), rules);
        assertEquals(live.rules().size(), overview.getInt("ruleCount"));
        JsonObject belowMinimum = overview.getJsonArray("files").stream().flatMap(file -> file.asJsonObject().getJsonArray("rules").stream())
                .map(JsonValue::asJsonObject).filter(rule -> rule.getString("code").equals("land.below-minimum")).findFirst().orElseThrow();
        assertEquals("REJECT", belowMinimum.getString("severity"));
        assertEquals("DEAL_DESK", belowMinimum.getString("approver"));
        assertEquals(List.of("failure:land-too-small"), belowMinimum.getJsonArray("concerns").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject smb = overview.getJsonObject("thresholds").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(threshold -> threshold.getString("name").equals("minimumLandAcvSmb")).findFirst().orElseThrow();
        assertEquals("15_000", smb.getString("value"));
        assertEquals("double", smb.getString("type"));
        assertEquals("Minimum viable land ACV in US dollars, by customer segment.", smb.getString("comment"));
        assertEquals(engine.policy().version(), overview.getJsonObject("status").getString("version"));
        assertEquals(Files.readAllLines(log).size(), overview.getJsonObject("log").getInt("records"));
    }

    @Test
    void aDraft_isDecidedOverTheLogExactlyAsWhatIfDecidesIt_andTheLivePolicyStaysAsItWas() throws Exception {
        String liveVersion = engine.policy().version();
        HttpResponse<String> response = post("/v1/workbench/drafts", "{\"thresholds\": {\"minimumLandAcvSmb\": 4000,"
                + " \"flatFeeMaxTermMonths\": \"36\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject draft = json(response);
        assertTrue(draft.getBoolean("compiles"));

        Path candidate = Files.createDirectory(folder.resolve("candidate"));
        for (PolicySource.RuleFile file : engine.livePolicy().source().files()) {
            Files.writeString(candidate.resolve(file.path()), file.text()
                    .replace("minimumLandAcvSmb() { return 15_000; }", "minimumLandAcvSmb() { return 4_000; }")
                    .replace("flatFeeMaxTermMonths() { return 12; }", "flatFeeMaxTermMonths() { return 36; }"));
        }
        CompiledPolicy compiled = CompiledPolicy.compile(PolicySource.read(candidate));
        JsonObject expected = WhatIfJson.of(WhatIf.run(log, compiled), compiled.version().version());
        JsonObject whatIf = draft.getJsonObject("whatIf");
        for (String member : List.of("candidate", "decisions", "transitions", "bySegment", "codesGained", "codesLost", "changes", "flips")) {
            assertEquals(JsonWriter.text(expected.get(member)), JsonWriter.text(whatIf.get(member)), member);
        }
        assertFalse(whatIf.getJsonArray("flips").isEmpty());
        assertEquals(expected.getJsonArray("changes").size(), whatIf.getInt("changeCount"));
        assertEquals(compiled.version().version(), draft.getString("version"));
        JsonObject examples = draft.getJsonObject("examples");
        assertTrue(examples.getInt("failed") > 0, "the examples expect the shipped thresholds: " + examples);
        assertEquals(1, draft.getJsonArray("files").size());
        assertEquals("edited", draft.getJsonArray("files").getJsonObject(0).getString("change"));
        assertTrue(draft.getJsonArray("files").getJsonObject(0).getString("text").contains("minimumLandAcvSmb() { return 4_000; }"));

        assertEquals(liveVersion, engine.policy().version());
        assertEquals(liveVersion, PolicySource.read(TestEngines.SHIPPED_RULES).version().version());
    }

    @Test
    void aDraftThatDoesNotCompile_namesEachProblemAtItsFileLineAndColumn() throws Exception {
        String text = Files.readString(TestEngines.SHIPPED_RULES.resolve("thresholds.drl"));
        int line = Thresholds.read(text).stream()
                .filter(threshold -> threshold.name().equals("flatFeeMaxTermMonths")).findFirst().orElseThrow().line();
        String written = text.split("\n")[line - 1];
        JsonObject draft = json(post("/v1/workbench/drafts", "{\"thresholds\": {\"flatFeeMaxTermMonths\": 12.5}}"));
        assertFalse(draft.getBoolean("compiles"), draft.toString());
        JsonObject problem = draft.getJsonArray("problems").getJsonObject(0);
        assertEquals("thresholds.drl", problem.getString("file"), draft.toString());
        assertEquals(line, problem.getInt("line"), draft.toString());
        // The compiler places it by line only; the column is where the draft's value starts.
        int column = written.indexOf("return ") + "return ".length() + 1;
        assertEquals(column, problem.getInt("column"), draft.toString());
        assertTrue(problem.getString("text").startsWith("thresholds.drl:" + line + ":" + column + ": error: "), problem.toString());
        assertFalse(draft.containsKey("whatIf"));
    }

    @Test
    void aDraft_mayAddARuleFile() throws Exception {
        String rule = """
                package dealdesk.policy;
                import dev.dealdesk.facts.Deal;
                import dev.dealdesk.facts.Motion;
                global dev.dealdesk.policy.Findings findings;
                rule "Every renewal is looked at"
                    @code("renewal.review") @concerns("mechanic:growth-contract") @severity("FLAG") @approver("FINANCE")
                when
                    $deal : Deal(motion == Motion.RENEWAL)
                then
                    findings.add(kcontext, "A renewal", "Ask Finance", "motion", "RENEWAL");
                end
                """;
        JsonObject draft = json(post("/v1/workbench/drafts", Json.createObjectBuilder().add("files", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "renewal-review.drl").add("text", rule))).build().toString()));
        assertTrue(draft.getBoolean("compiles"), draft.toString());
        assertEquals("added", draft.getJsonArray("files").getJsonObject(0).getString("change"));
        assertTrue(draft.getJsonObject("whatIf").getJsonObject("codesGained").containsKey("renewal.review"), draft.toString());
    }

    @Test
    void badDrafts_areProblemsNamingWhatIsWrong() throws Exception {
        assertProblem(post("/v1/workbench/drafts", "{\"thresholds\": {\"minimumLandAcvSmb\": \"ten\"}}"), 400, "invalid-draft",
                "/thresholds/minimumLandAcvSmb");
        assertProblem(post("/v1/workbench/drafts", "{\"thresholds\": {\"noSuchThreshold\": 1}}"), 400, "invalid-draft",
                "/thresholds/noSuchThreshold");
        assertProblem(post("/v1/workbench/drafts", "{\"thresholds\": {\"minimumLandAcvSmb\": true}}"), 400, "invalid-draft",
                "/thresholds/minimumLandAcvSmb");
        for (String name : List.of("../escape.drl", "sub/file.drl", ".hidden.drl", "notes.txt", "")) {
            assertProblem(post("/v1/workbench/drafts", Json.createObjectBuilder().add("files", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", name).add("text", ""))).build().toString()), 400, "invalid-draft",
                    "/files/0/name");
        }
        assertProblem(post("/v1/workbench/drafts", "{\"files\": [{\"name\": \"a.drl\"}]}"), 400, "invalid-draft", "/files/0/text");
        assertProblem(post("/v1/workbench/drafts", "{\"thresholds\": {}, \"live\": true}"), 400, "invalid-draft", "/live");
        assertProblem(post("/v1/workbench/drafts", "{\"thresholds\": "), 400, "invalid-draft", "");
        assertProblem(post("/v1/workbench/drafts?force=true", "{}"), 400, "invalid-query", null);
        assertProblem(send("POST", "/v1/workbench/drafts", "{}", "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain"),
                415, "unsupported-media-type", null);
        assertProblem(get("/v1/workbench/drafts"), 405, "method-not-allowed", null);
    }

    @Test
    void decisions_areSearchedByDealIdOutcomeAndDate() throws Exception {
        JsonObject found = json(get("/v1/workbench/decisions?dealId=gold-seed&outcome=REJECT&limit=500"));
        assertTrue(found.getInt("total") > 0, found.toString());
        for (JsonValue value : found.getJsonArray("decisions")) {
            assertTrue(value.asJsonObject().getString("dealId").startsWith("GOLD-SEED"), value.toString());
            assertEquals("REJECT", value.asJsonObject().getString("outcome"));
        }
        assertEquals(0, json(get("/v1/workbench/decisions?to=2000-01-01")).getInt("total"));
        assertEquals(Files.readAllLines(log).size(), json(get("/v1/workbench/decisions?from=2000-01-01&limit=1")).getInt("total"));
        assertProblem(get("/v1/workbench/decisions?outcome=MAYBE"), 400, "invalid-query", null);
        assertProblem(get("/v1/workbench/decisions?from=yesterday"), 400, "invalid-query", null);
        HttpResponse<String> backwards = get("/v1/workbench/decisions?from=2026-12-02&to=2026-12-01");
        assertProblem(backwards, 400, "invalid-query", null);
        assertTrue(backwards.body().contains("from 2026-12-02 is after to 2026-12-01"), backwards.body());
        assertProblem(get("/v1/workbench/decisions?limit=0"), 400, "invalid-query", null);
        assertProblem(get("/v1/workbench/decisions?deal=x"), 400, "invalid-query", null);
        assertProblem(get("/v1/workbench/decisions?outcome=FLAG&outcome=REJECT"), 400, "invalid-query", null);
    }

    @Test
    void aReceipt_isVerifiedWhereItStands_andReplaysUnderItsPinnedPolicy() throws Exception {
        String decisionId = AuditRecord.parse(Files.readAllLines(log).get(4)).decisionId();
        JsonObject receipt = json(get("/v1/workbench/decisions/" + decisionId));
        assertTrue(receipt.getBoolean("verified"), receipt.toString());
        assertEquals(5, receipt.getInt("line"));
        assertEquals(List.of("record", "hash", "previous", "next", "policy"), receipt.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name")).toList());
        assertEquals(decisionId, receipt.getJsonObject("receipt").getString("decisionId"));

        JsonObject replay = json(post("/v1/workbench/decisions/" + decisionId + "/replay", "{}"));
        assertTrue(replay.getBoolean("matched"), replay.toString());
        assertEquals(replay.getString("recorded"), replay.getString("replayed"));

        assertProblem(get("/v1/workbench/decisions/no-such-decision"), 404, "not-found", null);
        assertProblem(post("/v1/workbench/decisions/" + decisionId + "/replay", "{\"policy\": \"other\"}"), 400, "invalid-request", "");
        assertProblem(post("/v1/workbench/decisions/no-such-decision/replay", "{}"), 404, "not-found", null);
        assertTrue(json(get("/v1/workbench/log/verification")).getBoolean("intact"));
    }

    @Test
    void anEditedRecord_failsItsHashCheck_andOneRewrittenWithANewHash_breaksTheChainBothWays() throws Exception {
        List<String> lines = Files.readAllLines(log);
        AuditRecord victim = AuditRecord.parse(lines.get(2));
        String next = AuditRecord.parse(lines.get(3)).decisionId();

        Decisions edited = beside(lines, 2, lines.get(2).replace("\"dealId\":\"", "\"dealId\":\"EDITED-"), "edited");
        JsonObject receipt = edited.receipt(victim.decisionId());
        assertFalse(receipt.getBoolean("verified"), receipt.toString());
        assertEquals(List.of(true, false, true, true, true), passed(receipt));

        JsonObject deal = Json.createObjectBuilder(victim.deal()).add("acv", 1).build();
        AuditRecord unsigned = new AuditRecord(victim.decisionId(), victim.evaluatedAt(), deal, victim.decision(), victim.policy(),
                victim.engine(), victim.previousHash(), "");
        AuditRecord forged = new AuditRecord(victim.decisionId(), victim.evaluatedAt(), deal, victim.decision(), victim.policy(),
                victim.engine(), victim.previousHash(), unsigned.computedHash());
        Decisions rewritten = beside(lines, 2, forged.line(), "rewritten");
        assertEquals(List.of(true, true, true, false, true), passed(rewritten.receipt(victim.decisionId())));
        assertEquals(List.of(true, true, false, true, true), passed(rewritten.receipt(next)));
    }

    /** Decisions over a copy of the log with line {@code index} replaced, its pinned policies beside it. */
    private static Decisions beside(List<String> lines, int index, String replacement, String name) throws Exception {
        Path copy = Files.createDirectories(folder.resolve(name)).resolve("log.jsonl");
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(index, replacement);
        Files.write(copy, changed);
        try (Stream<Path> pinned = Files.walk(folder.resolve("policies"))) {
            for (Path path : pinned.toList()) {
                Files.copy(path, copy.getParent().resolve(folder.relativize(path).toString()));
            }
        }
        return new Decisions(copy, new LogIndex(copy));
    }

    private static List<Boolean> passed(JsonObject receipt) {
        return receipt.getJsonArray("checks").stream().map(check -> check.asJsonObject().getBoolean("passed")).toList();
    }

    @Test
    void theToken_guardsEveryPageAndEndpoint_andSigningInStartsASessionThatSigningOutEnds() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);
        assertEquals(401, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("action=\"/workbench/sign-in\""), page.body());
        assertEquals(401, send("GET", "/workbench/app.js", null).statusCode());
        assertProblem(send("GET", "/v1/workbench/policy", null), 401, "unauthorized", null);
        assertProblem(send("POST", "/v1/workbench/drafts", "{}", "Content-Type", "application/json"), 401, "unauthorized", null);

        HttpResponse<String> wrong = send("POST", "/workbench/sign-in", "token=guess", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("not the service's token"), wrong.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> signedIn = send("POST", "/workbench/sign-in", "token=" + TOKEN, "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, signedIn.statusCode());
        assertEquals("/", signedIn.headers().firstValue("Location").orElse(""));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertFalse(cookie.contains(TOKEN) || cookie.contains(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))), "the cookie holds a session id, not the token: " + cookie);
        assertEquals(200, send("GET", "/", null, "Cookie", session).statusCode());
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", session).statusCode());
        assertEquals(200, send("GET", "/v1/policy", null, "Cookie", session).statusCode());
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", session + "x").statusCode());
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", "dealdesk_session="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))).statusCode());

        // A change the cookie authorises comes only from the service's own pages.
        String origin = "http://127.0.0.1:" + service.address().getPort();
        String draft = "{\"thresholds\": {}}";
        assertEquals(200, send("POST", "/v1/workbench/drafts", draft, "Cookie", session, "Origin", origin,
                "Content-Type", "application/json").statusCode());
        HttpResponse<String> foreign = send("POST", "/v1/workbench/drafts", draft, "Cookie", session, "Origin",
                "http://evil.example", "Content-Type", "application/json");
        assertProblem(foreign, 401, "unauthorized", null);
        assertTrue(foreign.body().contains("the request's Origin is not this service's Host"), foreign.body());
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", session, "Origin", "http://evil.example").statusCode());

        HttpResponse<String> signedOut = send("POST", "/workbench/sign-out", "", "Cookie", session, "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, signedOut.statusCode());
        assertTrue(signedOut.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", session).statusCode(),
                "a cookie kept after signing out no longer opens anything");
        assertEquals(401, send("GET", "/", null, "Cookie", session).statusCode());
    }

    @Test
    void signingInAgain_endsTheSessionsTheBrowserHeld_andSigningOutEndsEveryOneItNames() throws Exception {
        String first = signIn(null);
        String second = signIn(first);
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", first).statusCode(),
                "signing in again ends the session the browser held before");
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", second).statusCode());

        HttpResponse<String> wrong = send("POST", "/workbench/sign-in", "token=guess", "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", second);
        assertEquals(401, wrong.statusCode());
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", second).statusCode(),
                "a sign-in refused leaves the browser's session as it was");

        String third = signIn(null);
        String both = second + "; " + third;
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", both).statusCode());
        send("POST", "/workbench/sign-out", "", "Cookie", both, "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", second).statusCode());
        assertEquals(401, send("GET", "/v1/workbench/policy", null, "Cookie", third).statusCode(),
                "signing out ends every session the request names, not only the first");
    }

    @Test
    void aQueryParameter_onAnOperationThatTakesNone_isRefused_notIgnored() throws Exception {
        String session = signIn(null);
        for (String path : List.of("/v1/workbench/policy?foo=1", "/v1/workbench/log/verification?full=1",
                "/v1/workbench/policy/files/thresholds.drl?x=1")) {
            assertProblem(send("GET", path, null, "Cookie", session), 400, "invalid-query", null);
        }
        assertEquals(200, send("GET", "/v1/workbench/policy", null, "Cookie", session).statusCode());
    }

    /** Signs in, sending {@code cookie} when not null, and gives the new session's {@code name=value}. */
    private String signIn(String cookie) throws Exception {
        HttpResponse<String> signedIn = cookie == null
                ? send("POST", "/workbench/sign-in", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded")
                : send("POST", "/workbench/sign-in", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded",
                        "Cookie", cookie);
        assertEquals(303, signedIn.statusCode());
        String set = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void pages_areServedFromTheJar_withTheirTypes_andNothingElse() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(index.body().contains("<nav aria-label=\"Workbench pages\">"));
        assertEquals("text/javascript; charset=utf-8", get("/workbench/app.js").headers().firstValue("Content-Type").orElse(""));
        assertEquals("text/css; charset=utf-8", get("/workbench/app.css").headers().firstValue("Content-Type").orElse(""));
        assertProblem(get("/workbench/no-such-page.html"), 404, "not-found", null);
        assertProblem(get("/workbench/WorkbenchIT.class"), 404, "not-found", null);
        assertProblem(get("/workbench/Workbench.class"), 404, "not-found", null);
        assertProblem(send("DELETE", "/", null, "Authorization", "Bearer " + TOKEN), 405, "method-not-allowed", null);
        for (String page : List.of("index.html", "app.js", "policy.js", "try.js", "chart.js", "draft.js", "decisions.js", "app.css")) {
            // The SVG namespace is a name, not an address: nothing is fetched from it.
            String body = get("/workbench/" + page).body().replace("http://www.w3.org/2000/svg", "");
            assertFalse(body.matches("(?s).*(https?:)?//[a-z0-9.-]+\\.(com|net|org|io|dev)/.*"), page + " names a host");
        }
        assertEquals(200, post("/v1/decisions", TestDeals.cleanLand().json()).statusCode());
    }
}
