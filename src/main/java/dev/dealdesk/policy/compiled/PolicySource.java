package dev.dealdesk.policy.compiled;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.json.CustomFieldsSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules files of a policy as read from disk at one moment, and the version that identifies
 * them. Immutable.
 *
 * <p>The policy is every {@code *.drl} file under the rules directory, at any depth, except files
 * and folders whose names start with a dot (editor swap files), and the declaration of its custom
 * fields, {@code custom-fields.schema.json} at the top of the directory, when there is one. The version is
 * {@code sha256:} + the SHA-256 of the manifest that {@code sha256sum} prints for those files, one
 * line per file in byte order of the relative path: {@code <hex digest>  <relative/path>\n}.
 * An auditor re-derives it with:
 * <pre>cd rules && find . \( -name '*.drl' -o -path ./custom-fields.schema.json \) -not -path '*&#47;.*' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum</pre>
 *
 * @param directory the rules directory
 * @param files     the policy's files, sorted by relative path
 * @param version   the version and file count
 * @param manifest  what the version is the hash of: a line per file, {@code <hex digest>  <relative/path>}
 */
public record PolicySource(Path directory, List<RuleFile> files, PolicyVersion version, String manifest) {

    /**
     * One rules file.
     *
     * @param path relative to the rules directory, with {@code /} separators
     * @param text the file's contents
     */
    public record RuleFile(String path, String text) {

        public RuleFile {
            requireNonNull(path, "path");
            requireNonNull(text, "text");
        }
    }

    /** The policy's rules files: every file but the custom fields' declaration. */
    public List<RuleFile> ruleFiles() {
        return files.stream().filter(file -> !file.path().equals(CustomFieldsSchema.FILE)).toList();
    }

    /** The text of the custom fields' declaration, or empty when the policy declares none. */
    public Optional<String> customFields() {
        return files.stream().filter(file -> file.path().equals(CustomFieldsSchema.FILE)).map(RuleFile::text).findFirst();
    }

    /** The largest rules file read: the shipped policy's largest is a few kilobytes. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** {@code OwnershipModel} was {@code dev.dealdesk.OwnershipModel} before it joined the decision's types. */
    private static final Pattern FORMER_OWNERSHIP_MODEL = Pattern.compile("(\\bimport\\s+)dev\\.dealdesk\\.OwnershipModel\\b");

    public PolicySource {
        requireNonNull(directory, "directory");
        files = List.copyOf(files);
        requireNonNull(version, "version");
        requireNonNull(manifest, "manifest");
    }

    /**
     * Reads every rules file under {@code directory}.
     *
     * @throws PolicyLoadException when the directory is missing or holds no rules, or a file cannot
     *                             be read as UTF-8
     */
    public static PolicySource read(Path directory) throws PolicyLoadException {
        requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw failure("", "rules directory not found: " + directory);
        }
        List<Path> paths = rulePaths(directory);
        if (paths.stream().noneMatch(path -> path.getFileName().toString().endsWith(".drl"))) {
            throw failure("", "no .drl files in rules directory " + directory);
        }
        List<RuleFile> files = new ArrayList<>();
        StringBuilder manifest = new StringBuilder();
        for (Path path : paths) {
            String relative = relative(directory, path);
            if (relative.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
                // The version's manifest has a line per file: such a name could forge a line of it.
                throw failure(printable(relative), "a rules file name may not hold a backslash,"
                        + " a line break or another control character");
            }
            byte[] bytes = read(relative, path);
            files.add(new RuleFile(relative, withCurrentNames(utf8(relative, bytes))));
            manifest.append(hex(sha256(bytes))).append("  ").append(relative).append('\n');
        }
        String version = "sha256:" + hex(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
        return new PolicySource(directory, files, new PolicyVersion(version, files.size()), manifest.toString());
    }

    /**
     * The rules files, sorted. Every other entry is left alone, except that a rules directory holds
     * regular files and folders only: a symbolic link or a special file (a FIFO, a device) is
     * refused by name, so no byte from outside the directory can reach a message or a version.
     */
    private static List<Path> rulePaths(Path directory) throws PolicyLoadException {
        List<Path> rules = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path relative = directory.relativize(path);
                if (relative.toString().isEmpty() || hidden(relative)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || attributes.isOther()) {
                    throw failure(printable(relative(directory, path)), (attributes.isSymbolicLink()
                            ? "is a symbolic link" : "is not a regular file")
                            + ": a rules directory holds regular files and folders only");
                }
                if (attributes.isRegularFile() && (path.getFileName().toString().endsWith(".drl")
                        || relative.toString().equals(CustomFieldsSchema.FILE))) {
                    if (attributes.size() > MAX_FILE_BYTES) {
                        throw failure(printable(relative(directory, path)), "is " + attributes.size()
                                + " bytes: a rules file may hold at most " + MAX_FILE_BYTES + " bytes");
                    }
                    rules.add(path);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw failure("", "cannot list rules directory " + directory + ": " + e.getMessage());
        }
        rules.sort(Comparator.comparing(path -> relative(directory, path)));
        return rules;
    }

    /** A name as it may be shown: control characters (a line break in a file name) as {@code ?}. */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    /** The file's bytes, refused when it grew past the limit since it was listed. */
    private static byte[] read(String relative, Path path) throws PolicyLoadException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw failure(relative, "a rules file may hold at most " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw failure(relative, "cannot read: " + e.getMessage());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path directory, Path path) {
        return directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static String utf8(String relative, byte[] bytes) throws PolicyLoadException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw failure(relative, "not valid UTF-8 text");
        }
    }

    /**
     * The text with the rule API's former type names replaced by today's, so rules written before a
     * type moved (and pinned in audit logs with their versions) still compile; the version stays
     * that of the files as written.
     */
    private static String withCurrentNames(String text) {
        return FORMER_OWNERSHIP_MODEL.matcher(text).replaceAll("$1" + OwnershipModel.class.getName());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static PolicyLoadException failure(String file, String message) {
        return new PolicyLoadException(List.of(PolicyProblem.error(file, 0, message)));
    }
}
