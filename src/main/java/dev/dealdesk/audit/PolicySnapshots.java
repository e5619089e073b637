package dev.dealdesk.audit;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The policies that decided anything, pinned next to the audit log: each version stored once,
 * under {@code policies/<hex digest>/}, as its rules files were, so a decision can be replayed
 * years after {@code rules/} changed. A snapshot is written to a temporary folder, forced to
 * storage and renamed into place, so it is whole or absent. Thread-safe.
 */
final class PolicySnapshots {

    private final Path directory;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /** Snapshots of the log {@code logFile}, in the {@code policies} folder beside the file it names. */
    static PolicySnapshots beside(Path logFile) {
        return new PolicySnapshots(LogFiles.policies(logFile));
    }

    private PolicySnapshots(Path directory) {
        this.directory = directory;
    }

    /** Where the snapshot of {@code version} ({@code sha256:<hex>}) is, whether or not it exists. */
    Path of(String version) {
        return directory.resolve(version.startsWith("sha256:") ? version.substring(7) : version);
    }

    /** Stores {@code source} unless its version is already stored. */
    void store(PolicySource source) throws IOException {
        if (!stored.contains(source.version().version())) {
            storeOnce(source);
        }
    }

    private synchronized void storeOnce(PolicySource source) throws IOException {
        String version = source.version().version();
        if (stored.contains(version)) {
            return;
        }
        Path target = of(version);
        if (!Files.isDirectory(target)) {
            Files.createDirectories(directory);
            Path temporary = Files.createTempDirectory(directory, ".incoming-");
            for (PolicySource.RuleFile file : source.files()) {
                Path path = temporary.resolve(file.path());
                Files.createDirectories(path.getParent());
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    channel.write(StandardCharsets.UTF_8.encode(file.text()));
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                // Another process pinned the same version first: its snapshot is the same files.
                deleteTree(temporary);
                if (!Files.isDirectory(target)) {
                    throw moveFailed;
                }
            }
            LogFiles.forceDirectory(directory);
        }
        stored.add(version);
    }

    /**
     * Reads the snapshot of {@code version}.
     *
     * @throws PolicyLoadException when it is missing, unreadable, or its files are not that version
     */
    PolicySource read(String version) throws PolicyLoadException {
        PolicySource source = PolicySource.read(of(version));
        if (!source.version().version().equals(version)) {
            throw new PolicyLoadException(List.of(PolicyProblem.error("", 0, "the policy pinned as " + version
                    + " was altered: its files are now " + source.version().version())));
        }
        return source;
    }

    /**
     * The snapshots of {@code versions} (each with the line that first used it) that are missing, or
     * whose files no longer give their version.
     */
    List<AuditVerifier.Problem> check(Map<String, Long> versions) {
        List<AuditVerifier.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Long> version : versions.entrySet()) {
            Path folder = of(version.getKey());
            if (!Files.isDirectory(folder)) {
                problems.add(new AuditVerifier.Problem(AuditVerifier.Kind.MISSING_SNAPSHOT, version.getValue(), null, "policy "
                        + version.getKey() + ", first used on line " + version.getValue() + ", is not pinned at " + folder));
                continue;
            }
            String actual;
            try {
                actual = PolicySource.read(folder).version().version();
            } catch (PolicyLoadException e) {
                actual = "unreadable (" + e.getMessage() + ")";
            }
            if (!actual.equals(version.getKey())) {
                problems.add(new AuditVerifier.Problem(AuditVerifier.Kind.ALTERED_SNAPSHOT, version.getValue(), null,
                        "pinned policy " + folder + " was altered: its files give " + actual + ", not " + version.getKey()));
            }
        }
        return problems;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
