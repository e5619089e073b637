package dev.dealdesk.audit;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log: one {@link AuditRecord} per line (JSON Lines), each chained to the one
 * before by its hash. An appended record is forced to storage before its future completes; records
 * waiting together are written and forced together (group commit), so many threads append at the
 * speed of one force per batch. One writer per file: the file is locked while open, and another
 * process gets an {@link AuditException}. On open, a torn last line (a crash mid-write) is set aside
 * in {@code <file>.torn-<millis>} and the chain continues from the last whole record.
 * Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private record Pending(byte[] line, AuditRecord record, CompletableFuture<AuditRecord> done) {
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final PolicySnapshots snapshots;
    private final String engine;
    private final String recovered;
    private final Thread writer;
    private final List<Pending> queue = new ArrayList<>();
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private final AtomicLong appended = new AtomicLong();
    private String lastHash;
    private boolean closing;
    private IOException failure;

    private AuditLog(Path file, FileChannel channel, FileLock lock, String lastHash, String engine, String recovered) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.snapshots = PolicySnapshots.beside(file);
        this.lastHash = lastHash;
        this.engine = engine;
        this.recovered = recovered;
        this.writer = new Thread(this::writeLoop, "dealdesk-audit-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Opens (or creates) the log for appending.
     *
     * @param engine the engine version each record names
     * @throws AuditException when another process holds the log, it is not a regular file, or it cannot be
     *                        read or written
     */
    public static AuditLog open(Path file, String engine) {
        requireNonNull(file, "file");
        requireNonNull(engine, "engine");
        FileChannel channel = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A device or a pipe has no end to read and cannot be forced: records would not be kept.
                throw new AuditException("audit log " + file + " is not a regular file");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AuditException("audit log " + file + " is in use by another writer");
            }
            String recovered = LogChannel.setAsideTornTail(file, channel);
            String lastHash = LogChannel.lastHash(file, channel);
            channel.position(channel.size());
            AuditLog log = new AuditLog(file, channel, lock, lastHash, engine, recovered);
            log.indexExisting();
            log.writer.start();
            return log;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AuditException("cannot open audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Why the log cannot take records now, or empty when it can. Read by the service's readiness
     * check.
     */
    public Optional<String> problem() {
        synchronized (queue) {
            return failure == null ? Optional.empty() : Optional.of("the audit log cannot be written: " + failure.getMessage());
        }
    }

    /** How many records this writer has put on storage since it opened the log. */
    public long appended() {
        return appended.get();
    }

    /**
     * The stored record of a decision, as its line, or empty when the log has no such decision.
     * Only records already on storage are found.
     */
    public Optional<String> find(String decisionId) {
        Long offset = offsets.get(decisionId);
        if (offset == null) {
            return Optional.empty();
        }
        // Read through the locked channel: on Linux, closing any other handle on the file drops the lock.
        try {
            return Optional.of(LogChannel.lineAt(channel, offset));
        } catch (IOException e) {
            throw new AuditException("cannot read audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Indexes the decision ids already in the log, so {@link #find} serves old decisions too. Reads
     * through the locked channel: opening and closing another handle on the file would drop the lock.
     */
    private void indexExisting() throws IOException {
        LogChannel.forEachLine(channel, line -> {
            try {
                offsets.put(AuditRecord.parse(line).decisionId(), line.offset());
            } catch (AuditFormatException unreadable) {
                // verify reports it; it has no decision to find
            }
        });
    }

    /** Where the torn last line found on open was set aside, or {@code null} when there was none. */
    public String recoveredTornTail() {
        return recovered;
    }

    /**
     * Appends the record of a decision. The policy is pinned first (stored once per version); the
     * future completes once the record is on storage, or fails with an {@link AuditException}.
     */
    public CompletableFuture<AuditRecord> append(Deal deal, Decision decision, PolicySource policy) {
        requireNonNull(deal, "deal");
        requireNonNull(decision, "decision");
        requireNonNull(policy, "policy");
        CompletableFuture<AuditRecord> done = new CompletableFuture<>();
        try {
            snapshots.store(policy);
        } catch (IOException e) {
            done.completeExceptionally(new AuditException("cannot pin policy " + policy.version().version() + ": "
                    + e.getMessage(), e));
            return done;
        }
        synchronized (queue) {
            if (closing || failure != null) {
                done.completeExceptionally(new AuditException("audit log " + file + " is closed"
                        + (failure == null ? "" : " after a write failure: " + failure.getMessage()), failure));
                return done;
            }
            // The chain is fixed here, in the order records are queued, which is the order they are written.
            AuditRecord record = AuditRecord.of(deal, decision, engine, lastHash);
            lastHash = record.hash();
            queue.add(new Pending((record.line() + "\n").getBytes(StandardCharsets.UTF_8), record, done));
            queue.notifyAll();
        }
        return done;
    }

    private void writeLoop() {
        while (true) {
            List<Pending> batch;
            synchronized (queue) {
                while (queue.isEmpty() && !closing) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            try {
                int size = batch.stream().mapToInt(pending -> pending.line().length).sum();
                ByteBuffer bytes = ByteBuffer.allocate(size);
                long start = channel.position();
                batch.forEach(pending -> bytes.put(pending.line()));
                bytes.flip();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
                long offset = start;
                for (Pending pending : batch) {
                    offsets.put(pending.record().decisionId(), offset);
                    offset += pending.line().length;
                }
                appended.addAndGet(batch.size());
                batch.forEach(pending -> pending.done().complete(pending.record()));
            } catch (IOException e) {
                LOG.error("audit log {} cannot be written: {}", file, e.getMessage());
                AuditException failed = new AuditException("audit log " + file + " cannot be written: " + e.getMessage(), e);
                batch.forEach(pending -> pending.done().completeExceptionally(failed));
                synchronized (queue) {
                    failure = e;
                    queue.forEach(pending -> pending.done().completeExceptionally(failed));
                    queue.clear();
                }
                return;
            }
        }
    }

    /** Writes what is queued, forces it, and releases the file. */
    @Override
    public void close() {
        synchronized (queue) {
            closing = true;
            queue.notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("releasing the lock on {}: {}", file, e.getMessage());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing or closing
            }
        }
    }
}
