package dev.dealdesk.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an audit log line by line, streaming, telling whether each line was finished by a line break. */
final class AuditLines {

    /**
     * One line.
     *
     * @param number   1-based line number
     * @param text     the line without its line break
     * @param complete whether a line break ended it; only the last line of a torn log is incomplete
     */
    record Line(long number, String text, boolean complete) {
    }

    /** Receives lines in order. */
    @FunctionalInterface
    interface Reader {
        void line(Line line) throws IOException;
    }

    private AuditLines() {
    }

    static void read(Path file, Reader reader) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long number = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        reader.line(new Line(++number, line.toString(StandardCharsets.UTF_8), true));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, read - start);
            }
            if (line.size() > 0) {
                reader.line(new Line(++number, line.toString(StandardCharsets.UTF_8), false));
            }
        }
    }
}
