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
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading the audit log (on opening it, and a record's line later) and setting a torn tail aside,
 * through the writer's own locked channel. On Linux a process loses its lock on a file when it
 * closes any handle on it, so the writer never opens another.
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

    /** Moves the bytes after {@code keep}, the end of the last complete line, to a side file, and cuts the log there. */
    static String setAsideTornTail(Path file, FileChannel channel, long keep) throws IOException {
        long size = channel.size();
        if (size == keep) {
            return null;
        }
        ByteBuffer torn = ByteBuffer.allocate((int) (size - keep));
        channel.read(torn, keep);
        torn.flip();
        Path aside = LogFiles.tornAside(file, System.currentTimeMillis());
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(torn);
            out.force(true);
        }
        channel.truncate(keep);
        channel.force(true);
        LOG.warn("audit log {} ended in a torn line (a write cut short); set it aside in {}", file, aside);
        return aside.toString();
    }

    /**
     * What a writer reads from its log on opening it.
     *
     * @param records  complete lines
     * @param end      where the last complete line ends
     * @param last     the last complete line, or {@code null} when there is none
     * @param counted  the line at the count {@code scan} was asked about, or {@code null} when there is none
     */
    record Scan(long records, long end, JsonLines.Line last, JsonLines.Line counted) {
    }

    /**
     * Reads every complete line through the channel: hands each record's decision id and offset to
     * {@code index}, and keeps the last line and line number {@code count}.
     */
    static Scan scan(FileChannel channel, long count, BiConsumer<String, Long> index) throws IOException {
        long[] records = {0, 0};
        JsonLines.Line[] kept = {null, null};
        forEachLine(channel, line -> {
            records[0] = line.number();
            records[1] = line.offset() + line.length() + 1;
            kept[0] = line;
            if (line.number() == count) {
                kept[1] = line;
            }
            try {
                index.accept(AuditRecord.parse(line).decisionId(), line.offset());
            } catch (AuditFormatException unreadable) {
                // verify reports it; it has no decision to find
            }
        });
        return new Scan(records[0], records[1], kept[0], kept[1]);
    }
}
