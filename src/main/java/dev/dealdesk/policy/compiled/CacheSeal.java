package dev.dealdesk.policy.compiled;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals compiled-policy cache entries with HMAC-SHA256 under a key kept in the cache folder
 * ({@code .key}, 32 random bytes, readable by the engine's user alone). An entry whose seal does
 * not verify was not written by an engine holding the key (dropped in by another user, copied
 * from another machine, edited) and is never deserialized. Whoever can read the key can already
 * run code as the engine's user, so the seal asks no more trust than the engine's own files.
 */
final class CacheSeal {

    static final String KEY_FILE = ".key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private CacheSeal() {
    }

    /** {@code payload} followed by its seal; makes the folder and the key when they are missing. */
    static byte[] seal(Path directory, byte[] payload) throws IOException {
        byte[] key = key(directory, true);
        byte[] sealed = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag(key, payload, payload.length), 0, sealed, payload.length, TAG_BYTES);
        return sealed;
    }

    /** The payload of {@code sealed} when its seal verifies under this folder's key; {@code null} otherwise. */
    static byte[] open(Path directory, byte[] sealed) throws IOException {
        byte[] key = key(directory, false);
        if (key == null || sealed.length < TAG_BYTES) {
            return null;
        }
        int length = sealed.length - TAG_BYTES;
        byte[] expected = tag(key, sealed, length);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, length, sealed.length))
                ? Arrays.copyOf(sealed, length) : null;
    }

    private static byte[] tag(byte[] key, byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(bytes, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /**
     * The folder's key, or {@code null} when it has none (and {@code create} is false) or its key is
     * not the engine user's alone: a key others can read or replace proves nothing.
     */
    private static byte[] key(Path directory, boolean create) throws IOException {
        Path file = directory.resolve(KEY_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!create) {
                return null;
            }
            createKey(directory, file);
        }
        if (!privateToThisUser(file)) {
            throw new IOException(file + " must be a regular file readable and writable by its owner alone,"
                    + " who runs the engine");
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != TAG_BYTES) {
            throw new IOException(file + " is not a key of " + TAG_BYTES + " bytes: delete it, and the engine makes a new one");
        }
        return key;
    }

    private static void createKey(Path directory, Path file) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
        Path temporary = posix ? Files.createTempFile(directory, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".key-", ".tmp");
        try {
            byte[] key = new byte[TAG_BYTES];
            new SecureRandom().nextBytes(key);
            Files.write(temporary, key);
            // A link is made only where no key is: two engines starting together keep one key.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException another) {
            // Another engine made the key first: use that one.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean privateToThisUser(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        }
        PosixFileAttributes attributes = view.readAttributes();
        return attributes.isRegularFile() && OWNER_ONLY.containsAll(attributes.permissions())
                && attributes.owner().equals(Owner.PROCESS);
    }

    /** The user this process runs as, read from a file it creates (the user name alone can lie in a container). */
    private static final class Owner {
        static final UserPrincipal PROCESS = processOwner();

        private static UserPrincipal processOwner() {
            try {
                Path probe = Files.createTempFile("dealdesk-owner-", ".tmp");
                try {
                    return Files.getOwner(probe);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException e) {
                return null; // No key is then private to this user: the cache goes unused.
            }
        }
    }
}
