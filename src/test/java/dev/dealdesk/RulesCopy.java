package dev.dealdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped rules in a temporary directory, for tests that edit the policy. */
public final class RulesCopy {

    private final Path directory;

    private RulesCopy(Path directory) {
        this.directory = directory;
    }

    /** Copies the shipped {@code rules/} into {@code directory}. */
    public static RulesCopy of(Path directory) {
        try (Stream<Path> files = Files.list(TestEngines.SHIPPED_RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Replaces the one occurrence of {@code from} in {@code file}; fails if it is not there. */
    public RulesCopy replace(String file, String from, String to) {
        String text = read(file);
        assertTrue(text.contains(from), file + " does not contain: " + from);
        return write(file, text.replace(from, to));
    }

    /** Writes {@code file} with {@code text}, replacing any file of that name. */
    public RulesCopy write(String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public RulesCopy delete(String file) {
        try {
            Files.delete(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The 1-based line of the first line of {@code file} that contains {@code text}. */
    public int lineOf(String file, String text) {
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line containing: " + text);
    }

    public String read(String file) {
        try {
            return Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
