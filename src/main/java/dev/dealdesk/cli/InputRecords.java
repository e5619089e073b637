package dev.dealdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the command line's INPUT arguments into records, in order: a file is one record, a
 * directory is one record per {@code *.json} file in it (sorted by name), and {@code -} is one
 * record per line of standard input (JSON Lines). Records are handed over one at a time, so a long
 * stream is never held in memory. An input that cannot be read becomes a record with a problem.
 */
final class InputRecords {

    /**
     * One record, as read: decoding its text is left to {@link #text()}, so it can happen on any
     * thread.
     *
     * @param source  where it came from: a file path or {@code stdin:LINE}
     * @param bytes   the record's bytes, or {@code null} when it could not be read
     * @param problem why it could not be read, or {@code null}
     */
    record Record(String source, byte[] bytes, String problem) {

        /**
         * The record's text, decoded strictly, so bytes that are not UTF-8 are an error, not
         * replacement characters.
         *
         * @throws CharacterCodingException when the bytes are not UTF-8
         */
        String text() throws CharacterCodingException {
            if (isAscii(bytes)) {
                // Most records: ASCII is valid UTF-8 as it is, and a Latin-1 string is made by a plain copy.
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }

        private static boolean isAscii(byte[] bytes) {
            for (byte b : bytes) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Receives records in input order. */
    interface Sink {
        void accept(Record record);

        /** Called before input may block, so output so far can be flushed to a reader. */
        default void idle() {
        }
    }

    private InputRecords() {
    }

    static void read(List<String> inputs, InputStream stdin, Sink sink) {
        for (String input : inputs) {
            if (input.equals("-")) {
                readLines(stdin, sink);
            } else if (Files.isDirectory(Path.of(input))) {
                readDirectory(Path.of(input), sink);
            } else {
                readFile(Path.of(input), input, sink);
            }
        }
    }

    private static void readLines(InputStream stdin, Sink sink) {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        int number = 0;
        try {
            while (true) {
                if (stdin.available() == 0) {
                    sink.idle();
                }
                int read = stdin.read(buffer);
                if (read < 0) {
                    if (line.size() > 0) {
                        sink.accept(new Record("stdin:" + (number + 1), line.toByteArray(), null));
                    }
                    return;
                }
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        byte[] bytes;
                        if (line.size() == 0) {
                            bytes = Arrays.copyOfRange(buffer, start, i); // most lines: one copy
                        } else {
                            line.write(buffer, start, i - start); // a line begun in the last read
                            bytes = line.toByteArray();
                            line.reset();
                        }
                        number++;
                        sink.accept(new Record("stdin:" + number, bytes, null));
                        start = i + 1;
                    }
                }
                line.write(buffer, start, read - start);
            }
        } catch (IOException e) {
            sink.accept(new Record("stdin:" + (number + 1), null, "cannot read standard input: " + e.getMessage()));
        }
    }

    private static void readDirectory(Path directory, Sink sink) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json")
                            && !path.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            sink.accept(new Record(directory.toString(), null, "cannot list directory: " + e.getMessage()));
            return;
        }
        if (files.isEmpty()) {
            sink.accept(new Record(directory.toString(), null, "no .json files in directory"));
        }
        for (Path file : files) {
            readFile(file, file.toString(), sink);
        }
    }

    private static void readFile(Path file, String source, Sink sink) {
        try {
            sink.accept(new Record(source, Files.readAllBytes(file), null));
        } catch (IOException e) {
            String reason = Files.exists(file) ? "cannot read file: " + e.getMessage() : "no such file or directory";
            sink.accept(new Record(source, null, reason));
        }
    }
}
