package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.json.Utf8Buffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Texts finished in any order on any thread are printed in input order, every one of them. */
class OrderedBatchesTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private final ExecutorService recorder = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
        recorder.shutdownNow();
    }

    @Test
    void texts_arePrintedInInputOrder_whateverOrderTheyFinishIn() {
        Random random = new Random(3);
        Printed printed = new Printed();
        OrderedBatches batches = new OrderedBatches(workers, record -> later(random.nextInt(3), "text of " + record.source() + "\n"),
                cause -> "unrecorded\n", printed);
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 2_000; i++) {
            batches.accept(InputRecords.Record.asciiLine(i, "{}"));
            expected.append("text of stdin:").append(i).append('\n');
            if (random.nextInt(100) == 0) {
                batches.idle(); // a quiet input: a short batch goes out
            }
        }
        batches.finish();

        assertEquals(expected.toString(), printed.text());
        assertTrue(printed.flushes.get() > 0, "flushed");
        printed.assertOneThreadAtATime();
    }

    @Test
    void aTextThatCouldNotBeRecorded_isReplacedInPlace_andTheOthersArePrinted() {
        Function<InputRecords.Record, CompletableFuture<OrderedBatches.Text>> decide = record -> record.source().endsWith("7")
                ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                : later(0, record.source() + "\n");
        Printed printed = new Printed();
        OrderedBatches batches = new OrderedBatches(workers, decide, cause -> "unrecorded: " + cause.getMessage() + "\n", printed);
        for (int i = 1; i <= 100; i++) {
            batches.accept(InputRecords.Record.asciiLine(i, "{}"));
        }
        batches.finish();

        String[] lines = printed.text().split("\n");
        assertEquals(100, lines.length);
        for (int i = 1; i <= 100; i++) {
            assertEquals(i % 10 == 7 ? "unrecorded: disk full" : "stdin:" + i, lines[i - 1]);
        }
        printed.assertOneThreadAtATime();
    }

    @Test
    void aQuietInput_doesNotWaitForDecisions_andTheirTextIsPrintedAndFlushedWhenTheyFinish() throws Exception {
        CompletableFuture<OrderedBatches.Text> second = new CompletableFuture<>();
        Printed printed = new Printed();
        OrderedBatches batches = new OrderedBatches(workers,
                record -> record.source().equals("stdin:2") ? second : later(0, record.source() + "\n"), cause -> "", printed);
        batches.accept(InputRecords.Record.asciiLine(1, "{}"));
        batches.accept(InputRecords.Record.asciiLine(2, "{}"));
        batches.idle(); // returns with the second decision still pending: the reader may now block on input

        assertEquals("", printed.text());
        second.complete(batch -> batch.append("stdin:2\n"));
        for (int waited = 0; printed.flushedText().isEmpty() && waited < 10_000; waited += 10) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertEquals("stdin:1\nstdin:2\n", printed.flushedText());
        printed.assertOneThreadAtATime();
    }

    /** A text completed on another thread after up to {@code millis}, as an audit log completes them. */
    private CompletableFuture<OrderedBatches.Text> later(int millis, String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch -> batch.append(text);
        }, recorder);
    }

    /**
     * Collects printed text and counts calls made while another thread was printing or flushing.
     * It is called on the threads that finish batches, where a failed assertion would be lost, so
     * the test thread asserts the count.
     */
    private static final class Printed implements OrderedBatches.Output {
        private final StringBuilder text = new StringBuilder();
        private final AtomicInteger flushes = new AtomicInteger();
        private final AtomicInteger users = new AtomicInteger();
        private final AtomicInteger overlaps = new AtomicInteger();
        private volatile String flushed = "";

        @Override
        public void print(Utf8Buffer batch) {
            enter();
            try {
                synchronized (text) {
                    text.append(batch);
                }
            } finally {
                users.decrementAndGet();
            }
        }

        @Override
        public void flush() {
            enter();
            try {
                flushes.incrementAndGet();
                flushed = text();
            } finally {
                users.decrementAndGet();
            }
        }

        private void enter() {
            if (users.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
        }

        /** Asserts, on the test thread, that no two threads printed or flushed at once. */
        void assertOneThreadAtATime() {
            assertEquals(0, overlaps.get(), "calls made while another thread was printing or flushing");
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        String flushedText() {
            return flushed;
        }
    }
}
