package dev.dealdesk.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import dev.dealdesk.json.JsonLines;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and repairing the audit log through the writer's own locked channel. On Linux a process
 * loses its lock on a file when it closes any handle on it, so the writer never opens another.
 */
final class LogChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

    private LogChannel() {
    }

    /** Every complete line, in order, read through the channel without closing it. */
    static void forEachLine(FileChannel channel, JsonLines.Sink sink) throws IOException {
        JsonLines.read(Channels.newInputStream(channel.position(0)), AuditRecord.MAX_LINE, line -> {
            if (line.complete()) {
                sink.line(line);
            }
        });
    }

    /** The line that starts at {@code offset}, without its line break. */
    static String lineAt(FileChannel channel, long offset) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long position = offset;
        int read;
        while ((read = channel.read(chunk.clear(), position)) > 0) {
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) == '\n') {
                    line.write(chunk.array(), 0, i);
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(chunk.array(), 0, read);
            position += read;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Moves bytes after the last line break to a side file, and cuts the log there. */
    static String setAsideTornTail(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(channel, size) == '\n') {
            return null;
        }
        long keep = lastLineBreak(channel, size) + 1;
        ByteBuffer torn = ByteBuffer.allocate((int) (size - keep));
        channel.read(torn, keep);
        torn.flip();
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(torn);
            out.force(true);
        }
        channel.truncate(keep);
        channel.force(true);
        LOG.warn("audit log {} ended in a torn line (a write cut short); set it aside in {}", file, aside);
        return aside.toString();
    }

    static String lastHash(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return AuditRecord.GENESIS;
        }
        long start = lastLineBreak(channel, size - 1) + 1;
        ByteBuffer line = ByteBuffer.allocate((int) (size - 1 - start));
        channel.read(line, start);
        try {
            return AuditRecord.parse(line.array()).hash();
        } catch (AuditFormatException e) {
            throw new AuditException("the last record of " + file + " cannot be read (" + e.getMessage()
                    + "); run dealdesk verify " + file);
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    /** The position of the last line break before {@code end}, or -1. */
    private static long lastLineBreak(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long position = end;
        while (position > 0) {
            int length = (int) Math.min(chunk.capacity(), position);
            chunk.clear().limit(length);
            channel.read(chunk, position - length);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return position - length + i;
                }
            }
            position -= length;
        }
        return -1;
    }
}
