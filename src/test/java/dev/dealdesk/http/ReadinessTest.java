package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestDeals;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz} says 503, with the engine's reasons, once the service cannot do its whole job. */
class ReadinessTest {

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void auditLogThatCannotBeWritten_makesTheServiceUnready() throws Exception {
        Path log = temp.resolve("log.jsonl");
        // Files of this service may not grow past 32 KiB: the audit log fills after a few decisions.
        Process server = new ProcessBuilder("bash", "-c", "ulimit -f 64; exec java -XX:-UsePerfData -cp \"$0\" "
                + "dev.dealdesk.cli.Main serve --port 0 --rules rules --audit \"$1\"",
                System.getProperty("java.class.path"), log.toString())
                .redirectError(temp.resolve("stderr").toFile()).start();
        try {
            String banner = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(banner, "the service printed nothing");
            int port = Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            assertEquals(200, get(port, "/readyz").statusCode());

            int status = 200;
            for (int i = 0; i < 100 && status == 200; i++) {
                status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TestDeals.cleanLand().json())).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertEquals(503, status, "the audit log never filled");

            // The log records its failure just after it fails the writes that met it.
            HttpResponse<String> readiness = get(port, "/readyz");
            for (long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    readiness.statusCode() == 200 && System.nanoTime() < giveUp; readiness = get(port, "/readyz")) {
                Thread.sleep(20);
            }
            assertEquals(503, readiness.statusCode(), readiness.body());
            assertEquals("application/json", readiness.headers().firstValue("Content-Type").orElse(""));
            JsonObject body = Json.createReader(new StringReader(readiness.body())).readObject();
            assertEquals("unready", body.getString("status"));
            List<String> reasons = body.getJsonArray("reasons").getValuesAs(JsonString::getString);
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("audit log " + log + " cannot be written: "), reasons.get(0));
            assertEquals(200, get(port, "/healthz").statusCode(), "alive, though not ready");
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the service did not stop");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
