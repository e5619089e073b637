package dev.dealdesk.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request line and headers have not arrived in full within a deadline of
 * the connection opening or of its previous response. The server's idle timeout cannot do this: a
 * client that sends one header byte every half second is never idle. Thread-safe.
 */
final class HeaderDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final Duration deadline;
    private final Map<Connection, Watch> armed = new ConcurrentHashMap<>();

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    /** The connection's request headers have arrived: its handler runs. */
    void requestStarted(Connection connection) {
        disarm(connection);
    }

    /** The connection's response is complete: the deadline for the next request's headers starts. */
    void requestEnded(Connection connection) {
        if (connection.getEndPoint().isOpen()) {
            arm(connection);
        }
    }

    private void arm(Connection connection) {
        Watch watch = new Watch(connection);
        Watch previous = armed.put(connection, watch);
        watch.task = scheduler.schedule(watch, deadline);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void disarm(Connection connection) {
        Watch watch = armed.remove(connection);
        if (watch != null) {
            watch.cancel();
        }
    }

    /** One deadline of one connection; it closes the connection only if it is still the armed one. */
    private final class Watch implements Runnable {

        private final Connection connection;
        private volatile Scheduler.Task task;

        Watch(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (armed.remove(connection, this)) {
                connection.getEndPoint().close();
            }
        }

        void cancel() {
            Scheduler.Task scheduled = task;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
