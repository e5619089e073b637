package dev.dealdesk.http;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.DealDesk;
import dev.dealdesk.workbench.Workbench;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP decision service, on Jetty: deals in, decisions out, under the engine's live
 * (hot-reloaded) policy, each decision audited when the engine has an audit log. A bounded pool of
 * workers decides single deals and small batches, one more worker large batches; the server's own
 * threads read requests and answer the rest, so probes are answered however busy the workers are. Slow and idle clients are cut off, and what one request
 * may hold is bounded ({@link Limits}). Errors, the server's own included, are RFC 9457 problems,
 * never stack traces or HTML. {@link #close()} stops taking requests and lets those in flight
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

    private final Server server;
    private final ServerConnector connector;
    private final ServiceHandler handler;
    private final List<ThreadPoolExecutor> workers;
    private final Duration drainTime;

    private DecisionService(Server server, ServerConnector connector, ServiceHandler handler, List<ThreadPoolExecutor> workers,
            Duration drainTime) {
        this.server = server;
        this.connector = connector;
        this.handler = handler;
        this.workers = workers;
        this.drainTime = drainTime;
    }

    /**
     * Starts serving {@code engine}.
     *
     * @throws IOException when the address cannot be bound or the token file read
     */
    public static DecisionService start(DealDesk engine, Options options) throws IOException {
        return start(engine, options, null);
    }

    /**
     * Starts serving {@code engine}, with its workbench at {@code /} testing drafts against the golden
     * examples in {@code examples}.
     *
     * @param examples the golden examples' folder, or {@code null} for none
     * @throws IOException when the address cannot be bound or the token file read
     */
    public static DecisionService start(DealDesk engine, Options options, Path examples) throws IOException {
        requireNonNull(engine, "engine");
        requireNonNull(options, "options");
        byte[] token = options.tokenFile() == null ? null
                : Files.readString(options.tokenFile(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        if (token != null && token.length == 0) {
            throw new IOException("token file " + options.tokenFile() + " is empty");
        }
        Metrics metrics = new Metrics(engine::auditAppends);
        engine.addReloadListener(attempt -> metrics.reloaded(attempt.succeeded()));

        QueuedThreadPool threads = new QueuedThreadPool(Limits.SERVER_THREADS, 2);
        threads.setName("dealdesk-http");
        threads.setDaemon(true);
        Scheduler timers = new ScheduledExecutorScheduler("dealdesk-http-timer", true);
        Server server = new Server(threads, timers, null);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(Limits.MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(Limits.IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(Limits.ACCEPT_QUEUE);
        HeaderDeadline headerDeadline = new HeaderDeadline(timers, Limits.HEADERS_TIMEOUT);
        connector.addEventListener(headerDeadline);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(Limits.MAX_CONNECTIONS, connector));
        server.setErrorHandler(new ProblemErrors());

        ThreadPoolExecutor workers = workers("dealdesk-worker", options.workers(), Limits.WAITING_FOR_A_WORKER);
        // The held limit admits no more large bodies than this worker's queue takes.
        ThreadPoolExecutor largeBodyWorker = workers("dealdesk-batch-worker", 1, Limits.LARGE_BODIES_HELD);
        Workbench workbench = new Workbench(engine, examples);
        WorkbenchAccess access = new WorkbenchAccess(token);
        Routes routes = new Routes(engine, metrics, options.maxBodyBytes(), token != null, new WorkbenchRoutes(workbench, access));
        ServiceHandler handler = new ServiceHandler(routes, access, options.maxBodyBytes(), workers, largeBodyWorker, timers, headerDeadline);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stop(server);
            workers.shutdownNow();
            largeBodyWorker.shutdownNow();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        workbench.warm();
        return new DecisionService(server, connector, handler, List.of(workers, largeBodyWorker), options.drainTime());
    }

    /** {@code count} daemon threads taking tasks from a queue of {@code queue}; a task beyond it is refused. */
    private static ThreadPoolExecutor workers(String name, int count, int queue) {
        return new ThreadPoolExecutor(count, count, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The bound address (with the port picked when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /**
     * Stops taking requests (any that still arrive get a 503), waits for those in flight to finish (up
     * to the drain time), then closes the server and its workers.
     */
    @Override
    public void close() {
        handler.drain(drainTime);
        stop(server);
        workers.forEach(ThreadPoolExecutor::shutdown);
        try {
            for (ThreadPoolExecutor pool : workers) {
                if (!pool.awaitTermination(drainTime.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("requests still running after {}", drainTime);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the server did not stop cleanly: {}", e.toString());
        }
    }
}
