package dev.dealdesk.policy.compiled;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.PolicyVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules files of a policy as read from disk at one moment, and the version that identifies
 * them. Immutable.
 *
 * <p>The policy is every {@code *.drl} file under the rules directory, at any depth, except files
 * and folders whose names start with a dot (editor swap files). The version is
 * {@code sha256:} + the SHA-256 of the manifest that {@code sha256sum} prints for those files, one
 * line per file in byte order of the relative path: {@code <hex digest>  <relative/path>\n}.
 * An auditor re-derives it with:
 * <pre>cd rules && find . -name '*.drl' -not -path '*&#47;.*' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum</pre>
 *
 * @param directory the rules directory
 * @param files     the rules files, sorted by relative path
 * @param version   the version and file count
 */
public record PolicySource(Path directory, List<RuleFile> files, PolicyVersion version) {

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

    /** {@code OwnershipModel} was {@code dev.dealdesk.OwnershipModel} before it joined the decision's types. */
    private static final Pattern FORMER_OWNERSHIP_MODEL = Pattern.compile("(\\bimport\\s+)dev\\.dealdesk\\.OwnershipModel\\b");

    public PolicySource {
        requireNonNull(directory, "directory");
        files = List.copyOf(files);
        requireNonNull(version, "version");
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
        if (paths.isEmpty()) {
            throw failure("", "no .drl files in rules directory " + directory);
        }
        List<RuleFile> files = new ArrayList<>();
        StringBuilder manifest = new StringBuilder();
        for (Path path : paths) {
            String relative = relative(directory, path);
            if (relative.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
                // The version's manifest has a line per file: such a name could forge a line of it.
                throw failure(relative.replaceAll("\\p{Cntrl}", "?"), "a rules file name may not hold a backslash,"
                        + " a line break or another control character");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw failure(relative, "cannot read: " + e.getMessage());
            }
            files.add(new RuleFile(relative, withCurrentNames(utf8(relative, bytes))));
            manifest.append(hex(sha256(bytes))).append("  ").append(relative).append('\n');
        }
        String version = "sha256:" + hex(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
        return new PolicySource(directory, files, new PolicyVersion(version, files.size()));
    }

    private static List<Path> rulePaths(Path directory) throws PolicyLoadException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> Files.isRegularFile(path)
                            && path.getFileName().toString().endsWith(".drl")
                            && !hidden(directory.relativize(path)))
                    .sorted(Comparator.comparing(path -> relative(directory, path)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw failure("", "cannot list rules directory " + directory + ": " + e.getMessage());
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
