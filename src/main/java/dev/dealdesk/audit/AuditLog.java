package dev.dealdesk.audit;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log: one {@link AuditRecord} per line (JSON Lines), each chained to the one
 * before by its hash. An appended record is forced to storage before its future completes; records
 * waiting together are written and forced together (group commit), so many threads append at the
 * speed of one force per batch. After each batch is forced, the writer records the log's
 * {@link LogHead} in the head file beside it ({@code <file>.head}), so records deleted from the end
 * are seen. A batch that cannot be written (a full disk) fails, with every record chained after
 * it, and leaves nothing behind; appends succeed again once the disk takes writes, and
 * {@link #problem()} says so without waiting for one. One writer per file: the
 * file is locked while open, and another process gets an {@link AuditException}. On open, a log
 * that holds fewer records than its head, or not the record its head names, is refused untouched;
 * a torn last line beyond the head (a crash mid-write) is set aside in {@code <file>.torn-<millis>}
 * and the chain continues from the last whole record. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final PolicySnapshots snapshots;
    private final String engine;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private final AtomicLong appended = new AtomicLong();
    private String recovered;
    private HeadFile head;
    private LogWriter writer;

    private AuditLog(Path file, FileChannel channel, FileLock lock, String engine) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.snapshots = PolicySnapshots.beside(file);
        this.engine = engine;
    }

    /**
     * Opens (or creates) the log for appending. Its directory must exist: a mistyped path is an
     * error, not the start of a second, separate audit trail.
     *
     * @param engine the engine version each record names
     * @throws AuditException when the path cannot be written (no such directory, a directory, not a
     *                        regular file, read-only), another process holds the log, or the log
     *                        lost records its head says were written
     */
    public static AuditLog open(Path file, String engine) {
        return open(file, engine, Storage.FILES);
    }

    static AuditLog open(Path file, String engine, Storage storage) {
        requireNonNull(file, "file");
        requireNonNull(engine, "engine");
        LogPath.checkWritable(file);
        if (Files.notExists(file) && Files.exists(LogFiles.head(file))) {
            throw new AuditException("audit log " + file + " is missing, but its head " + LogFiles.head(file)
                    + " is there: the log was deleted; run dealdesk verify " + file);
        }
        FileChannel channel = null;
        try {
            channel = storage.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            AuditLog log = new AuditLog(file, channel, lock, engine);
            log.start(storage);
            return log;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AuditException("cannot open audit log " + file + ": " + LogPath.why(e), e);
        } catch (AuditException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Checks the log against its head, sets a torn tail aside, and starts the writer. */
    private void start(Storage storage) throws IOException {
        LogHead expected;
        try {
            expected = HeadFile.read(file).orElse(null);
        } catch (AuditFormatException e) {
            throw new AuditException("the head file of audit log " + file + " is not one a writer wrote (" + e.getMessage()
                    + "); run dealdesk verify " + file);
        }
        LogChannel.Scan scan = LogChannel.scan(channel, expected == null ? 0 : expected.records(), offsets::put);
        LogHead found = found(scan, expected);
        recovered = LogChannel.setAsideTornTail(file, channel, scan.end());
        try {
            head = HeadFile.open(file, found, storage);
        } catch (AuditFormatException e) {
            throw new AuditException("the head file of audit log " + file + " is not one a writer wrote (" + e.getMessage() + ")");
        }
        if (!head.head().equals(found)) {
            // Records forced to the log just before a crash, before their head was written.
            try {
                head.write(found);
            } catch (IOException e) {
                head.close();
                throw e;
            }
        }
        writer = new LogWriter(file, channel, head, storage, scan.end(), found, (record, offset) -> {
            offsets.put(record.decisionId(), offset);
            appended.incrementAndGet();
        });
    }

    /**
     * The log's head as it holds it: refused when the log lost records its head says were
     * written, or when its last record cannot be read (no chain can follow it). Refused logs are
     * left untouched, for verify to report.
     */
    private LogHead found(LogChannel.Scan scan, LogHead expected) {
        if (expected != null) {
            String hashThere = null;
            try {
                hashThere = scan.counted() == null ? null : AuditRecord.parse(scan.counted()).hash();
            } catch (AuditFormatException unreadable) {
                // an edit, which verify reports; the last record is checked below
            }
            expected.lostBy(scan.records(), hashThere).ifPresent(problem -> {
                throw new AuditException("audit log " + file + ": " + problem.kind() + ": " + problem.message()
                        + "; it is left as it is: run dealdesk verify " + file);
            });
        }
        if (scan.records() == 0) {
            return LogHead.empty();
        }
        try {
            return new LogHead(scan.records(), AuditRecord.parse(scan.last()).hash());
        } catch (AuditFormatException e) {
            throw new AuditException("the last record of " + file + " cannot be read (" + e.getMessage()
                    + "); run dealdesk verify " + file);
        }
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Why the log cannot take records now, or empty when it can. Read by the service's readiness
     * check; while writes fail, the writer tries the disk every second, so this clears once the
     * disk takes writes again, whether or not a record arrives.
     */
    public Optional<String> problem() {
        return writer.problem();
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
        return writer.append(previous -> AuditRecord.of(deal, decision, engine, previous));
    }

    /** Writes what is queued, forces it, and releases the file. */
    @Override
    public void close() {
        writer.close();
        try {
            head.close();
        } catch (IOException e) {
            LOG.warn("closing the head of {}: {}", file, e.getMessage());
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
