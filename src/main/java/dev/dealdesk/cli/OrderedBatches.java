package dev.dealdesk.cli;

import dev.dealdesk.json.Utf8Buffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Decides records on every core and prints one line (or more text) per record, in input order.
 * Records go to the workers a batch at a time, so a batch of small deals costs one hand-off, not
 * one per deal; a worker writes a whole batch's text, and the reading thread only prints finished
 * batches. Up to a window of records is in flight, so the workers never run dry, and a line is
 * printed only once its future completes (with an audit log: once its decision is on storage).
 * Every record gets its text: nothing is lost, even when recording a decision fails. Used by the
 * reading thread only.
 */
final class OrderedBatches implements InputRecords.Sink {

    /** Records handed to a worker at once. */
    static final int BATCH = 64;
    /** Records in flight: with an audit log, the log is forced about once per window. */
    static final int WINDOW = 256;

    /** A record's text: written into its batch's buffer once it may be printed. */
    @FunctionalInterface
    interface Text {
        void appendTo(Utf8Buffer batch);
    }

    /** Where finished text goes, in input order. */
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
    private final Deque<Batch> inFlight = new ArrayDeque<>();
    /** Buffers printed and emptied, for the workers to write the next batches into. */
    private final Queue<Utf8Buffer> spare = new ConcurrentLinkedQueue<>();
    private List<InputRecords.Record> next = new ArrayList<>(BATCH);

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
            // Print only the oldest batches when the window is full, so the workers never run dry.
            while (inFlight.size() * BATCH >= WINDOW || !inFlight.isEmpty() && inFlight.peek().text().isDone()) {
                printOldest();
            }
        }
    }

    /** Sends what has been read, prints every record's text and flushes: before input may block, and at the end. */
    @Override
    public void idle() {
        dispatch();
        while (!inFlight.isEmpty()) {
            printOldest();
        }
        out.flush();
    }

    /**
     * Records decided together.
     *
     * @param size how many records
     * @param text their text, in input order
     */
    private record Batch(int size, CompletableFuture<Utf8Buffer> text) {
    }

    private void printOldest() {
        Batch batch = inFlight.poll();
        try {
            Utf8Buffer text = batch.text().join();
            out.print(text);
            text.clear();
            spare.offer(text);
        } catch (CompletionException e) {
            // Deciding catches what a record can cause, so this is a defect; still no record goes without a line.
            Utf8Buffer lines = new Utf8Buffer(256 * batch.size());
            for (int i = 0; i < batch.size(); i++) {
                lines.append(unrecorded.apply(e.getCause()));
            }
            out.print(lines);
        }
    }

    private void dispatch() {
        if (next.isEmpty()) {
            return;
        }
        List<InputRecords.Record> records = next;
        next = new ArrayList<>(BATCH);
        inFlight.add(new Batch(records.size(),
                CompletableFuture.supplyAsync(() -> decideAll(records), workers).thenCompose(text -> text)));
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
}
