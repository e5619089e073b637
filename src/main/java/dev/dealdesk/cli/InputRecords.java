package dev.dealdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * One record.
     *
     * @param source  where it came from: a file path or {@code stdin:LINE}
     * @param text    the JSON text, or {@code null} when it could not be read
     * @param problem why it could not be read, or {@code null}
     */
    record Record(String source, String text, String problem) {
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
        BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
        int number = 0;
        try {
            while (true) {
                if (!lines.ready()) {
                    sink.idle();
                }
                String line = lines.readLine();
                if (line == null) {
                    return;
                }
                number++;
                sink.accept(new Record("stdin:" + number, line, null));
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
            sink.accept(new Record(source, Files.readString(file, StandardCharsets.UTF_8), null));
        } catch (IOException e) {
            String reason = Files.exists(file) ? "cannot read file: " + e.getMessage() : "no such file or directory";
            sink.accept(new Record(source, null, reason));
        }
    }
}
