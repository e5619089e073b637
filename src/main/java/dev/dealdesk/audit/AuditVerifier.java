package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves an audit log unaltered: every record's hash, the chain from each record to the one
 * before, the log against its head file (records deleted from its end), every pinned policy
 * snapshot against the version it claims, and, when asked, that the log still holds the record
 * whose hash an operator kept elsewhere. Names the first bad record and what is wrong with it.
 * Stateless.
 *
 * <p>A hash chain alone cannot stop someone who can rewrite the whole file: they recompute every
 * hash, and the head file too. A copy of a record's hash kept off the machine can: a rewritten log
 * no longer holds it.
 */
public final class AuditVerifier {

    /** What can be wrong. */
    public enum Kind {
        /** A record's content does not match its hash, or the line is not a record. */
        EDITED,
        /** A record the chain needs is not in the log, or the log holds fewer records than its head says were written. */
        DELETED,
        /** A record that does not belong to the chain is in the log. */
        INSERTED,
        /** Records are out of chain order. */
        REORDERED,
        /** The record at the head's count is not the one the head names: records were replaced, or the log rewritten. */
        REWRITTEN,
        /** The head file is not one a writer wrote. */
        HEAD_EDITED,
        /** No record of the log has the hash kept elsewhere ({@code --expect}). */
        EXPECTED_MISSING,
        /** A policy a record names is not pinned beside the log. */
        MISSING_SNAPSHOT,
        /** A pinned policy's files no longer give its version. */
        ALTERED_SNAPSHOT,
        /** The last line, beyond the records the head names, was cut short by a crash mid-write: not tampering. */
        TORN_TAIL
    }

    /**
     * One problem.
     *
     * @param kind       what is wrong
     * @param line       the 1-based line of the first bad record, or 0 when the problem is the whole log's
     * @param decisionId its decision id, or {@code null} when the line cannot be read
     * @param message    what is wrong, for a person
     */
    public record Problem(Kind kind, long line, String decisionId, String message) {
    }

    /**
     * Where the record whose hash was kept elsewhere is.
     *
     * @param hash       the hash
     * @param line       its line; 0 for {@link AuditRecord#GENESIS}, which is before the first record
     * @param decisionId its decision id, or {@code null} for {@link AuditRecord#GENESIS}
     * @param following  how many records follow it
     */
    public record Expected(String hash, long line, String decisionId, long following) {
    }

    /**
     * The verdict.
     *
     * @param records  lines read
     * @param last     the log's own head: its complete records and the last one's hash
     * @param head     the head file's head, or empty when the log has none (it was written before heads were kept)
     * @param expected where the record whose hash was kept elsewhere is, or empty when none was asked for or it is missing
     * @param problems every problem, first bad line first (those of the whole log at line 0); empty when the log is intact
     */
    public record Report(long records, LogHead last, Optional<LogHead> head, Optional<Expected> expected,
                         List<Problem> problems) {

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

    private static final String TORN = "the last write was cut short by a crash; this is not tampering, and the next writer sets it aside";

    private AuditVerifier() {
    }

    /**
     * Verifies {@code log}.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such log, nor a head of one
     */
    public static Report verify(Path log) throws IOException {
        return verify(log, null);
    }

    /**
     * Verifies {@code log}, and that it holds the record whose hash is {@code expectedHash}, kept
     * elsewhere from an earlier {@code verify}.
     *
     * @param expectedHash a record's hash ({@code sha256:} and 64 hex digits), or {@code null}
     */
    public static Report verify(Path log, String expectedHash) throws IOException {
        List<Problem> problems = new ArrayList<>();
        // The head first: it is written after the log, so read first it claims no more than the log then holds.
        Optional<LogHead> head;
        try {
            head = HeadFile.read(log);
        } catch (AuditFormatException e) {
            head = Optional.empty();
            problems.add(new Problem(Kind.HEAD_EDITED, 0, null, "the head file " + LogFiles.head(log)
                    + " is not one a writer wrote (" + e.getMessage() + "): edited"));
        }
        if (Files.notExists(log) && Files.exists(LogFiles.head(log))) {
            problems.add(new Problem(Kind.DELETED, 1, null, "the log file is missing, but its head " + LogFiles.head(log)
                    + " is there" + head.map(kept -> ", naming " + kept.records() + " records").orElse("") + ": it was deleted"));
            return new Report(0, LogHead.empty(), head, Optional.empty(), List.copyOf(problems));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        long at = head.map(LogHead::records).orElse(0L);
        long[] lines = {0};
        String[] hashAt = {null};
        AuditRecord.readLines(log, line -> {
            lines[0] = line.number();
            if (!line.complete()) {
                problems.add(new Problem(Kind.TORN_TAIL, line.number(), null, TORN));
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
            if (line.number() == at) {
                hashAt[0] = record.hash();
            }
            versions.putIfAbsent(record.policy().version(), line.number());
            entries.add(new Entry(line.number(), record.decisionId(), record.hash(), record.previousHash()));
        });
        checkChain(entries, problems);
        boolean torn = problems.removeIf(problem -> problem.kind() == Kind.TORN_TAIL);
        long complete = torn ? lines[0] - 1 : lines[0];
        boolean deleted = head.isPresent() && checkHead(head.get(), complete, hashAt[0], torn, problems);
        if (torn && !deleted) {
            problems.add(new Problem(Kind.TORN_TAIL, lines[0], null, TORN));
        }
        problems.addAll(PolicySnapshots.beside(log).check(versions));
        Optional<Expected> expected = expectedHash == null ? Optional.empty() : locate(expectedHash, entries, complete, problems);
        LogHead last = entries.isEmpty() ? LogHead.empty() : new LogHead(complete, entries.get(entries.size() - 1).hash());
        problems.sort(Comparator.comparingLong(Problem::line));
        return new Report(lines[0], last, head, expected, List.copyOf(problems));
    }

    /**
     * The log against its head file; whether records were deleted from its end. A crash tears only
     * a line written after the head, so a cut line among the records the head names is part of
     * their deletion, not a torn tail.
     */
    private static boolean checkHead(LogHead head, long complete, String hashThere, boolean torn, List<Problem> problems) {
        Optional<Problem> lost = head.lostBy(complete, hashThere);
        boolean deleted = lost.isPresent() && lost.get().kind() == Kind.DELETED;
        lost.ifPresent(problem -> problems.add(!torn || !deleted ? problem : new Problem(Kind.DELETED, problem.line(), null,
                problem.message() + "; the line after them was cut short, which a crash does not do to a record the head names")));
        return deleted;
    }

    /** Where the record with {@code hash} is, or empty, and a problem, when the log does not hold it. */
    private static Optional<Expected> locate(String hash, List<Entry> entries, long complete, List<Problem> problems) {
        Optional<Expected> found = hash.equals(AuditRecord.GENESIS) ? Optional.of(new Expected(hash, 0, null, complete))
                : entries.stream().filter(entry -> entry.hash().equals(hash)).findFirst()
                        .map(entry -> new Expected(hash, entry.line(), entry.decisionId(), complete - entry.line()));
        if (found.isEmpty()) {
            problems.add(new Problem(Kind.EXPECTED_MISSING, 0, null, "no record has the hash kept elsewhere, " + hash
                    + ": records were deleted, or the log was rewritten, since it was kept"));
        }
        return found;
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

    /**
     * A note on the head file beside {@code log}, or empty: one of its slots holds something that is
     * not a head (a crash while it was written, or an edit), so the log was checked against the head
     * before it.
     */
    public static Optional<String> headNote(Path log) throws IOException {
        return HeadFile.hasSpoiledSlot(log) ? Optional.of("one slot of the head file " + LogFiles.head(log)
                + " is not a head (a crash while it was written, or an edit): the log was checked against the head"
                + " before it, and records deleted since then are found only with --expect") : Optional.empty();
    }
}
