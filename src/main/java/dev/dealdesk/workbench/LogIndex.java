package dev.dealdesk.workbench;

import dev.dealdesk.audit.LoggedDecision;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.json.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * What the workbench needs to know of the audit log, read once and then only as it grows: for each
 * record its line, decision id, deal id, outcome, time and policy version, and for each rule how
 * many logged decisions it fired in. Only whole lines are read; a log replaced by another file, or
 * rewritten, is read again from its start, and a request that finds it replaced while reading it is
 * refused ({@link Refusal#logReplaced}). Records are read by {@link LoggedDecision#summary}; proving them unaltered is
 * {@link dev.dealdesk.audit.ReceiptCheck}'s and the verifier's work. Thread-safe: one thread reads the log at a time, and the index may be asked while it does.
 */
final class LogIndex {

    /** One logged decision, with its finding codes in order. */
    record Entry(long line, String decisionId, String dealId, String outcome, Instant evaluatedAt, String policy,
                 List<String> codes) {

        /** What a what-if needs of it besides the deal. */
        LoggedDecision summary() {
            return new LoggedDecision(decisionId, evaluatedAt.toString(), policy, dealId, null, outcome, codes, Set.of());
        }
    }

    /** Matches, newest first: at most the limit asked for, and how many there are in all. */
    record Found(long total, List<Entry> entries) {
    }

    /** The longest line indexed: an audit record of the largest deal. */
    private static final int MAX_LINE = 16 << 20;

    private final Path log;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Long> firedIn = new HashMap<>();
    /** One instance of each recurring text (outcomes, policy versions, codes, rule names); used only while reading. */
    private final Map<String, String> texts = new HashMap<>();
    /** Held while the log is read: one reader at a time. */
    private final ReentrantLock reading = new ReentrantLock();
    /** Where each line starts; one more entry marks where the next line will. */
    private long[] starts = new long[1024];
    private int lines;
    private long unreadable;
    /** The indexed file's identity where the file system gives one ({@code null} otherwise), and its last line read. */
    private Object fileKey;
    private byte[] lastLine;

    LogIndex(Path log) {
        this.log = log;
    }

    /** Reads what was appended since the last call; waits for a read another thread is making. */
    void refresh() throws IOException {
        reading.lock();
        try {
            read();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads what was appended since the last call, unless another thread is reading the log now
     * (the first read of a long log takes seconds): then gives {@code false} at once, and the index
     * holds what was read so far.
     */
    boolean refreshUnlessReading() throws IOException {
        if (!reading.tryLock()) {
            return false;
        }
        try {
            read();
            return true;
        } finally {
            reading.unlock();
        }
    }

    /** Only under {@link #reading}: each line is added as it is read, so readers of the index see it grow. */
    private void read() throws IOException {
        Object key = Files.exists(log) ? Files.readAttributes(log, BasicFileAttributes.class).fileKey() : null;
        long size = Files.exists(log) ? Files.size(log) : 0;
        if (replaced(key, size)) {
            synchronized (this) {
                entries.clear();
                firedIn.clear();
                lines = 0;
                unreadable = 0;
                starts[0] = 0;
                lastLine = null;
            }
        }
        long from;
        synchronized (this) {
            fileKey = key;
            from = starts[lines];
        }
        if (size == from) {
            return;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            // Lines appended while this reads are taken too; a line not yet whole is read next time.
            JsonLines.read(in, MAX_LINE, line -> {
                if (line.complete()) {
                    add(from + line.offset() + line.length() + 1, line);
                }
            });
        }
    }

    /**
     * Whether the log is no longer the one indexed: another file now (rotated or replaced), shorter
     * than read, or with another last line than was read. A log's records are chained, each naming
     * the hash of the one before it, so a same last line stands for the same lines before it.
     */
    private boolean replaced(Object key, long size) throws IOException {
        long start;
        long end;
        byte[] last;
        synchronized (this) {
            if (lines == 0) {
                return false;
            }
            if (size < starts[lines] || key != null && fileKey != null && !key.equals(fileKey)) {
                return true;
            }
            start = starts[lines - 1];
            end = starts[lines] - 1;
            last = lastLine;
        }
        if (last == null) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            return !Arrays.equals(read(channel, start, (int) (end - start)), last);
        }
    }

    private void add(long end, JsonLines.Line line) {
        Set<String> rules = new HashSet<>();
        long number = lines() + 1;
        Entry entry = line.tooLong() ? null : entry(number, line.bytes(), rules);
        synchronized (this) {
            if (lines + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            lines++;
            starts[lines] = end;
            lastLine = line.bytes();
            if (entry == null) {
                unreadable++;
            } else {
                entries.add(entry);
                rules.forEach(rule -> firedIn.merge(rule, 1L, Long::sum));
            }
        }
    }

    /** The entry of one record line, adding the rules its findings name to {@code rules}; {@code null} when it is not a record. */
    private Entry entry(long number, byte[] bytes, Set<String> rules) {
        try {
            LoggedDecision record = LoggedDecision.summary(bytes);
            if (record.evaluatedAt() == null || record.policy() == null) {
                return null;
            }
            record.rules().forEach(rule -> rules.add(shared(rule)));
            return new Entry(number, record.decisionId(), record.dealId() == null ? "" : record.dealId(), shared(record.outcome()),
                    Instant.parse(record.evaluatedAt()), shared(record.policy()),
                    record.codes().stream().map(this::shared).toList());
        } catch (IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    private String shared(String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    /**
     * The log's whole lines as {@link WhatIf} reads them, as far as the index has read: each record
     * with the summary the index keeps of it, so only its deal is read again; any other line whole,
     * for what-if to report as the command line does.
     */
    WhatIf.Source whatIfSource() {
        return sink -> {
            long count;
            long[] at;
            List<Entry> known;
            synchronized (this) {
                count = lines;
                at = Arrays.copyOf(starts, lines + 1);
                known = List.copyOf(entries);
            }
            try (FileChannel channel = open()) {
                int next = 0;
                for (int number = 1; number <= count; number++) {
                    Entry entry = next < known.size() && known.get(next).line() == number ? known.get(next++) : null;
                    long start = at[number - 1];
                    long length = at[number] - 1 - start;
                    byte[] bytes = length > MAX_LINE ? null : read(channel, start, (int) length);
                    sink.accept(new WhatIf.Logged(new JsonLines.Line(number, start, bytes, length, true),
                            entry == null ? null : entry.summary()));
                }
            }
        };
    }

    private static byte[] read(FileChannel channel, long start, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, start + bytes.position()) < 0) {
                throw Refusal.logReplaced();
            }
        }
        return bytes.array();
    }

    synchronized long records() {
        return entries.size();
    }

    /** Lines that are not records the index can read (verify names them). */
    synchronized long unreadable() {
        return unreadable;
    }

    /** For each rule name, how many logged decisions have a finding of it. */
    synchronized Map<String, Long> firedIn() {
        return Map.copyOf(firedIn);
    }

    /** The records {@code filter} accepts, newest first, at most {@code limit}. */
    synchronized Found search(Predicate<Entry> filter, int limit) {
        List<Entry> found = new ArrayList<>();
        long total = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (filter.test(entry)) {
                total++;
                if (found.size() < limit) {
                    found.add(entry);
                }
            }
        }
        return new Found(total, List.copyOf(found));
    }

    /** The record of {@code decisionId}; the newest when a log holds it twice. */
    Optional<Entry> find(String decisionId) {
        return find(decisionId, Long.MAX_VALUE);
    }

    /** The record of {@code decisionId} on a line before {@code line}; the newest when a log holds it twice. */
    synchronized Optional<Entry> find(String decisionId, long line) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line() < line && entries.get(i).decisionId().equals(decisionId)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** How many whole lines the log has. */
    synchronized long lines() {
        return lines;
    }

    /** The bytes of line {@code number} (1-based), without its line break; {@code null} when there is no such whole line. */
    byte[] line(long number) throws IOException {
        long start;
        long end;
        synchronized (this) {
            if (number < 1 || number > lines) {
                return null;
            }
            start = starts[(int) number - 1];
            end = starts[(int) number] - 1;
        }
        if (end - start > MAX_LINE) {
            return null;
        }
        try (FileChannel channel = open()) {
            return read(channel, start, (int) (end - start));
        }
    }

    /** The log opened to read lines the index placed; refused when it is no longer the file indexed. */
    private FileChannel open() throws IOException {
        FileChannel channel = FileChannel.open(log, StandardOpenOption.READ);
        Object key = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
        synchronized (this) {
            if (key != null && fileKey != null && !key.equals(fileKey)) {
                channel.close();
                throw Refusal.logReplaced();
            }
        }
        return channel;
    }
}
