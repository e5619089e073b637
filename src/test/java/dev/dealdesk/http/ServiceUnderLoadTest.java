package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.AuditVerifier;
import dev.dealdesk.json.DecisionJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service under concurrent load: rules edited (valid, then broken, then valid) while clients
 * post, and a SIGTERM while clients post. No request fails, every response matches the version it
 * names, and every acknowledged decision is in a verified audit log.
 */
class ServiceUnderLoadTest {

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int deal, int status, String body) {
    }

    private static List<String> corpus() {
        List<String> deals = new ArrayList<>();
        for (int window : new int[] {60, 90, 95, 100, 120}) {
            deals.add(TestDeals.cleanLand().set("/valueProof/windowDays", window).json());
        }
        for (int term : new int[] {12, 13, 24, 36}) {
            deals.add(TestDeals.cleanLand().set("/contract/pricingModel", "FLAT_FEE").set("/contract/termMonths", term).json());
        }
        return deals;
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject policy(int port) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v1/policy")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void awaitPolicy(int port, Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (wanted.test(policy(port))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("policy never reached the expected state: " + policy(port));
    }

    private List<Thread> clients(int port, List<String> deals, AtomicBoolean running, ConcurrentLinkedQueue<Answer> answers) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                while (running.get()) {
                    int deal = i++ % deals.size();
                    try {
                        HttpResponse<String> response = post(port, deals.get(deal));
                        answers.add(new Answer(deal, response.statusCode(), response.body()));
                    } catch (Exception refused) {
                        answers.add(new Answer(deal, -1, String.valueOf(refused)));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    @Test
    void reloadDuringLoad_noRequestFailsAndEachResponseMatchesItsVersion() throws Exception {
        RulesCopy live = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        RulesCopy changed = RulesCopy.of(Files.createDirectory(temp.resolve("changed")))
                .replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 100; }");
        List<String> deals = corpus();
        Map<String, List<String>> expected = new HashMap<>();
        for (RulesCopy version : List.of(live, changed)) {
            DealDesk reference = TestEngines.fixedEngine(version.directory());
            List<String> findings = new ArrayList<>();
            for (String deal : deals) {
                findings.add(findingsOf(DecisionJson.toJson(reference.evaluate(dev.dealdesk.json.DealJson.read(deal)))));
            }
            expected.put(reference.policy().version(), findings);
        }
        Path log = temp.resolve("log.jsonl");
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        try (DealDesk engine = DealDesk.builder().rules(live.directory()).watch(true).debounce(Duration.ofMillis(100))
                .audit(log).build()) {
            DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults());
            int port = service.address().getPort();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = clients(port, deals, running, answers);
            try {
                String changedVersion = TestEngines.fixedEngine(changed.directory()).policy().version();
                live.replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 100; }");
                awaitPolicy(port, status -> status.getString("version").equals(changedVersion));
                live.replace("undersold.drl", "seatsNeededForOutcome)", "seatsNeededForOutcome))");
                awaitPolicy(port, status -> !status.isNull("lastReload") && !status.getJsonObject("lastReload").getBoolean("succeeded"));
                JsonObject refused = policy(port);
                assertEquals(changedVersion, refused.getString("version"), "a broken edit never goes live");
                assertTrue(refused.getJsonObject("lastReload").getJsonArray("problems").getJsonObject(0)
                        .getString("text").startsWith("undersold.drl:"), refused.toString());
                Thread.sleep(300);
            } finally {
                // Stopped whatever happened above, so a failed check does not leave clients and a server running.
                running.set(false);
                for (Thread thread : threads) {
                    thread.join(10_000);
                }
                service.close();
            }
        }

        Set<String> acknowledged = new HashSet<>();
        Set<String> versionsSeen = new HashSet<>();
        for (Answer answer : answers) {
            assertEquals(200, answer.status(), answer.body());
            JsonObject decision = Json.createReader(new StringReader(answer.body())).readObject();
            String version = decision.getJsonObject("policy").getString("version");
            versionsSeen.add(version);
            assertNotNull(expected.get(version), "a response names a version that never went live: " + version);
            assertEquals(expected.get(version).get(answer.deal()), findingsOf(decision));
            acknowledged.add(decision.getString("decisionId"));
        }
        assertEquals(expected.keySet(), versionsSeen);
        assertEquals(List.of(), AuditVerifier.verify(log).problems());
        assertEquals(acknowledged, loggedIds(log));
    }

    @Test
    void sigtermDuringLoad_losesNoAcknowledgedDecision() throws Exception {
        Path log = temp.resolve("log.jsonl");
        Process server = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "dev.dealdesk.cli.Main",
                "serve", "--port", "0", "--rules", "rules", "--audit", log.toString())
                .redirectError(temp.resolve("stderr").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String banner = out.readLine();
        assertNotNull(banner, "the service printed nothing");
        int port = Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = clients(port, corpus(), running, answers);
        Thread.sleep(1500);
        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the service did not stop on SIGTERM");
        assertEquals(0, server.exitValue(), "a graceful stop exits 0");
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        Set<String> acknowledged = new HashSet<>();
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                acknowledged.add(Json.createReader(new StringReader(answer.body())).readObject().getString("decisionId"));
            } else {
                assertTrue(answer.status() == 503 || answer.status() == -1, answer.status() + " " + answer.body());
            }
        }
        assertFalse(acknowledged.isEmpty(), "no decision was acknowledged before the SIGTERM");
        assertEquals(List.of(), AuditVerifier.verify(log).problems());
        Set<String> logged = loggedIds(log);
        acknowledged.removeAll(logged);
        assertEquals(Set.of(), acknowledged, "acknowledged decisions missing from the audit log");
    }

    private static Set<String> loggedIds(Path log) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(log)) {
            ids.add(AuditRecord.parse(line).decisionId());
        }
        return ids;
    }

    private static String findingsOf(JsonObject decision) {
        return JsonWriter.canonical(decision.getJsonArray("findings"));
    }
}
