package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the files an audit log writer writes: the log, its head and the space probe. The one place
 * a test stands in for the file system, to fail writes as a full disk does.
 */
@FunctionalInterface
interface Storage {

    /** The file system itself. */
    Storage FILES = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}
