package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files kept beside an audit log. They sit beside the log file itself, not beside a link to
 * it, so a writer and a reader of either path agree.
 */
final class LogFiles {

    private LogFiles() {
    }

    /** The log file a path names, through any links; the path given when it does not exist yet. */
    static Path real(Path log) {
        Path absolute = log.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException notThereYet) {
            return absolute;
        }
    }

    /** The head file: how many records the writer wrote and the last one's hash. */
    static Path head(Path log) {
        Path real = real(log);
        return real.resolveSibling(real.getFileName() + ".head");
    }

    /** The file the writer writes and removes to learn whether the disk takes writes again. */
    static Path probe(Path log) {
        Path real = real(log);
        return real.resolveSibling(real.getFileName() + ".probe");
    }

    /** Where a torn last line (a write a crash cut short) is set aside. */
    static Path tornAside(Path log, long millis) {
        Path real = real(log);
        return real.resolveSibling(real.getFileName() + ".torn-" + millis);
    }

    /** The folder of pinned policies, shared by the logs of one directory. */
    static Path policies(Path log) {
        return real(log).getParent().resolve("policies");
    }

    /** Forces a directory's entries (a file created or renamed in it) to storage, where the file system can. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot force a directory; the files themselves are forced
        }
    }
}
