package dev.dealdesk.audit;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves an audit log unaltered: every record's hash, the chain from each record to the one
 * before, and every pinned policy snapshot against the version it claims. Names the first bad
 * record and what is wrong with it. Stateless.
 */
public final class AuditVerifier {

    /** What can be wrong. */
    public enum Kind {
        /** A record's content does not match its hash, or the line is not a record. */
        EDITED,
        /** A record the chain needs is not in the log. */
        DELETED,
        /** A record that does not belong to the chain is in the log. */
        INSERTED,
        /** Records are out of chain order. */
        REORDERED,
        /** A policy a record names is not pinned beside the log. */
        MISSING_SNAPSHOT,
        /** A pinned policy's files no longer give its version. */
        ALTERED_SNAPSHOT,
        /** The last line was cut short by a crash mid-write: not tampering. */
        TORN_TAIL
    }

    /**
     * One problem.
     *
     * @param kind       what is wrong
     * @param line       the 1-based line of the first bad record
     * @param decisionId its decision id, or {@code null} when the line cannot be read
     * @param message    what is wrong, for a person
     */
    public record Problem(Kind kind, long line, String decisionId, String message) {
    }

    /**
     * The verdict.
     *
     * @param records  lines read
     * @param problems every problem, first bad line first; empty when the log is intact
     */
    public record Report(long records, List<Problem> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }

        /** Whether the only problem is a torn last line, which a crash leaves and the next writer sets aside. */
        public boolean onlyTornTail() {
            return problems.size() == 1 && problems.get(0).kind() == Kind.TORN_TAIL;
        }
    }

    private record Entry(long line, String decisionId, String hash, String previous) {
    }

    private AuditVerifier() {
    }

    public static Report verify(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        long[] lines = {0};
        AuditRecord.readLines(log, line -> {
            lines[0] = line.number();
            if (!line.complete()) {
                problems.add(new Problem(Kind.TORN_TAIL, line.number(), null,
                        "the last write was cut short by a crash; this is not tampering, and the next writer sets it aside"));
                return;
            }
            AuditRecord record;
            try {
                record = AuditRecord.parse(line);
            } catch (AuditFormatException e) {
                problems.add(new Problem(Kind.EDITED, line.number(), null,
                        "not a valid record (" + e.getMessage() + "): edited"));
                return;
            }
            if (!record.computedHash().equals(record.hash())) {
                problems.add(new Problem(Kind.EDITED, line.number(), record.decisionId(), "edited: its content does not match its hash"));
            }
            versions.putIfAbsent(record.policy().version(), line.number());
            entries.add(new Entry(line.number(), record.decisionId(), record.hash(), record.previousHash()));
        });
        checkChain(entries, problems);
        checkSnapshots(log, versions, problems);
        problems.sort(Comparator.comparingLong(Problem::line));
        return new Report(lines[0], List.copyOf(problems));
    }

    private static void checkChain(List<Entry> entries, List<Problem> problems) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.putIfAbsent(entries.get(i).hash(), i);
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int first = position.get(entry.hash());
            if (first < i) {
                problems.add(new Problem(Kind.INSERTED, entry.line(), entry.decisionId(), "inserted: it repeats line " + entries.get(first).line()));
                continue;
            }
            String expected = i == 0 ? AuditRecord.GENESIS : entries.get(i - 1).hash();
            if (entry.previous().equals(expected)) {
                continue;
            }
            Integer follows = position.get(entry.previous());
            if (i == 0) {
                problems.add(new Problem(Kind.DELETED, entry.line(), entry.decisionId(), "records before it were deleted: the log does not start at its first record"));
            } else if (follows == null) {
                problems.add(new Problem(Kind.DELETED, entry.line(), entry.decisionId(), "a record before it was deleted: the record it follows in the chain is missing"));
            } else if (follows > i) {
                problems.add(new Problem(Kind.REORDERED, entry.line(), entry.decisionId(), "out of order: it follows line " + entries.get(follows).line() + ", which comes after it"));
            } else {
                Entry inserted = entries.get(follows + 1);
                problems.add(new Problem(Kind.INSERTED, inserted.line(), inserted.decisionId(), "inserted: it is not in the chain, where line " + entry.line() + " follows line "
                        + entries.get(follows).line()));
            }
        }
    }

    private static void checkSnapshots(Path log, Map<String, Long> versions, List<Problem> problems) {
        PolicySnapshots snapshots = PolicySnapshots.beside(log);
        for (Map.Entry<String, Long> version : versions.entrySet()) {
            Path folder = snapshots.of(version.getKey());
            if (!Files.isDirectory(folder)) {
                problems.add(new Problem(Kind.MISSING_SNAPSHOT, version.getValue(), null, "policy " + version.getKey()
                        + ", first used on line " + version.getValue() + ", is not pinned at " + folder));
                continue;
            }
            String actual;
            try {
                actual = PolicySource.read(folder).version().version();
            } catch (PolicyLoadException e) {
                actual = "unreadable (" + e.getMessage() + ")";
            }
            if (!actual.equals(version.getKey())) {
                problems.add(new Problem(Kind.ALTERED_SNAPSHOT, version.getValue(), null, "pinned policy " + folder
                        + " was altered: its files give " + actual + ", not " + version.getKey()));
            }
        }
    }
}
