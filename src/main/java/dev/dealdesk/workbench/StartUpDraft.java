package dev.dealdesk.workbench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.audit.WhatIf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies the workbench when the service starts, on threads of their own so that the first page
 * need not wait: one reads the audit log into the index; the other meanwhile checks the live policy
 * as a draft that changes nothing (compiled, examples run, and once the log is read, what-if over its
 * first {@link #DECISIONS} deals), answer unused, so that the JVM compiles the draft path's code
 * before an analyst's first draft rather than during it. A draft waits for it ({@link #await})
 * rather than compete for the cores. Thread-safe.
 */
final class StartUpDraft {

    private static final Logger LOG = LoggerFactory.getLogger(StartUpDraft.class);

    /** Logged deals decided once at start-up: enough calls for the JIT to compile the engine's hot code. */
    static final int DECISIONS = 20_000;

    /** How long a draft waits for the start-up's at most: it ends once the log is read and its deals decided. */
    private static final long WAIT_SECONDS = 120;

    /** Counted down when the start-up's draft is done; none to wait for before {@link #start}. */
    private volatile CountDownLatch done = new CountDownLatch(0);

    /** Starts reading {@code index} and the draft that changes nothing. */
    void start(LogIndex index, DealDesk engine, Path examples) {
        CountDownLatch started = new CountDownLatch(1);
        done = started;
        WhatIf.Source firstDeals = sink -> {
            index.refresh();
            long[] taken = {0};
            index.whatIfSource().forEach(logged -> {
                if (taken[0]++ < DECISIONS) {
                    sink.accept(logged);
                }
            });
        };
        background("dealdesk-workbench-index", "could not read the audit log", index::refresh, () -> { });
        background("dealdesk-workbench-warm-up", "could not check the live policy as a draft at start-up; the first draft"
                + " will be slower", () -> DraftCheck.run(new Draft(Map.of(), Map.of()), engine.livePolicy(), firstDeals, examples),
                started::countDown);
    }

    /** Waits for the start-up's draft, at most {@link #WAIT_SECONDS}: a draft after it is quicker than one beside it. */
    void await() {
        try {
            if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("a draft did not wait longer for the workbench's start-up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workbench's start-up", e);
        }
    }

    /** Work done at start-up: a failure is logged, and the workbench works all the same, if slower to its first answer. */
    private interface Work {
        void run() throws IOException;
    }

    private static void background(String name, String failure, Work work, Runnable then) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException | RuntimeException e) {
                LOG.warn("the workbench {}: {}", failure, e.toString());
            } finally {
                then.run();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
