package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread of an audit log. Records are chained in the order they are queued; the thread
 * writes what is waiting as one batch, forces it to the log, then writes and forces the head, and
 * only then completes the batch's futures (group commit). A batch that cannot be written fails, and
 * so does every record queued after it (they are chained to it): the log is cut back to its last
 * whole record, and the chain goes on from the last record on storage. The thread keeps running:
 * while writes fail it writes and removes a small file beside the log once a second, and once that
 * succeeds (space was freed, say) the log reports itself writable again without waiting for a
 * record. A head that cannot be written does not fail the records already forced to the log: the
 * head only falls behind, which it may. Thread-safe.
 */
final class LogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);

    /** How long a failed writer waits between tries of the disk when no record arrives. */
    static final long RETRY_MILLIS = 1000;

    /** The bytes the probe writes: room for a batch of typical records. */
    private static final int PROBE_BYTES = 64 << 10;

    private record Pending(byte[] line, AuditRecord record, CompletableFuture<AuditRecord> done) {
    }

    private final Path file;
    private final FileChannel channel;
    private final HeadFile head;
    private final Storage storage;
    private final BiConsumer<AuditRecord, Long> written;
    private final Thread thread;
    private final List<Pending> queue = new ArrayList<>();
    // Guarded by queue:
    private String lastHash;
    private boolean closing;
    private AuditException failure;
    // The writer thread's own: the log up to its last record on storage.
    private long end;
    private LogHead durable;

    /**
     * @param end     where the last whole record of the log ends
     * @param durable the log's head: its records and the last one's hash
     * @param written told of each record on storage and where its line starts
     */
    LogWriter(Path file, FileChannel channel, HeadFile head, Storage storage, long end, LogHead durable,
              BiConsumer<AuditRecord, Long> written) {
        this.file = file;
        this.channel = channel;
        this.head = head;
        this.storage = storage;
        this.end = end;
        this.durable = durable;
        this.lastHash = durable.hash();
        this.written = written;
        this.thread = new Thread(this::run, "dealdesk-audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues the record {@code chained} makes of the hash it follows. The future completes once the
     * record is on storage, or fails with an {@link AuditException}.
     */
    CompletableFuture<AuditRecord> append(Function<String, AuditRecord> chained) {
        CompletableFuture<AuditRecord> done = new CompletableFuture<>();
        synchronized (queue) {
            if (closing) {
                done.completeExceptionally(new AuditException("audit log " + file + " is closed"));
                return done;
            }
            // The chain is fixed here, in the order records are queued, which is the order they are written.
            AuditRecord record = chained.apply(lastHash);
            lastHash = record.hash();
            queue.add(new Pending((record.line() + "\n").getBytes(StandardCharsets.UTF_8), record, done));
            queue.notifyAll();
        }
        return done;
    }

    /** Why records cannot be written now, or empty when they can. */
    Optional<String> problem() {
        synchronized (queue) {
            return failure == null ? Optional.empty() : Optional.of(failure.getMessage());
        }
    }

    /** Writes what is queued and stops the thread. */
    void close() {
        synchronized (queue) {
            closing = true;
            queue.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            List<Pending> batch = List.of();
            boolean failing;
            synchronized (queue) {
                try {
                    if (queue.isEmpty() && !closing) {
                        queue.wait(failure == null ? 0 : RETRY_MILLIS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (queue.isEmpty() && closing) {
                    return;
                }
                batch = List.copyOf(queue);
                queue.clear();
                failing = failure != null;
            }
            if (!batch.isEmpty()) {
                commit(batch);
            } else if (failing) {
                probe();
            }
        }
    }

    private void commit(List<Pending> batch) {
        ByteBuffer bytes = ByteBuffer.allocate(batch.stream().mapToInt(pending -> pending.line().length).sum());
        batch.forEach(pending -> bytes.put(pending.line()));
        bytes.flip();
        long position = end;
        try {
            // Bytes of a failed batch that could not be cut back then are cut back now.
            if (channel.size() > end) {
                channel.truncate(end);
            }
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            channel.force(false);
        } catch (IOException e) {
            fail(batch, e);
            return;
        }
        long offset = end;
        for (Pending pending : batch) {
            written.accept(pending.record(), offset);
            offset += pending.line().length;
        }
        end = position;
        durable = new LogHead(durable.records() + batch.size(), batch.get(batch.size() - 1).record().hash());
        AuditException headFailure = null;
        try {
            head.write(durable);
        } catch (IOException e) {
            headFailure = new AuditException("the head of audit log " + file + " cannot be written: " + e.getMessage(), e);
        }
        boolean wasFailing;
        synchronized (queue) {
            wasFailing = failure != null;
            failure = headFailure;
        }
        if (headFailure != null && !wasFailing) {
            LOG.error("{}; it falls behind the log until it can", headFailure.getMessage());
        } else if (headFailure == null && wasFailing) {
            LOG.info("audit log {} can be written again", file);
        }
        batch.forEach(pending -> pending.done().complete(pending.record()));
    }

    /** Fails {@code batch} and every record chained after it, cuts the log back, and chains on from the last record on storage. */
    private void fail(List<Pending> batch, IOException e) {
        try {
            channel.truncate(end);
            channel.force(false);
        } catch (IOException cut) {
            LOG.warn("audit log {} cannot be cut back to its last record yet (it will be before the next write): {}",
                    file, cut.getMessage());
        }
        AuditException failed = new AuditException("audit log " + file + " cannot be written: " + e.getMessage(), e);
        List<Pending> chained;
        boolean first;
        synchronized (queue) {
            // Said once when writes start failing, not for every record refused while they do.
            first = failure == null;
            failure = failed;
            chained = List.copyOf(queue);
            queue.clear();
            lastHash = durable.hash();
        }
        if (first) {
            LOG.error("audit log {} cannot be written: {}; records fail until it can", file, e.getMessage());
        }
        batch.forEach(pending -> pending.done().completeExceptionally(failed));
        chained.forEach(pending -> pending.done().completeExceptionally(failed));
    }

    /**
     * Whether writes succeed again: writes, forces and removes a small file beside the log, cuts
     * back what a failed batch left, and catches the head up.
     */
    private void probe() {
        try {
            storage.probe(LogFiles.probe(file), PROBE_BYTES);
            if (channel.size() > end) {
                // the bytes of a failed batch that could not be cut back when it failed
                channel.truncate(end);
                channel.force(false);
            }
            if (!head.head().equals(durable)) {
                head.write(durable);
            }
        } catch (IOException stillFailing) {
            return;
        }
        LOG.info("audit log {} can be written again", file);
        synchronized (queue) {
            failure = null;
        }
    }
}
