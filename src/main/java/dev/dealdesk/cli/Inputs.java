package dev.dealdesk.cli;

import dev.dealdesk.json.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the command line's INPUT arguments into records, in order: a file is one record, a
 * directory one record per {@code *.json} file in it (sorted by name), and {@code -} one record per
 * line of standard input (JSON Lines; blank lines are skipped). Records are handed over one at a
 * time, so a long stream is never held in memory. No record over the size limit is read into memory;
 * it, and an input that cannot be read, becomes a record with a problem in its place.
 */
final class Inputs {

    /**
     * One record.
     *
     * @param source  where it came from: a file path or {@code stdin:LINE}
     * @param bytes   its bytes, or {@code null} when it could not be read
     * @param problem why it could not be read, or {@code null}
     */
    record Record(String source, byte[] bytes, String problem) {

        static Record unreadable(String source, String problem) {
            return new Record(source, null, problem);
        }
    }

    private Inputs() {
    }

    /** Reads every input in order, handing its records to {@code sink}. */
    static void read(List<String> inputs, InputStream stdin, int limit, Consumer<Record> sink) {
        for (String input : inputs) {
            if (input.equals("-")) {
                readLines(stdin, limit, sink);
            } else if (Files.isDirectory(Path.of(input))) {
                readDirectory(Path.of(input), limit, sink);
            } else {
                readFile(Path.of(input), input, limit, sink);
            }
        }
    }

    private static void readLines(InputStream stdin, int limit, Consumer<Record> sink) {
        long[] last = {0};
        try {
            JsonLines.read(stdin, limit, line -> {
                last[0] = line.number();
                String source = "stdin:" + line.number();
                if (line.tooLong()) {
                    sink.accept(Record.unreadable(source, tooLong(line.length(), limit)));
                } else if (!line.blank()) {
                    sink.accept(new Record(source, line.bytes(), null));
                }
            });
        } catch (IOException e) {
            sink.accept(Record.unreadable("stdin:" + (last[0] + 1), "cannot read standard input: " + e.getMessage()));
        }
    }

    private static void readDirectory(Path directory, int limit, Consumer<Record> sink) {
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
            readFile(file, file.toString(), limit, sink);
        }
    }

    private static void readFile(Path file, String source, int limit, Consumer<Record> sink) {
        // Read up to the limit and one byte more, whatever the file is (a FIFO has no size to ask).
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            sink.accept(bytes.length <= limit ? new Record(source, bytes, null)
                    : Record.unreadable(source, tooLong(Files.isRegularFile(file) ? Files.size(file) : -1, limit)));
        } catch (IOException e) {
            String reason = Files.exists(file) ? "cannot read file: " + e.getMessage() : "no such file or directory";
            sink.accept(Record.unreadable(source, reason));
        }
    }

    /** Why a record of {@code length} bytes (-1 when unknown) is refused. */
    private static String tooLong(long length, int limit) {
        return (length < 0 ? "the record" : "a record of " + length + " bytes") + " is longer than the limit of "
                + limit + " bytes; expected one deal";
    }
}
