package dev.dealdesk.policy.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch keys of a rules directory: one per folder under it, at any depth, and one on its
 * parent for entries of the directory's name. A watch follows a folder, not its name: once
 * {@code rules} is renamed, its keys report the renamed folder. The parent's key reports the name
 * deleted, renamed away or taken by another folder ({@code mv rules.new rules}), and watching again
 * moves the keys to the folder then under the name; should the parent not be watchable, the folder
 * under the name is compared with the last one instead. Folders and files whose names start with a dot
 * (editor swap files) are not part of the policy, so events about them are not changes. Not
 * thread-safe: one watcher thread uses it.
 */
final class WatchedTree {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedTree.class);

    private final Path directory;
    private final WatchService service;
    private WatchKey parentKey;
    private Set<WatchKey> treeKeys = Set.of();
    /** The file key of the folder under the directory's name when last watched; null when there was none. */
    private Object folder;
    private boolean incomplete;
    private boolean parentWarned;

    /** @param directory absolute and normalized */
    WatchedTree(Path directory, WatchService service) {
        this.directory = directory;
        this.service = service;
    }

    /** Whether the directory is missing, or some of it or its parent could not be watched. */
    boolean incomplete() {
        return incomplete;
    }

    /**
     * Takes the key's events and says whether any is about the rules. A folder created (or moved in)
     * is watched at once, so the files that follow it into place also count as events.
     */
    boolean drain(WatchKey key) {
        boolean relevant = false;
        boolean created = false;
        boolean parent = key.equals(parentKey);
        boolean tree = treeKeys.contains(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            boolean concerns = event.kind() == OVERFLOW || (parent
                    ? directory.getFileName().equals(event.context())
                    : tree && !(event.context() instanceof Path name && name.toString().startsWith(".")));
            relevant |= concerns;
            created |= concerns && (event.kind() == ENTRY_CREATE || event.kind() == OVERFLOW);
        }
        if (!key.reset() && parent) {
            parentKey = null;
        }
        if (created) {
            watch();
        }
        return relevant;
    }

    /**
     * Watches what is there now, as {@link #watchAll()}, logging what cannot be watched instead of
     * throwing. True when that is a change to look at: everything is watched again after something
     * was not, or another folder (or none) is under the directory's name than last time, as when the
     * parent cannot be watched.
     */
    boolean watch() {
        boolean wasIncomplete = incomplete;
        Object before = folder;
        try {
            watchAll();
        } catch (IOException | UncheckedIOException e) {
            incomplete = true;
            folder = null;
            if (!wasIncomplete) {
                LOG.warn("cannot watch all of {}: {}", directory, e.getMessage());
            }
        }
        return (wasIncomplete && !incomplete) || !Objects.equals(before, folder);
    }

    /**
     * Watches the parent and every folder under the directory now there, and stops watching folders
     * no longer under it. A missing directory is not an error: it leaves the tree incomplete.
     *
     * @throws IOException when a folder that is there cannot be watched
     */
    void watchAll() throws IOException {
        incomplete = true;
        boolean parentWatched = watchParent();
        Set<WatchKey> keys = new HashSet<>();
        boolean found = Files.isDirectory(directory);
        try {
            if (found) {
                keys.add(directory.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
                try (Stream<Path> tree = Files.walk(directory)) {
                    for (Path sub : tree.skip(1).filter(this::watchable).toList()) {
                        keys.add(sub.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
                    }
                }
            }
        } finally {
            // A key not returned again watches a folder renamed away or deleted: no longer the rules.
            for (WatchKey old : treeKeys) {
                if (!keys.contains(old)) {
                    old.cancel();
                }
            }
            treeKeys = keys;
        }
        folder = found ? Files.readAttributes(directory, BasicFileAttributes.class).fileKey() : null;
        incomplete = !found || !parentWatched;
    }

    /** Watches the parent for the directory's name; false when it cannot (then it is looked at every second). */
    private boolean watchParent() {
        Path parent = directory.getParent();
        if (parent == null || (parentKey != null && parentKey.isValid())) {
            return true;
        }
        try {
            parentKey = parent.register(service, ENTRY_CREATE, ENTRY_DELETE);
            parentWarned = false;
            return true;
        } catch (IOException e) {
            parentKey = null;
            if (!parentWarned) {
                parentWarned = true;
                LOG.warn("cannot watch {} for the rules directory's name ({}); looking at it every second instead",
                        parent, e.getMessage());
            }
            return false;
        }
    }

    private boolean watchable(Path path) {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (Path part : directory.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
