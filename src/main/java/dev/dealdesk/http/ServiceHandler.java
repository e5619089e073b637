package dev.dealdesk.http;

import dev.dealdesk.audit.AuditException;
import dev.dealdesk.decision.EvaluationException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request's way through the service: refused while draining, checked for the token (the
 * bearer header, or the workbench's session cookie), then answered by {@link Routes}. A post with a
 * body (deals, or the workbench's drafts, replays and sign-in) has its body read without holding a
 * thread, then is answered on a worker: a small body by one of the pool's workers, a large one by the
 * one worker for large bodies. How many bodies may be held at once is bounded ({@link Limits}), and a post beyond
 * that gets a 503 at once rather than a wait. Every answer but a decision is written on the
 * server's own threads. Thread-safe.
 */
final class ServiceHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHandler.class);

    private final Routes routes;
    private final WorkbenchAccess access;
    private final int maxBodyBytes;
    private final Executor workers;
    private final Executor largeBodyWorker;
    private final Scheduler scheduler;
    private final HeaderDeadline headerDeadline;
    /** Small request bodies held in memory, in KiB. */
    private final Semaphore smallHeld;
    /** Large request bodies held in memory, each counted as one. */
    private final Semaphore largeHeld = new Semaphore(Limits.LARGE_BODIES_HELD);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    ServiceHandler(Routes routes, WorkbenchAccess access, int maxBodyBytes, Executor workers, Executor largeBodyWorker,
            Scheduler scheduler, HeaderDeadline headerDeadline) {
        this.routes = routes;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
        this.workers = workers;
        this.largeBodyWorker = largeBodyWorker;
        this.scheduler = scheduler;
        this.headerDeadline = headerDeadline;
        this.smallHeld = new Semaphore(kib((long) Limits.SMALL_BODIES_HELD * Limits.LARGE_BODY));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        headerDeadline.requestStarted(connection);
        inFlight.incrementAndGet();
        // Before the exchange completes: the connection may take its next request as soon as it does.
        Callback done = Callback.from(() -> {
            inFlight.decrementAndGet();
            headerDeadline.requestEnded(connection);
        }, callback);
        try {
            serve(request, response, done);
        } catch (RuntimeException e) {
            LOG.error("request failed", e);
            send(response, done, Routes.problem(ProblemErrors.problem(500, null)));
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        if (draining) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(response, callback, Routes.problem(Problem.of(503, "shutting-down", "The service is stopping",
                    "send the request again to another instance or after the restart")));
        } else if (!Routes.isOpen(method, path) && !access.authorized(method, request.getHeaders())) {
            send(response, callback, access.fromAnotherOrigin(method, request.getHeaders())
                    ? Routes.fromAnotherOrigin() : routes.unauthorized(method, path));
        } else if (WorkbenchRoutes.isSignOut(method, path)) {
            // The session ends on the service here; the answer ends it in the browser.
            access.endSessions(request.getHeaders());
            send(response, callback, WorkbenchRoutes.signedOut());
        } else if (!Routes.takesBody(method, path)) {
            String query = request.getHttpURI().getQuery();
            send(response, callback, answer(() -> routes.handle(method, path, query)));
        } else {
            Routes.Response refusal = routes.refuseBeforeReading(path, request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    request.getLength());
            if (refusal != null) {
                send(response, callback, refusal);
            } else {
                readAndDecide(request, path, response, callback);
            }
        }
    }

    private void readAndDecide(Request request, String path, Response response, Callback callback) {
        // A body sent without a length is counted as the largest allowed.
        long length = request.getLength() >= 0 ? request.getLength() : maxBodyBytes;
        boolean large = length > Limits.LARGE_BODY;
        Semaphore held = large ? largeHeld : smallHeld;
        int reserved = large ? 1 : kib(length);
        if (!held.tryAcquire(reserved)) {
            send(response, callback, busy());
            return;
        }
        Callback release = Callback.from(() -> held.release(reserved), callback);
        BodyReader.read(request, maxBodyBytes, scheduler, Limits.BODY_TIMEOUT).whenComplete((body, failure) -> {
            if (failure instanceof BodyReader.TooLarge) {
                send(response, release, routes.tooLarge());
            } else if (failure instanceof TimeoutException) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                send(response, release, Routes.problem(Problem.of(408, "request-timeout", "Request Timeout",
                        "the body must arrive in full within " + Limits.BODY_TIMEOUT.toSeconds() + " s, with no pause over "
                                + Limits.IDLE_TIMEOUT.toSeconds() + " s")));
            } else if (failure != null) {
                LOG.debug("client went away: {}", failure.toString());
                release.failed(failure);
            } else {
                try {
                    String query = request.getHttpURI().getQuery();
                    HttpFields headers = request.getHeaders();
                    (large ? largeBodyWorker : workers).execute(() -> decide(path, query, body, headers, response, release));
                } catch (RejectedExecutionException full) {
                    send(response, release, busy());
                }
            }
        });
    }

    /**
     * On a worker: answers {@code body}, posted to {@code path} with {@code query} and {@code headers},
     * and sends the answer, a 500 should anything escape.
     */
    private void decide(String path, String query, byte[] body, HttpFields headers, Response response, Callback callback) {
        Routes.Response answer = Routes.problem(ProblemErrors.problem(500, null));
        try {
            answer = answer(() -> routes.post(path, query, body, headers));
        } finally {
            send(response, callback, answer);
        }
    }

    /** What {@code route} answers, or the problem for what it threw. */
    private static Routes.Response answer(Supplier<Routes.Response> route) {
        try {
            return route.get();
        } catch (AuditException e) {
            LOG.error("a decision could not be recorded: {}", e.getMessage());
            return Routes.problem(Problem.of(503, "audit-unavailable", "The decision could not be recorded",
                    "the audit log cannot be written, so no decision is returned"));
        } catch (EvaluationException e) {
            LOG.error("the policy failed while deciding: {}", e.getMessage());
            return Routes.problem(Problem.of(500, "policy-failed", "The policy failed while deciding", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("request failed", e);
            return Routes.problem(ProblemErrors.problem(500, null));
        }
    }

    private static Routes.Response busy() {
        return new Routes.Response(503, "application/problem+json", Problem.of(503, "busy", "The service is busy",
                "too many deals are being received or decided; send the request again shortly").json(),
                Map.of("Retry-After", Long.toString(Limits.RETRY_AFTER.toSeconds())));
    }

    private static void send(Response response, Callback callback, Routes.Response answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** From now on every request gets a 503; waits up to {@code drainTime} for those in flight to finish. */
    void drain(Duration drainTime) {
        draining = true;
        long deadline = System.nanoTime() + drainTime.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code bytes} in KiB, rounded up, at least 1 and at most what a semaphore holds. */
    private static int kib(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + 1023) / 1024));
    }
}
