package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle, stall or send what HTTP does not allow: the service keeps answering
 * everyone else, cuts them off, and answers every error, Jetty's own included, as a problem.
 */
class HostileClientsTest {

    /** Far longer than any deadline of the service: the tests wait for an outcome, not for a time. */
    private static final int PATIENCE_MS = 60_000;

    private DealDesk engine;
    private DecisionService service;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        engine = TestEngines.fixedEngine(TestEngines.SHIPPED_RULES);
        service = DecisionService.start(engine, DecisionService.Options.defaults());
    }

    @AfterEach
    void stop() {
        service.close();
        engine.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", service.address().getPort());
        socket.setSoTimeout(PATIENCE_MS);
        return socket;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.address().getPort() + path);
    }

    @Test
    void fiftyClientsTricklingHeaders_othersAreStillAnswered_andTheTricklersAreCutOff() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket socket = connect();
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.add(socket);
        }
        Thread trickler = new Thread(() -> trickle(slow), "trickler");
        trickler.start();
        try {
            Thread.sleep(1000);
            assertEquals(200, send(HttpRequest.newBuilder(uri("/healthz"))).statusCode());
            HttpResponse<String> decision = send(HttpRequest.newBuilder(uri("/v1/decisions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestDeals.cleanLand().json())));
            assertEquals(200, decision.statusCode(), decision.body());
            assertTrue(decision.body().contains("\"outcome\":\"APPROVE\""), decision.body());
            assertTrue(trickler.isAlive(), "the trickling clients were cut off before the others were answered");
        } finally {
            trickler.join(PATIENCE_MS);
        }
        assertFalse(trickler.isAlive(), "the service kept a client that trickles its headers");
        for (Socket socket : slow) {
            socket.close();
        }
    }

    /** Sends one more header byte on each open socket every half second, until the service has closed them all. */
    private static void trickle(List<Socket> sockets) {
        List<Socket> open = new ArrayList<>(sockets);
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        while (!open.isEmpty() && System.nanoTime() < giveUp) {
            // A write to a connection the peer closed fails at the latest on the write after next.
            open.removeIf(socket -> {
                try {
                    socket.getOutputStream().write('a');
                    socket.getOutputStream().flush();
                    return false;
                } catch (IOException closed) {
                    return true;
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void clientTricklingItsBody_getsA408ProblemAndIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            Thread trickler = new Thread(() -> {
                try {
                    for (int i = 0; i < 998; i++) {
                        Thread.sleep(500);
                        out.write(' ');
                    }
                } catch (IOException | InterruptedException closed) {
                    // the service answered and closed the connection
                }
            }, "body-trickler");
            trickler.start();
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertProblem(response, 408, "https://dealdesk.dev/problems/request-timeout");
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the 408");
            trickler.interrupt();
        }
    }

    @Test
    void silentConnection_isClosed() throws Exception {
        try (Socket socket = connect()) {
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void requestsHttpRefuses_areProblemsNotHtml() throws Exception {
        assertProblem(raw("GARBAGE\r\n\r\n"), 400, "https://dealdesk.dev/problems/bad-request");
        assertProblem(raw("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(Limits.MAX_HEADER_BYTES)
                + "\r\n\r\n"), 431, "https://dealdesk.dev/problems/request-header-fields-too-large");
        assertProblem(raw("GET /" + "u".repeat(Limits.MAX_HEADER_BYTES) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 414,
                "https://dealdesk.dev/problems/uri-too-long");
        assertProblem(raw("GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 404, "https://dealdesk.dev/problems/not-found");
        RawResponse wrongMethod = raw("DELETE /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertProblem(wrongMethod, 405, "https://dealdesk.dev/problems/method-not-allowed");
        assertEquals("GET", wrongMethod.header("Allow"));
        assertProblem(raw("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000000\r\n\r\n"), 413, "https://dealdesk.dev/problems/too-large");
        assertProblem(raw("GET /healthz HTTP/7.0\r\nHost: 127.0.0.1\r\n\r\n"), 505, "https://dealdesk.dev/problems/http-version-not-supported");
    }

    @Test
    void exceptionEscapingAHandler_isA500ProblemWithoutItsText() throws Exception {
        org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server();
        org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrors());
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                    org.eclipse.jetty.util.Callback callback) {
                throw new IllegalStateException("secret internals");
            }
        });
        server.start();
        try (Socket socket = new Socket("127.0.0.1", connector.getLocalPort())) {
            socket.setSoTimeout(PATIENCE_MS);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertProblem(response, 500, "https://dealdesk.dev/problems/internal-error");
            assertFalse(response.body().contains("secret"), response.body());
        } finally {
            server.stop();
        }
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return RawResponse.read(socket.getInputStream());
        }
    }

    private static void assertProblem(RawResponse response, int status, String type) {
        assertEquals(status, response.status(), response.toString());
        assertEquals("application/problem+json", response.header("Content-Type"), response.toString());
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(status, problem.getInt("status"));
        assertEquals(type, problem.getString("type"));
        assertFalse(response.body().toLowerCase(Locale.ROOT).contains("<html"), response.body());
    }

    /** One HTTP/1.1 response read off a socket: status line, headers, and a body of Content-Length bytes. */
    record RawResponse(int status, List<String> headers, String body) {

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            List<String> headers = new ArrayList<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                headers.add(header);
            }
            RawResponse head = new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers, "");
            byte[] body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
            return new RawResponse(head.status(), headers, new String(body, StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.stream().filter(header -> header.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(header -> header.substring(name.length() + 1).strip()).findFirst().orElse("");
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new EOFException("the connection closed mid-response: " + line);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
