package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Whether a path can hold an audit log a writer appends to, and why not, in a person's words. */
final class LogPath {

    private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private LogPath() {
    }

    /**
     * Refuses a path a writer cannot append to: a directory, a device or pipe (a device has no end
     * to read and cannot be forced, so records would not be kept), a read-only file, or a new file
     * in a directory that does not exist or cannot be written.
     *
     * @throws AuditException naming the path and why
     */
    static void checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new AuditException("audit log " + file + " is a directory, not a file");
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new AuditException("audit log " + file + " is not a regular file");
            }
            if (!writable(file)) {
                throw new AuditException("audit log " + file + " cannot be written: no write permission");
            }
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new AuditException("audit log " + file + " cannot be created: "
                    + (Files.exists(directory) ? directory + " is not a directory" : "no such directory " + directory));
        }
        if (!writable(directory)) {
            throw new AuditException("audit log " + file + " cannot be created: no write permission in " + directory);
        }
    }

    /**
     * Whether the file or directory may be written. One with no write permission for anyone is
     * read-only even to the superuser, whom the operating system would let write it: it was made
     * read-only to keep it as it is.
     */
    private static boolean writable(Path file) {
        if (!Files.isWritable(file)) {
            return false;
        }
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(WRITE::contains);
        } catch (UnsupportedOperationException | IOException noPosixPermissions) {
            return true;
        }
    }

    /** What went wrong, without the Java exception's name or a repeated path. */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
