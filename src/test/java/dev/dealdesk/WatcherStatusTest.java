package dev.dealdesk;

import dev.dealdesk.decision.WatcherStatus;
import dev.dealdesk.http.DecisionService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the rules are still watched is part of the engine's status, its readiness and the
 * service's {@code GET /v1/policy}: a watcher that stopped never goes unnoticed.
 */
class WatcherStatusTest {

    private static final String STOPPED_REASON = "the watcher thread was interrupted";

    @TempDir
    Path temp;

    @Test
    void status_engineNotAskedToWatch_isOffAndReady() throws Exception {
        try (DealDesk engine = DealDesk.builder().rules(RulesCopy.of(temp).directory()).build()) {
            assertEquals(WatcherStatus.off(), engine.status().watcher());
            assertEquals(List.of(), engine.unready());
        }
    }

    @Test
    void status_watcherStopped_isStoppedWithItsReason_unready_andInPolicyJson() throws Exception {
        Path rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules"))).directory();
        try (DealDesk engine = DealDesk.builder().rules(rules).watch(true).build()) {
            DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults());
            try {
                assertEquals(WatcherStatus.watching(), engine.status().watcher());
                assertEquals(List.of(), engine.unready());
                assertEquals(Json.createObjectBuilder().add("state", "WATCHING").addNull("reason").build(),
                        policyJson(service).getJsonObject("watcher"));

                watcherThread(rules).interrupt();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (engine.status().watcher().state() != WatcherStatus.State.STOPPED) {
                    assertTrue(System.nanoTime() < deadline, "the watcher did not stop within 30 s");
                    Thread.sleep(10);
                }
                assertEquals(WatcherStatus.stopped(STOPPED_REASON), engine.status().watcher());
                assertEquals(List.of("the rules are no longer watched (" + STOPPED_REASON
                        + "): changes to them do not go live"), engine.unready());
                JsonObject policy = policyJson(service);
                assertEquals(Json.createObjectBuilder().add("state", "STOPPED").add("reason", STOPPED_REASON).build(),
                        policy.getJsonObject("watcher"));
                assertEquals(engine.policy().version(), policy.getString("version"), "the policy still decides");
            } finally {
                service.close();
            }
        }
    }

    @Test
    void watcherStatus_reasonGivenExactlyWhenStopped() {
        assertThrows(IllegalArgumentException.class, () -> new WatcherStatus(WatcherStatus.State.STOPPED, null));
        assertThrows(IllegalArgumentException.class, () -> new WatcherStatus(WatcherStatus.State.WATCHING, "why"));
        assertThrows(NullPointerException.class, () -> WatcherStatus.stopped(null));
    }

    private static JsonObject policyJson(DecisionService service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.address().getPort() + "/v1/policy")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The thread watching {@code rules}, found by the name the watcher gives it. */
    private static Thread watcherThread(Path rules) {
        String name = "dealdesk-rules-watcher[" + rules.toAbsolutePath().normalize() + "]";
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread named " + name));
    }
}
