package dev.dealdesk.cli;

import dev.dealdesk.json.Utf8Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Decides records on every core and prints one line (or more text) per record, in input order.
 * Records go to the workers a batch at a time, so a batch of small deals costs one hand-off, not
 * one per deal; a worker writes a whole batch's text, and whichever thread finishes the oldest
 * batch prints it, with any later ones already done, and flushes. The reading thread never waits
 * for output except to keep at most a window of records in flight, so a pause in the input never
 * empties the pipeline, and what is decided is visible as soon as it is printed. A line is printed
 * only once its future completes (with an audit log: once its decision is on storage). Every
 * record gets its text: nothing is lost, even when recording a decision fails. Records are given
 * by one reading thread.
 */
final class OrderedBatches implements InputRecords.Sink {

    /** Records handed to a worker at once. */
    static final int BATCH = 64;
    /** Records in flight: with an audit log, the log is forced about once per window. */
    static final int WINDOW = 256;
    private static final int BATCHES_IN_FLIGHT = WINDOW / BATCH;

    /** A record's text: written into its batch's buffer once it may be printed. */
    @FunctionalInterface
    interface Text {
        void appendTo(Utf8Buffer batch);
    }

    /** Where finished text goes, in input order. Used by one thread at a time. */
    interface Output {
        /** Prints a batch's text. */
        void print(Utf8Buffer batch);

        /** Makes what was printed visible to a reader. */
        void flush();
    }

    private final Executor workers;
    private final Function<InputRecords.Record, CompletableFuture<Text>> decide;
    private final Function<Throwable, String> unrecorded;
    private final Output out;
    /** A permit per batch that may be in flight; given back once the batch is printed. */
    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
    /** Buffers printed and emptied, for the workers to write the next batches into. */
    private final Queue<Utf8Buffer> spare = new ConcurrentLinkedQueue<>();
    /** Finished batches waiting for the ones before them, by sequence number modulo the window; guarded by this. */
    private final Utf8Buffer[] waiting = new Utf8Buffer[BATCHES_IN_FLIGHT];
    /** The sequence number of the next batch to print; guarded by this. */
    private long printed;
    /** What printing threw, for the reading thread to throw on. */
    private volatile RuntimeException printFailure;
    private List<InputRecords.Record> next = new ArrayList<>(BATCH);
    private long dispatched;

    /**
     * @param decide     a record's text, on a worker; completes exceptionally only when the
     *                   decision could not be recorded, and never throws
     * @param unrecorded the text printed instead for a decision that could not be recorded
     */
    OrderedBatches(Executor workers, Function<InputRecords.Record, CompletableFuture<Text>> decide,
                   Function<Throwable, String> unrecorded, Output out) {
        this.workers = workers;
        this.decide = decide;
        this.unrecorded = unrecorded;
        this.out = out;
    }

    @Override
    public void accept(InputRecords.Record record) {
        next.add(record);
        if (next.size() == BATCH) {
            dispatch();
        }
    }

    /** Sends what has been read, so it is decided and printed while the input is quiet. */
    @Override
    public void idle() {
        dispatch();
    }

    /** Sends what has been read and returns once every record's text is printed and flushed. */
    void finish() {
        dispatch();
        inFlight.acquireUninterruptibly(BATCHES_IN_FLIGHT); // every batch given its permit back
        inFlight.release(BATCHES_IN_FLIGHT);
        throwIfPrintFailed();
    }

    private void dispatch() {
        throwIfPrintFailed();
        if (next.isEmpty()) {
            return;
        }
        List<InputRecords.Record> records = next;
        next = new ArrayList<>(BATCH);
        inFlight.acquireUninterruptibly();
        long sequence = dispatched++;
        CompletableFuture.supplyAsync(() -> decideAll(records), workers)
                .thenCompose(text -> text)
                .whenComplete((text, failure) -> finished(sequence, text != null ? text : unrecorded(records.size(), failure)));
    }

    /** Decides a batch on a worker; its text completes when every record's text has. */
    private CompletableFuture<Utf8Buffer> decideAll(List<InputRecords.Record> records) {
        List<CompletableFuture<Text>> texts = new ArrayList<>(records.size());
        for (InputRecords.Record record : records) {
            texts.add(decide.apply(record));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new));
        // Recorded decisions complete on the log's thread: join them up on a worker, not there.
        return all.isDone() ? CompletableFuture.completedFuture(join(texts)) : all.handleAsync((done, failure) -> join(texts), workers);
    }

    /** Writes the texts, in order, into one buffer (about 2.5 kB a decision line), reused once printed. */
    private Utf8Buffer join(List<CompletableFuture<Text>> texts) {
        Utf8Buffer joined = spare.poll();
        if (joined == null) {
            joined = new Utf8Buffer(texts.size() * 3072);
        }
        for (CompletableFuture<Text> text : texts) {
            try {
                text.join().appendTo(joined);
            } catch (CompletionException e) {
                joined.append(unrecorded.apply(e.getCause()));
            }
        }
        return joined;
    }

    /** A batch's text when writing it failed: deciding catches what a record can cause, so this is a defect. */
    private Utf8Buffer unrecorded(int records, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Utf8Buffer lines = new Utf8Buffer(256 * records);
        for (int i = 0; i < records; i++) {
            lines.append(unrecorded.apply(cause));
        }
        return lines;
    }

    /** Takes a finished batch and prints, in order, every batch that can now be printed. */
    private synchronized void finished(long sequence, Utf8Buffer text) {
        waiting[(int) (sequence % BATCHES_IN_FLIGHT)] = text;
        int slot;
        while (waiting[slot = (int) (printed % BATCHES_IN_FLIGHT)] != null) {
            Utf8Buffer batch = waiting[slot];
            waiting[slot] = null;
            printed++;
            try {
                if (printFailure == null) {
                    out.print(batch);
                }
            } catch (RuntimeException e) {
                printFailure = e;
            } finally {
                batch.clear();
                spare.offer(batch);
                inFlight.release();
            }
        }
        try {
            out.flush();
        } catch (RuntimeException e) {
            printFailure = e;
        }
    }

    private void throwIfPrintFailed() {
        if (printFailure != null) {
            throw printFailure;
        }
    }
}
