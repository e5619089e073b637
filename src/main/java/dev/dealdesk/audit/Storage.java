package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the files an audit log writer writes: the log, its head and the space probe. The one place
 * a test stands in for the file system, to fail writes as a full disk does.
 */
@FunctionalInterface
interface Storage {

    /** The file system itself. */
    Storage FILES = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;

    /**
     * Writes {@code bytes} zero bytes to {@code file}, forces them and removes the file: whether
     * the file system takes writes now. A full disk fails the write or, with delayed allocation,
     * the force.
     */
    default void probe(Path file, int bytes) throws IOException {
        try (FileChannel out = open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(bytes);
            while (zeros.hasRemaining()) {
                out.write(zeros);
            }
            out.force(false);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
