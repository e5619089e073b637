package dev.dealdesk.policy.compiled;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a decision that runs past its time inside one rule firing or condition, where the agenda
 * filter that checks the budget between firings cannot see it: a long chain of calls, or one JDK
 * call on a huge value. One daemon thread looks at the decisions in flight every few milliseconds
 * and stops the thread of one past its deadline with {@link Thread#stop()}, the only way the JVM
 * offers to end a computation that does not check for itself; the decision then ends as its
 * deal's error, and its session is thrown away. A thread is stopped only while it is inside the
 * decision that asked to be watched (see {@link Ticket#finish}), never after.
 *
 * <p>Each thread that decides has one slot, found through a thread-local, so watching a decision
 * costs a small object and two atomic writes.
 */
final class Runaways {

    private static final Logger LOG = LoggerFactory.getLogger(Runaways.class);

    /** How often the decisions in flight are looked at: a decision runs at most this much past its budget. */
    private static final long TICK_MILLIS = 10;

    private static final Set<Slot> SLOTS = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Runaways::newSlot);
    private static volatile Thread watcher;
    /** What a slot holds once the watcher has committed to stopping its decision. */
    private static final Ticket STOPPING = new Ticket(null, 0);

    private Runaways() {
    }

    /** Starts watching the calling thread's decision, which must end by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static Ticket watch(long deadlineNanos) {
        Slot slot = SLOT.get();
        Ticket ticket = new Ticket(slot, deadlineNanos);
        slot.current.set(ticket);
        return ticket;
    }

    /** A thread that decides, and the decision it is in, if any. */
    private static final class Slot {
        final Thread thread = Thread.currentThread();
        final AtomicReference<Ticket> current = new AtomicReference<>();
    }

    /** One decision being watched. */
    static final class Ticket {
        private final Slot slot;
        private final long deadline;
        private volatile boolean stopSent;
        private volatile boolean stopArrived;

        private Ticket(Slot slot, long deadline) {
            this.slot = slot;
            this.deadline = deadline;
        }

        /** Whether the decision was stopped (or, where Java cannot stop it, refused) for running past its time. */
        boolean stopped() {
            return stopSent;
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
                    if (slot.current.compareAndSet(this, null)) {
                        return ended; // Left before the watcher committed to a stop: none will come.
                    }
                    if (stopArrived) {
                        slot.current.set(null);
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

    private static Slot newSlot() {
        Slot slot = new Slot();
        SLOTS.add(slot);
        if (watcher == null) {
            startWatcher();
        }
        return slot;
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
            for (Slot slot : SLOTS) {
                Ticket ticket = slot.current.get();
                if (ticket == null) {
                    if (!slot.thread.isAlive()) {
                        SLOTS.remove(slot);
                    }
                } else if (ticket != STOPPING && now - ticket.deadline > 0 && slot.current.compareAndSet(ticket, STOPPING)) {
                    // Committed: the thread can no longer leave the decision until the stop arrives.
                    ticket.stopSent = true;
                    stop(ticket);
                }
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Ticket ticket) {
        try {
            ticket.slot.thread.stop();
            LOG.warn("stopped a decision that ran past its time budget inside a rule ({})", ticket.slot.thread.getName());
        } catch (UnsupportedOperationException notOnThisJava) {
            // No stop will arrive: the decision is left to finish, and is still refused as over budget.
            ticket.stopArrived = true;
            LOG.error("a decision runs past its time budget inside a rule, and this Java cannot stop it: {}",
                    ticket.slot.thread.getName());
        }
    }
}
