package dev.dealdesk.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.audit.AuditException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP decision service, on the JDK's own HTTP server: deals in, decisions out, under the
 * engine's live (hot-reloaded) policy, each decision audited when the engine has an audit log.
 * A bounded pool of workers serves requests; when all are busy the accepting thread serves the
 * next one itself, which slows clients down rather than dropping them. Errors are RFC 9457
 * problems, never stack traces. {@link #close()} stops accepting and lets requests in flight
 * finish.
 */
public final class DecisionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    /**
     * How to serve.
     *
     * @param host         the address to bind, 127.0.0.1 by default
     * @param port         the port; 0 picks a free one
     * @param tokenFile    a file holding the bearer token clients must send, or {@code null} for none
     * @param maxBodyBytes the largest request body accepted
     * @param workers      threads deciding requests
     * @param drainTime    how long {@link #close()} waits for requests in flight
     */
    public record Options(String host, int port, Path tokenFile, int maxBodyBytes, int workers, Duration drainTime) {

        public Options {
            requireNonNull(host, "host");
            requireNonNull(drainTime, "drainTime");
            if (maxBodyBytes <= 0 || workers <= 0) {
                throw new IllegalArgumentException("maxBodyBytes and workers must be positive");
            }
        }

        /** Loopback, a free port, no token, 1 MiB bodies, two workers per core, 10 s to drain. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, null, 1 << 20, 2 * Runtime.getRuntime().availableProcessors(),
                    Duration.ofSeconds(10));
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Duration drainTime;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    private DecisionService(HttpServer server, ThreadPoolExecutor workers, Duration drainTime) {
        this.server = server;
        this.workers = workers;
        this.drainTime = drainTime;
    }

    /**
     * Starts serving {@code engine}.
     *
     * @throws IOException when the address cannot be bound or the token file read
     */
    public static DecisionService start(DealDesk engine, Options options) throws IOException {
        requireNonNull(engine, "engine");
        requireNonNull(options, "options");
        // The JDK server reads these once: a client must send its request, and take the response, within them.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "60"));
        // Headers and body go out in separate writes: without TCP_NODELAY, Nagle and delayed ACKs add 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        byte[] token = options.tokenFile() == null ? null
                : Files.readString(options.tokenFile(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        if (token != null && token.length == 0) {
            throw new IOException("token file " + options.tokenFile() + " is empty");
        }
        Metrics metrics = new Metrics(engine::auditAppends);
        engine.addReloadListener(attempt -> metrics.reloaded(attempt.succeeded()));
        HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(options.workers(), options.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), runnable -> {
                    Thread thread = new Thread(runnable, "dealdesk-http");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        Routes routes = new Routes(engine, metrics, options.maxBodyBytes());
        DecisionService service = new DecisionService(server, workers, options.drainTime());
        server.createContext("/", exchange -> service.serve(exchange, routes, token));
        server.start();
        return service;
    }

    /** The bound address (with the port picked when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange, Routes routes, byte[] token) {
        inFlight.incrementAndGet();
        try (exchange) {
            Routes.Response response;
            try {
                if (draining) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    response = Routes.problem(Problem.of(503, "shutting-down", "The service is stopping",
                            "send the request again to another instance or after the restart"));
                } else if (token != null && !Routes.isOpen(exchange.getRequestURI().getPath()) && !authorized(exchange, token)) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                    response = Routes.problem(Problem.of(401, "unauthorized", "Missing or wrong bearer token",
                            "send Authorization: Bearer <token>"));
                } else {
                    response = routes.handle(exchange);
                }
            } catch (AuditException e) {
                LOG.error("a decision could not be recorded: {}", e.getMessage());
                response = Routes.problem(Problem.of(503, "audit-unavailable", "The decision could not be recorded",
                        "the audit log cannot be written, so no decision is returned"));
            } catch (EvaluationException e) {
                LOG.error("the policy failed while deciding: {}", e.getMessage());
                response = Routes.problem(Problem.of(500, "policy-failed", "The policy failed while deciding",
                        e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("request failed", e);
                response = Routes.problem(Problem.of(500, "internal-error", "Internal error", "see the service log"));
            }
            send(exchange, response);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static boolean authorized(HttpExchange exchange, byte[] token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private static void send(HttpExchange exchange, Routes.Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Stops taking requests (any that still arrive get a 503), waits for those in flight to finish (up
     * to the drain time), then closes the server and its workers.
     */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + drainTime.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(drainTime.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("requests still running after {}", drainTime);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
