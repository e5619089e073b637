package dev.dealdesk.policy.compiled;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a decision that runs past its time inside one rule firing or condition, where the agenda
 * filter that checks the budget between firings cannot see it: a long chain of calls, or one JDK
 * call on a huge value. One daemon thread looks at the decisions in flight every few milliseconds
 * and stops the thread of one past its deadline with {@link Thread#stop()}, the only way the JVM
 * offers to end a computation that does not check for itself; the decision then ends as its
 * deal's error, and its session is thrown away. A thread is stopped only while it is inside the
 * decision that asked to be watched (see {@link Watched#finish()}), never after.
 */
final class Runaways {

    private static final Logger LOG = LoggerFactory.getLogger(Runaways.class);

    /** How often the decisions in flight are looked at: a decision runs at most this much past its budget. */
    private static final long TICK_MILLIS = 10;

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;

    private static final Set<Watched> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static volatile Thread watcher;

    private Runaways() {
    }

    /** Starts watching the calling thread's decision, which must end by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static Watched watch(long deadlineNanos) {
        Watched watched = new Watched(Thread.currentThread(), deadlineNanos);
        IN_FLIGHT.add(watched);
        if (watcher == null) {
            startWatcher();
        }
        return watched;
    }

    /** One decision being watched. */
    static final class Watched {
        private final Thread thread;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile boolean stopArrived;

        private Watched(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        /** Whether the decision was stopped for running past its time. */
        boolean stopped() {
            return state.get() == STOPPING;
        }

        /**
         * Ends the watch; called by the decision's own thread as soon as the rules are done (or
         * failed with {@code failure}, or {@code null}). When a stop was sent and has not arrived
         * yet, waits for it here, so it can never land in the caller's code.
         *
         * @return the failure the decision ended with: {@code failure}, or the stop when it
         *         arrived here
         */
        Throwable finish(Throwable failure) {
            Throwable ended = failure;
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                stopArrived |= isStop(cause);
            }
            while (true) {
                try {
                    IN_FLIGHT.remove(this);
                    if (stopArrived || state.compareAndSet(RUNNING, DONE) || state.get() == DONE) {
                        return ended;
                    }
                    TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ended;
                } catch (Throwable late) {
                    // The stop, sent while the rules were finishing; anything else ends the decision too.
                    stopArrived |= isStop(late);
                    ended = ended == null ? late : ended;
                }
            }
        }
    }

    @SuppressWarnings("deprecation")
    private static boolean isStop(Throwable failure) {
        return failure instanceof ThreadDeath;
    }

    private static synchronized void startWatcher() {
        if (watcher != null) {
            return;
        }
        Thread thread = new Thread(Runaways::watchForever, "dealdesk-evaluation-budget");
        thread.setDaemon(true);
        thread.start();
        watcher = thread;
    }

    private static void watchForever() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched watched : IN_FLIGHT) {
                if (now - watched.deadline > 0 && watched.state.compareAndSet(RUNNING, STOPPING)) {
                    IN_FLIGHT.remove(watched);
                    stop(watched);
                }
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Watched watched) {
        try {
            watched.thread.stop();
            LOG.warn("stopped a decision that ran past its time budget inside a rule ({})", watched.thread.getName());
        } catch (UnsupportedOperationException notOnThisJava) {
            // No stop will arrive: the decision is left to finish, and is still refused as over budget.
            watched.stopArrived = true;
            LOG.error("a decision runs past its time budget inside a rule, and this Java cannot stop it: {}",
                    watched.thread.getName());
        }
    }
}
