package dev.dealdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decides records on every core and prints each record's text in input order. One thread reads the
 * records and hands each to the workers; the calling thread prints the texts in the order the
 * records were read, each once it is done. At most {@link #WINDOW} records are in flight, so memory
 * stays bounded and, with an audit log, decisions waiting together are forced to storage together.
 * Output is flushed whenever the printer catches up with the workers, so a slow producer sees each
 * decision at once.
 */
final class InOrder {

    /** Records in flight at most. */
    static final int WINDOW = 256;
    /** How many texts are printed between checks that the output is still open. */
    private static final int CHECK_EVERY = 64;

    /** Reads records in order and hands each to the sink. */
    @FunctionalInterface
    interface Reader<R> {
        void read(Consumer<R> sink);
    }

    private InOrder() {
    }

    /**
     * Reads every record, decides each on the workers with {@code decide} (its future gives the
     * record's text) and prints the texts in input order. A failure that {@code decide} did not turn
     * into text, or one of the reader's, is printed as {@code failed} renders it: nothing is skipped.
     *
     * @return false when the output closed (a reader went away) before everything was printed
     */
    static <R> boolean run(Reader<R> reader, Function<R, CompletableFuture<String>> decide,
                           Function<Throwable, String> failed, PrintWriter out) {
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), InOrder::daemon);
        BlockingQueue<CompletableFuture<String>> pending = new ArrayBlockingQueue<>(WINDOW);
        CompletableFuture<String> end = new CompletableFuture<>();
        Thread input = daemon(() -> {
            try {
                try {
                    reader.read(record -> put(pending, CompletableFuture.supplyAsync(() -> decide.apply(record), workers)
                            .thenCompose(text -> text)));
                } catch (Stopped stopped) {
                    return;
                } catch (RuntimeException defect) {
                    put(pending, CompletableFuture.failedFuture(defect));
                }
                put(pending, end);
            } catch (Stopped stopped) {
                // the output closed: nothing more to read
            }
        });
        input.start();
        try {
            long printed = 0;
            for (CompletableFuture<String> next = take(pending); next != end; next = take(pending)) {
                out.print(next.handle((text, failure) -> failure == null ? text : failed.apply(failure)).join());
                if ((pending.isEmpty() || ++printed % CHECK_EVERY == 0) && out.checkError()) {
                    return false; // checkError flushes: the reader of our output has gone
                }
            }
            return !out.checkError();
        } finally {
            input.interrupt();
            workers.shutdownNow();
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException interrupted) {
            throw new Stopped();
        }
    }

    /** The printer stopped (the output closed) while the reader waited to hand over a record. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while printing decisions", e);
        }
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "dealdesk-evaluate");
        thread.setDaemon(true);
        return thread;
    }
}
