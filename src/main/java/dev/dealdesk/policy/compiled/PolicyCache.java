package dev.dealdesk.policy.compiled;

import dev.dealdesk.decision.EngineVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled policies kept on disk, keyed by the policy version (a hash of the rules' exact
 * contents) and the engine and Drools versions, so a process that starts on an unchanged policy
 * skips the compiler: loading the packages takes a fraction of compiling them. The files hold
 * compiled rule classes, so the folder must be as trusted as the engine's own jar. A file that
 * cannot be read is ignored and the policy compiled again. The rules are parsed and linted every
 * time either way.
 */
final class PolicyCache {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    /** How many compiled policies are kept. */
    static final int KEEP = 16;

    private PolicyCache() {
    }

    /** The cached KieBase of {@code version}, or {@code null} when there is none usable. */
    static KieBase load(Path directory, String version) {
        Path file = file(directory, version);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file);
             ObjectInputStream objects = new DroolsObjectInputStream(in, PolicyCache.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(PolicyCompiler.kieBaseConfiguration());
            kieBase.addPackages(packages);
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("ignoring unreadable compiled policy {}: {}", file, e.toString());
            return null;
        }
    }

    /** Stores the compiled packages of {@code version}; a failure only costs the next start a compile. */
    static void store(Path directory, String version, KieBase kieBase) {
        Path file = file(directory, version);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".incoming-", ".kpkg");
            try (OutputStream out = Files.newOutputStream(temporary);
                 ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(directory);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not keep the compiled policy in {}: {}", directory, e.toString());
        }
    }

    /** Keeps the most recently written policies only: every edit of a watched policy adds one. */
    private static void prune(Path directory) throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(directory)) {
            kept = files.filter(path -> path.getFileName().toString().endsWith(".kpkg"))
                    .sorted(Comparator.comparing(PolicyCache::modified).reversed())
                    .toList();
        }
        for (Path old : kept.subList(Math.min(KEEP, kept.size()), kept.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static Path file(Path directory, String version) {
        String drools = KieServices.class.getPackage().getImplementationVersion();
        String key = version.replace("sha256:", "") + "-" + EngineVersion.current() + "-drools-" + drools;
        return directory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".kpkg");
    }
}
