package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestDeals;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dealdesk serve}, with the launcher's 256 MB heap, under clients that post the costliest
 * bodies the limits allow, side by side and without pause: bodies at the size limit whose parsed
 * trees take some 50 times their size, small ones of the same shape, and batches of the largest
 * decisions. It must not run out of memory, and afterwards must still answer its probes and decide
 * a deal (runs in the integration-test phase, after {@code package}).
 */
class ServiceMemoryIT {

    private static final int LIMIT = 1 << 20;
    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code open}, then as many {@code item}s as fit in {@code size} bytes, then {@code close}. */
    private static byte[] fill(String open, IntFunction<String> item, String close, int size) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; ; i++) {
            String next = (i == 0 ? "" : ",") + item.apply(i);
            if (text.length() + next.length() + close.length() > size) {
                break;
            }
            text.append(next);
        }
        return text.append(close).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> costliestBodies() {
        // A small deal that draws many findings: the largest decisions per byte of body.
        String manyFindings = "{\"dealId\":\"D\",\"asOf\":\"2026-11-23\",\"motion\":\"LAND\",\"stage\":\"CLOSED_WON\","
                + "\"segment\":\"SMB\",\"acv\":1,\"seller\":{\"arr\":20000000},"
                + "\"contract\":{\"pricingModel\":\"FLAT_FEE\",\"termMonths\":36}}";
        return List.of(
                fill("[", i -> "[0]", "]", LIMIT),
                fill("{\"x\":[", i -> "0", "]}", LIMIT),
                fill("[", i -> "{\"a\":0}", "]", LIMIT),
                fill("{", i -> "\"" + Integer.toHexString(i) + "\":0", "}", LIMIT),
                fill("[", i -> "[0]", "]", Limits.LARGE_BODY),
                ("[" + String.join(",", Collections.nCopies(dev.dealdesk.json.DealJson.MAX_BATCH, manyFindings)) + "]")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Posts {@code body} where its shape goes: an array as a batch, anything else as one deal. */
    private HttpResponse<String> post(int port, byte[] body) throws IOException, InterruptedException {
        String path = body[0] == '[' ? "/v1/decisions/batch" : "/v1/decisions";
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void costliestBodiesSideBySide_serviceStaysWithinItsHeapAndStillDecides() throws Exception {
        Path err = temp.resolve("stderr");
        Process server = new ProcessBuilder("./dealdesk", "serve", "--port", "0").directory(new File("."))
                .redirectError(err.toFile()).start();
        try {
            String banner = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(banner, "the service printed nothing: " + Files.readString(err));
            int port = Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));

            List<byte[]> bodies = costliestBodies();
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            long end = System.nanoTime() + LOAD.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                Thread thread = new Thread(() -> {
                    for (int i = first; System.nanoTime() < end; i++) {
                        String answer;
                        try {
                            answer = String.valueOf(post(port, bodies.get(i % bodies.size())).statusCode());
                        } catch (IOException refusedMidBody) {
                            // A 503 sent before the body was all sent closes the connection under the sender.
                            answer = "closed";
                        } catch (InterruptedException e) {
                            return;
                        }
                        answers.merge(answer, 1, Integer::sum);
                    }
                }, "costly-client-" + c);
                thread.start();
                clients.add(thread);
            }
            for (Thread thread : clients) {
                thread.join(TimeUnit.MINUTES.toMillis(2));
            }

            assertTrue(server.isAlive(), "the service died: " + Files.readString(err));
            assertTrue(answers.keySet().stream().allMatch(List.of("200", "400", "503", "closed")::contains), answers.toString());
            assertTrue(answers.getOrDefault("400", 0) > 0, "no costly body was parsed at all: " + answers);
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> decision = post(port, TestDeals.cleanLand().json().getBytes(StandardCharsets.UTF_8));
            assertEquals(200, decision.statusCode(), decision.body());
            assertTrue(decision.body().contains("\"outcome\":\"APPROVE\""), decision.body());
            assertFalse(Files.readString(err).contains("OutOfMemoryError"), Files.readString(err));
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the service did not stop");
        }
    }
}
