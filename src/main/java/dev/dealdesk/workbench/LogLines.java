package dev.dealdesk.workbench;

import dev.dealdesk.json.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Where each whole line of the audit log starts, and whether the file is still the one whose lines
 * were placed. A log replaced by another file (rotated), shortened, or rewritten is placed again
 * from its start; reading lines of a log replaced since they were placed is refused
 * ({@link Refusal#logReplaced}). Its state changes under its guard, the {@link LogIndex}'s monitor,
 * so the index's entries and the lines they stand on change together; files are read outside it.
 * One thread places lines at a time (the index sees to it).
 */
final class LogLines {

    /** The longest line read: an audit record of the largest deal. */
    static final int MAX_LINE = 16 << 20;
    /** How much of the last line is kept to tell it again: all of a short one, else its start and its end. */
    private static final int FINGERPRINT = 4096;

    private final Path log;
    private final Object guard;
    /** Where each line starts; one more entry marks where the next line will. */
    private long[] starts = new long[1024];
    private int count;
    /** Counts the times every line was forgotten: a reader that placed lines before refuses to read after. */
    private long generation;
    /** The file's identity where the file system gives one ({@code null} otherwise). */
    private Object fileKey;
    /** What the first and the last line placed hold ({@link #fingerprint}), or {@code null} when none is. */
    private byte[] firstLine;
    private byte[] lastLine;

    LogLines(Path log, Object guard) {
        this.log = log;
        this.guard = guard;
    }

    /** Takes each whole line placed. */
    @FunctionalInterface
    interface Sink {
        void line(JsonLines.Line line);
    }

    /**
     * Forgets every line placed, and runs {@code alsoForget} with it under the guard, when the log on
     * disk is no longer the one they were placed in: another file now, shorter than placed, or with
     * another first or last line than was read. A log's records are chained, each naming the hash of
     * the one before it, so a same last record stands for the same records before it.
     */
    void forgetIfReplaced(Runnable alsoForget) throws IOException {
        Object key = key();
        long size = Files.exists(log) ? Files.size(log) : 0;
        long[] first;
        long[] last;
        byte[] firstWas;
        byte[] lastWas;
        synchronized (guard) {
            boolean replaced = count > 0 && (size < starts[count] || key != null && fileKey != null && !key.equals(fileKey));
            if (count == 0 || replaced) {
                forget(key, replaced, alsoForget);
                return;
            }
            first = new long[] {starts[0], starts[1] - 1};
            last = new long[] {starts[count - 1], starts[count] - 1};
            firstWas = firstLine;
            lastWas = lastLine;
        }
        boolean same;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            same = Arrays.equals(fingerprint(channel, first[0], first[1]), firstWas)
                    && Arrays.equals(fingerprint(channel, last[0], last[1]), lastWas);
        } catch (NoSuchFileException | Refusal gone) {
            same = false;
        }
        if (!same) {
            synchronized (guard) {
                forget(key, true, alsoForget);
            }
        }
    }

    /** Under the guard: notes the file at the path now, forgetting every line placed when {@code replaced}. */
    private void forget(Object key, boolean replaced, Runnable alsoForget) {
        fileKey = key;
        if (replaced) {
            count = 0;
            starts[0] = 0;
            firstLine = null;
            lastLine = null;
            generation++;
            alsoForget.run();
        }
    }

    /**
     * Places each whole line appended since the last call (lines appended meanwhile too; a line not
     * yet whole is placed next time), handing each to {@code sink} once placed.
     *
     * @return {@code false}, placing nothing, when the file at the path is no longer the one
     *         {@link #forgetIfReplaced} last found there: check again
     */
    boolean placeNew(Sink sink) throws IOException {
        long from;
        Object expected;
        synchronized (guard) {
            from = starts[count];
            expected = fileKey;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(log, StandardOpenOption.READ);
        } catch (NoSuchFileException none) {
            return expected == null;
        }
        try (channel) {
            Object key = key();
            long size = channel.size();
            if (key != null && !key.equals(expected) || size < from) {
                return false;
            }
            if (size == from) {
                return true;
            }
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            int[] placed = {0};
            JsonLines.read(in, MAX_LINE, line -> {
                if (line.complete()) {
                    int number;
                    synchronized (guard) {
                        if (count + 2 > starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                        }
                        number = ++count;
                        starts[count] = from + line.offset() + line.length() + 1;
                    }
                    placed[0]++;
                    sink.line(new JsonLines.Line(number, from + line.offset(), line.bytes(), line.length(), true));
                }
            });
            if (placed[0] > 0) {
                long[] first;
                long[] last;
                synchronized (guard) {
                    first = new long[] {starts[0], starts[1] - 1};
                    last = new long[] {starts[count - 1], starts[count] - 1};
                }
                byte[] firstRead = from == 0 ? fingerprint(channel, first[0], first[1]) : null;
                byte[] lastRead = fingerprint(channel, last[0], last[1]);
                synchronized (guard) {
                    firstLine = from == 0 ? firstRead : firstLine;
                    lastLine = lastRead;
                }
            }
            return true;
        }
    }

    /** How many whole lines are placed. */
    int count() {
        synchronized (guard) {
            return count;
        }
    }

    /** Under the guard: where each line placed starts, and where the next will ({@code count() + 1} offsets). */
    long[] starts() {
        synchronized (guard) {
            return Arrays.copyOf(starts, count + 1);
        }
    }

    /** Under the guard: what {@link #open} checks lines placed now are still placed then. */
    long generation() {
        synchronized (guard) {
            return generation;
        }
    }

    /** The bytes of line {@code number} (1-based), without its line break; {@code null} when there is no such whole line. */
    byte[] line(long number) throws IOException {
        long start;
        long next;
        long placedIn;
        synchronized (guard) {
            if (number < 1 || number > count) {
                return null;
            }
            start = starts[(int) number - 1];
            next = starts[(int) number];
            placedIn = generation;
        }
        try (Opened file = open(placedIn)) {
            return file.line(start, next);
        }
    }

    /**
     * The log opened to read lines placed in {@code generation}; refused when they have been
     * forgotten since, or the file at the path is no longer the one they were placed in.
     */
    Opened open(long placedIn) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(log, StandardOpenOption.READ);
        } catch (NoSuchFileException moved) {
            throw Refusal.logReplaced();
        }
        Object key = key();
        synchronized (guard) {
            if (placedIn != generation || key != null && fileKey != null && !key.equals(fileKey)) {
                channel.close();
                throw Refusal.logReplaced();
            }
        }
        return new Opened(channel);
    }

    /** The log, open to read lines from. */
    static final class Opened implements AutoCloseable {

        private final FileChannel channel;

        private Opened(FileChannel channel) {
            this.channel = channel;
        }

        /**
         * The line from offset {@code start} to the next line's {@code nextStart}, without its line
         * break; {@code null} when it is over {@link #MAX_LINE}.
         */
        byte[] line(long start, long nextStart) throws IOException {
            long length = nextStart - 1 - start;
            return length > MAX_LINE ? null : read(channel, start, (int) length);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private Object key() throws IOException {
        try {
            return Files.readAttributes(log, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException none) {
            return null;
        }
    }

    /** The line from {@code start} to {@code end}: all of it when short, else its first and last {@link #FINGERPRINT} bytes. */
    private static byte[] fingerprint(FileChannel channel, long start, long end) throws IOException {
        long length = end - start;
        if (length <= 2L * FINGERPRINT) {
            return read(channel, start, (int) length);
        }
        byte[] both = Arrays.copyOf(read(channel, start, FINGERPRINT), 2 * FINGERPRINT);
        System.arraycopy(read(channel, end - FINGERPRINT, FINGERPRINT), 0, both, FINGERPRINT, FINGERPRINT);
        return both;
    }

    /** {@code length} bytes from {@code start}; refused when the file ends before them (rewritten shorter). */
    private static byte[] read(FileChannel channel, long start, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, start + bytes.position()) < 0) {
                throw Refusal.logReplaced();
            }
        }
        return bytes.array();
    }
}
