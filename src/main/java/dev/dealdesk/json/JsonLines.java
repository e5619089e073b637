package dev.dealdesk.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines, as JSON Lines input and audit logs are read: one line at a time, so a
 * long stream is never held in memory, and no line longer than a limit is kept: its bytes are read
 * past, and only its length is reported.
 */
public final class JsonLines {

    /** The default longest line kept, as the HTTP body limit: 1 MiB. */
    public static final int DEFAULT_LIMIT = 1 << 20;

    /**
     * One line.
     *
     * @param number   1-based line number
     * @param offset   where the line starts in the stream, in bytes
     * @param bytes    the line without its line break, or {@code null} when it is over the limit
     * @param length   the line's length in bytes
     * @param complete whether a line break ended it; only a stream's last line may be incomplete
     */
    public record Line(long number, long offset, byte[] bytes, long length, boolean complete) {

        /** Whether the line was longer than the limit, and so not kept. */
        public boolean tooLong() {
            return bytes == null;
        }

        /** Whether the line holds nothing but white space. */
        public boolean blank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Receives lines in order. */
    @FunctionalInterface
    public interface Sink {
        void line(Line line) throws IOException;
    }

    private JsonLines() {
    }

    /** Reads {@code in} to its end, handing each line to {@code sink}; lines over {@code limit} bytes are not kept. */
    public static void read(InputStream in, int limit, Sink sink) throws IOException {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        long number = 0;
        long offset = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    length += keep(line, length, buffer, start, i - start, limit);
                    sink.line(new Line(++number, offset, length > limit ? null : line.toByteArray(), length, true));
                    line.reset();
                    offset += length + 1;
                    length = 0;
                    start = i + 1;
                }
            }
            length += keep(line, length, buffer, start, read - start, limit);
        }
        if (length > 0) {
            sink.line(new Line(++number, offset, length > limit ? null : line.toByteArray(), length, false));
        }
    }

    /** Keeps {@code count} more bytes of a line while it is within the limit; gives {@code count}. */
    private static int keep(ByteArrayOutputStream line, long length, byte[] bytes, int from, int count, int limit) {
        if (length + count <= limit) {
            line.write(bytes, from, count);
        } else {
            line.reset();
        }
        return count;
    }
}
