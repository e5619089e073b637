package dev.dealdesk.workbench;

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
import java.util.Arrays;

/**
 * Where each whole line of the audit log starts, and whether the file is still the one whose lines
 * were placed. A log replaced by another file (rotated), or rewritten, is placed again from its
 * start; reading a line of a log replaced since is refused ({@link Refusal#logReplaced}).
 * Thread-safe: one thread places lines at a time ({@link LogIndex} sees to it), and lines may be read
 * while it does.
 */
final class LogLines {

    /** The longest line read: an audit record of the largest deal. */
    static final int MAX_LINE = 16 << 20;

    private final Path log;
    /** Where each line starts; one more entry marks where the next line will. */
    private long[] starts = new long[1024];
    private int count;
    /** The file's identity where the file system gives one ({@code null} otherwise). */
    private Object fileKey;
    /** The last line placed, or {@code null} when none is or it was over {@link #MAX_LINE}. */
    private byte[] lastLine;

    LogLines(Path log) {
        this.log = log;
    }

    /** Takes each whole line placed. */
    @FunctionalInterface
    interface Sink {
        void line(JsonLines.Line line);
    }

    /**
     * Forgets every line placed when the log on disk is no longer the one they were placed in:
     * another file now, shorter than placed, or with another last line than was read. A log's records
     * are chained, each naming the hash of the one before it, so a same last line stands for the same
     * lines before it.
     *
     * @return whether it forgot them
     */
    boolean forgetIfReplaced() throws IOException {
        Object key = key();
        long size = Files.exists(log) ? Files.size(log) : 0;
        long start;
        long end;
        byte[] last;
        synchronized (this) {
            if (count == 0) {
                return false;
            }
            boolean replaced = size < starts[count] || key != null && fileKey != null && !key.equals(fileKey);
            start = starts[count - 1];
            end = starts[count] - 1;
            last = replaced ? null : lastLine;
            if (!replaced && last == null) {
                return false;
            }
            if (replaced) {
                clear();
                return true;
            }
        }
        byte[] now;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            now = read(channel, start, (int) (end - start));
        } catch (Refusal shorter) {
            now = null;
        }
        if (Arrays.equals(now, last)) {
            return false;
        }
        synchronized (this) {
            clear();
        }
        return true;
    }

    private void clear() {
        count = 0;
        starts[0] = 0;
        lastLine = null;
    }

    /**
     * Places each whole line appended since the last call (lines appended meanwhile too; a line not
     * yet whole is placed next time), handing each to {@code sink} once placed.
     */
    void placeNew(Sink sink) throws IOException {
        Object key = key();
        long size = Files.exists(log) ? Files.size(log) : 0;
        long from;
        synchronized (this) {
            fileKey = key;
            from = starts[count];
        }
        if (size == from) {
            return;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            JsonLines.read(in, MAX_LINE, line -> {
                if (line.complete()) {
                    int number;
                    synchronized (this) {
                        if (count + 2 > starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                        }
                        number = ++count;
                        starts[count] = from + line.offset() + line.length() + 1;
                        lastLine = line.bytes();
                    }
                    sink.line(new JsonLines.Line(number, from + line.offset(), line.bytes(), line.length(), true));
                }
            });
        }
    }

    synchronized int count() {
        return count;
    }

    /** Where each line placed starts, and where the next will: {@code count() + 1} offsets. */
    synchronized long[] starts() {
        return Arrays.copyOf(starts, count + 1);
    }

    /** The bytes of line {@code number} (1-based), without its line break; {@code null} when there is no such whole line. */
    byte[] line(long number) throws IOException {
        long[] at;
        synchronized (this) {
            if (number < 1 || number > count) {
                return null;
            }
            at = new long[] {starts[(int) number - 1], starts[(int) number]};
        }
        try (Opened file = open()) {
            return file.line(at[0], at[1]);
        }
    }

    /** The log opened to read placed lines; refused when it is no longer the file they were placed in. */
    Opened open() throws IOException {
        FileChannel channel = FileChannel.open(log, StandardOpenOption.READ);
        Object key = key();
        synchronized (this) {
            if (key != null && fileKey != null && !key.equals(fileKey)) {
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
        return Files.exists(log) ? Files.readAttributes(log, BasicFileAttributes.class).fileKey() : null;
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
