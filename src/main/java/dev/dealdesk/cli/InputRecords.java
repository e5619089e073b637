package dev.dealdesk.cli;

import dev.dealdesk.json.ByteScan;
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
     * One record, as read. A line of ASCII text (nearly every deal) is made a string as it is read,
     * in one copy; other bytes are decoded by {@link #text()}, on whichever thread decides it.
     */
    static final class Record {

        private final String input;
        private final int line;
        private final String ascii;
        private final byte[] bytes;
        private final String problem;

        private Record(String input, int line, String ascii, byte[] bytes, String problem) {
            this.input = input;
            this.line = line;
            this.ascii = ascii;
            this.bytes = bytes;
            this.problem = problem;
        }

        /** Line {@code line} of standard input, ASCII throughout. */
        static Record asciiLine(int line, String text) {
            return new Record(STDIN, line, text, null, null);
        }

        /** Line {@code line} of standard input, as bytes still to be decoded. */
        static Record line(int line, byte[] bytes) {
            return new Record(STDIN, line, null, bytes, null);
        }

        /** A whole file's bytes. */
        static Record file(String source, byte[] bytes) {
            return new Record(source, 0, null, bytes, null);
        }

        /** An input that could not be read, and why. */
        static Record unreadable(String source, String problem) {
            return new Record(source, 0, null, null, problem);
        }

        /** Where the record came from: a file path or {@code stdin:LINE}. */
        String source() {
            return line == 0 ? input : input + ":" + line;
        }

        /** Why the record could not be read, or {@code null}. */
        String problem() {
            return problem;
        }

        /**
         * The record's text, decoded strictly, so bytes that are not UTF-8 are an error, not
         * replacement characters.
         *
         * @throws CharacterCodingException when the bytes are not UTF-8
         */
        String text() throws CharacterCodingException {
            if (ascii != null) {
                return ascii;
            }
            if (ByteScan.isAscii(bytes, 0, bytes.length)) {
                // ASCII is valid UTF-8 as it is, and a Latin-1 string is made by a plain copy.
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    /** Receives records in input order. */
    interface Sink {
        void accept(Record record);

        /** Called before input may block, so output so far can be flushed to a reader. */
        default void idle() {
        }
    }

    private static final String STDIN = "stdin";

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
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096); // a line begun in an earlier read
        int number = 0;
        try {
            while (true) {
                if (stdin.available() == 0) {
                    sink.idle();
                }
                int read = stdin.read(buffer);
                if (read < 0) {
                    if (line.size() > 0) {
                        sink.accept(Record.line(number + 1, line.toByteArray()));
                    }
                    return;
                }
                int start = 0;
                for (int end; (end = ByteScan.lineEnd(buffer, start, read)) >= 0; start = end + 1) {
                    number++;
                    if (line.size() > 0) {
                        line.write(buffer, start, end - start);
                        sink.accept(Record.line(number, line.toByteArray()));
                        line.reset();
                    } else if (ByteScan.isAscii(buffer, start, end)) {
                        // Most lines: ASCII within one read, made a string in one copy.
                        sink.accept(Record.asciiLine(number, new String(buffer, start, end - start, StandardCharsets.ISO_8859_1)));
                    } else {
                        sink.accept(Record.line(number, Arrays.copyOfRange(buffer, start, end)));
                    }
                }
                line.write(buffer, start, read - start);
            }
        } catch (IOException e) {
            sink.accept(Record.unreadable(STDIN + ":" + (number + 1), "cannot read standard input: " + e.getMessage()));
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
            sink.accept(Record.unreadable(directory.toString(), "cannot list directory: " + e.getMessage()));
            return;
        }
        if (files.isEmpty()) {
            sink.accept(Record.unreadable(directory.toString(), "no .json files in directory"));
        }
        for (Path file : files) {
            readFile(file, file.toString(), sink);
        }
    }

    private static void readFile(Path file, String source, Sink sink) {
        try {
            sink.accept(Record.file(source, Files.readAllBytes(file)));
        } catch (IOException e) {
            String reason = Files.exists(file) ? "cannot read file: " + e.getMessage() : "no such file or directory";
            sink.accept(Record.unreadable(source, reason));
        }
    }
}
