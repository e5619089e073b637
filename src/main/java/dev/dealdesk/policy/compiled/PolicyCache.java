package dev.dealdesk.policy.compiled;

import dev.dealdesk.decision.EngineVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
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
 * Compiled policies kept on disk, so a process that starts on an unchanged policy skips the
 * compiler: loading the packages takes a fraction of compiling them. The rules are parsed and
 * linted every time either way.
 *
 * <p>An entry holds compiled rule classes, which run once loaded, so it is trusted only as far as
 * it is proven: each entry names the engine, the Drools version and the policy's manifest (every
 * rules file with its SHA-256) and is sealed ({@link CacheSeal}) with a key only the engine's user
 * can read. An entry is deserialized only when its seal verifies, and used only when what it names
 * is exactly the files being loaded; anything else is ignored and the policy compiled.
 */
final class PolicyCache {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    /** How many compiled policies are kept. */
    static final int KEEP = 16;

    /** The largest entry read: the shipped policy compiles to well under a megabyte. */
    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    private static final String FORMAT = "dealdesk compiled policy 1";

    private PolicyCache() {
    }

    /** The cached KieBase of exactly {@code source}, or {@code null} when there is none usable. */
    static KieBase load(Path directory, PolicySource source) {
        Path file = file(directory, source);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (Files.size(file) > MAX_ENTRY_BYTES) {
                LOG.warn("ignoring compiled policy {}: larger than {} bytes", file, MAX_ENTRY_BYTES);
                return null;
            }
            byte[] payload = CacheSeal.open(directory, Files.readAllBytes(file));
            if (payload == null) {
                LOG.warn("ignoring compiled policy {}: not sealed by this engine's key", file);
                return null;
            }
            DataInputStream entry = new DataInputStream(new ByteArrayInputStream(payload));
            if (!entry.readUTF().equals(FORMAT) || !readText(entry).equals(header(source))) {
                LOG.warn("ignoring compiled policy {}: compiled from other files or by another engine", file);
                return null;
            }
            try (ObjectInputStream objects = new DroolsObjectInputStream(entry, PolicyCache.class.getClassLoader())) {
                @SuppressWarnings("unchecked")
                Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
                InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(PolicyCompiler.kieBaseConfiguration());
                kieBase.addPackages(packages);
                return kieBase;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("ignoring unreadable compiled policy {}: {}", file, e.toString());
            return null;
        }
    }

    /** Stores the compiled packages of {@code source}; a failure only costs the next start a compile. */
    static void store(Path directory, PolicySource source, KieBase kieBase) {
        Path file = file(directory, source);
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            DataOutputStream entry = new DataOutputStream(payload);
            entry.writeUTF(FORMAT);
            writeText(entry, header(source));
            try (ObjectOutputStream objects = new DroolsObjectOutputStream(entry)) {
                objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            byte[] sealed = CacheSeal.seal(directory, payload.toByteArray());
            Path temporary = Files.createTempFile(directory, ".incoming-", ".kpkg");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(sealed);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(directory);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not keep the compiled policy in {}: {}", directory, e.toString());
        }
    }

    /** What an entry must name to be used for {@code source}: engine, Drools, version and every file's digest. */
    private static String header(PolicySource source) {
        return "engine " + EngineVersion.current() + "\ndrools " + droolsVersion() + "\npolicy "
                + source.version().version() + "\n" + source.manifest();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("truncated entry");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
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

    private static String droolsVersion() {
        return KieServices.class.getPackage().getImplementationVersion();
    }

    private static Path file(Path directory, PolicySource source) {
        String key = source.version().version().replace("sha256:", "") + "-" + EngineVersion.current()
                + "-drools-" + droolsVersion();
        return directory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".kpkg");
    }
}
