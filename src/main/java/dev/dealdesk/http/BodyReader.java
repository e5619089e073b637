package dev.dealdesk.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body as it arrives, holding no thread while it waits for the client. The body
 * completes the future; a body longer than the limit fails it with {@link TooLarge}, one that has
 * not arrived in full within the deadline with a {@link TimeoutException}, a client that went away
 * with what the server reported.
 */
final class BodyReader implements Runnable {

    /** The body is longer than the limit; what arrived of it is dropped. */
    static final class TooLarge extends Exception {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final Request request;
    private final int limit;
    private final ByteArrayOutputStream body;
    private final byte[] scratch = new byte[8 * 1024];
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Request request, int limit) {
        this.request = request;
        this.limit = limit;
        long declared = request.getLength();
        this.body = new ByteArrayOutputStream(declared >= 0 && declared <= limit ? (int) declared : 8 * 1024);
    }

    /** Starts reading {@code request}'s body, at most {@code limit} bytes, within {@code deadline}. */
    static CompletableFuture<byte[]> read(Request request, int limit, Scheduler scheduler, Duration deadline) {
        BodyReader reader = new BodyReader(request, limit);
        Scheduler.Task timeout = scheduler.schedule(() -> reader.result.completeExceptionally(
                new TimeoutException("the body did not arrive within " + deadline.toSeconds() + " s")), deadline);
        reader.result.whenComplete((body, failure) -> timeout.cancel());
        reader.run();
        return reader.result;
    }

    /** Takes what has arrived, and asks to be run again when more does. */
    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if (body.size() + (long) bytes.remaining() > limit) {
                chunk.release();
                result.completeExceptionally(new TooLarge());
                return;
            }
            while (bytes.hasRemaining()) {
                int length = Math.min(bytes.remaining(), scratch.length);
                bytes.get(scratch, 0, length);
                body.write(scratch, 0, length);
            }
            chunk.release();
            if (last) {
                result.complete(body.toByteArray());
            }
        }
    }
}
