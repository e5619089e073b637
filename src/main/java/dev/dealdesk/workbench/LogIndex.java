package dev.dealdesk.workbench;

import dev.dealdesk.audit.LoggedDecision;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * What the workbench needs to know of the audit log, read once and then only as it grows: for each
 * record its line, decision id, deal id, outcome, time, policy version and finding codes, the deal
 * itself read (within {@link #BUDGET}), and for each rule how many logged decisions it fired
 * in. A draft's what-if then decides the deals it keeps at once, and reads only the others again.
 * Lines are placed by {@link LogLines}: a log replaced, or rewritten, is indexed again from its start.
 * Proving records unaltered is {@link dev.dealdesk.audit.ReceiptCheck}'s and the verifier's work.
 * Thread-safe: one thread reads the log at a time, and the index may be asked while it does.
 */
final class LogIndex {

    /** One logged decision, with its finding codes in order and its deal, when kept read. */
    record Entry(long line, String decisionId, String dealId, String outcome, Instant evaluatedAt, String policy,
                 List<String> codes, Deal deal) {

        /** What a what-if needs of it besides the deal. */
        LoggedDecision summary() {
            return new LoggedDecision(decisionId, evaluatedAt.toString(), policy, dealId, null, outcome, codes, Set.of());
        }
    }

    /** Matches, newest first: at most the limit asked for, and how many there are in all. */
    record Found(long total, List<Entry> entries) {
    }

    /**
     * How much memory the index may take with the deals it keeps read: half the heap. Its entries come
     * first ({@link #ENTRY_WEIGHT} each); the deals take what is left, as {@link DealWeight} and
     * {@link #kept} count them (some 25% over what they take, on generated deals). A draft's what-if
     * decides a kept deal at once; a deal past this is read again from its line for each draft, which
     * takes about as long again as deciding it.
     */
    static final long BUDGET = Runtime.getRuntime().maxMemory() / 2;
    /** About what an entry takes without its deal, erring high: 337 bytes each, measured on 100,000. */
    private static final long ENTRY_WEIGHT = 400;

    private final LogLines lines;
    private final long budget;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Long> firedIn = new HashMap<>();
    private long unreadable;
    /** Held while the log is read: one reader at a time. The fields below are used only under it. */
    private final ReentrantLock reading = new ReentrantLock();
    /** One instance of each text read more than once (outcomes, codes, rule names, a deal's texts). */
    private final Map<String, String> texts = new HashMap<>();
    /** The memory the deals kept read take so far, as counted. */
    private long dealsWeight;

    LogIndex(Path log) {
        this(log, BUDGET);
    }

    /** An index that keeps deals read while it takes less than {@code budget} bytes with them, as counted. */
    LogIndex(Path log, long budget) {
        this.lines = new LogLines(log, this);
        this.budget = budget;
    }

    /** Reads what was appended since the last call; waits for a read another thread is making. */
    void refresh() throws IOException {
        reading.lock();
        try {
            read();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads what was appended since the last call, unless another thread is reading the log now
     * (the first read of a long log takes seconds): then gives {@code false} at once, and the index
     * holds what was read so far.
     */
    boolean refreshUnlessReading() throws IOException {
        if (!reading.tryLock()) {
            return false;
        }
        try {
            read();
            return true;
        } finally {
            reading.unlock();
        }
    }

    /** Only under {@link #reading}: each line is added as it is read, so readers of the index see it grow. */
    private void read() throws IOException {
        // A log replaced between the check and the reading is checked again.
        for (int attempt = 0; attempt < 3; attempt++) {
            lines.forgetIfReplaced(this::forget);
            if (lines.placeNew(this::add)) {
                return;
            }
        }
    }

    /** Under the monitor, with the lines forgotten: forgets what was read of them. */
    private void forget() {
        entries.clear();
        firedIn.clear();
        unreadable = 0;
        texts.clear();
        dealsWeight = 0;
    }

    private void add(JsonLines.Line line) {
        Set<String> rules = new HashSet<>();
        Entry entry = line.tooLong() ? null : entry(line.number(), line.bytes(), rules);
        synchronized (this) {
            if (entry == null) {
                unreadable++;
            } else {
                entries.add(entry);
                rules.forEach(rule -> firedIn.merge(rule, 1L, Long::sum));
            }
        }
    }

    /** The entry of one record line, adding the rules its findings name to {@code rules}; {@code null} when it is not a record. */
    private Entry entry(long number, byte[] bytes, Set<String> rules) {
        try {
            boolean keepDeal = dealsWeight + records() * ENTRY_WEIGHT < budget;
            LoggedDecision record = keepDeal ? LoggedDecision.read(bytes) : LoggedDecision.summary(bytes);
            if (record.evaluatedAt() == null || record.policy() == null) {
                return null;
            }
            Deal deal = null;
            if (keepDeal) {
                try {
                    deal = DealJson.read(record.deal(), "/deal", this::kept);
                    dealsWeight += DealWeight.of(record.deal());
                } catch (InvalidDealException e) {
                    // Not kept: what-if reads it again, and reports why it cannot be decided.
                }
            }
            record.rules().forEach(rule -> rules.add(shared(rule)));
            String dealId = deal != null ? deal.dealId() : record.dealId() == null ? "" : record.dealId();
            return new Entry(number, record.decisionId(), dealId, shared(record.outcome()),
                    Instant.parse(record.evaluatedAt()), shared(record.policy()),
                    record.codes().stream().map(this::shared).toList(), deal);
        } catch (IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code text} as a kept deal holds it: an equal text kept before, or this one, counted in
     * {@link #dealsWeight} with what keeping it once costs.
     */
    private String kept(String text) {
        String before = texts.putIfAbsent(text, text);
        if (before != null) {
            return before;
        }
        dealsWeight += 72 + 2L * text.length();
        return text;
    }

    private String shared(String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    /**
     * The log's whole lines as {@link WhatIf} reads them, as far as the index has read: each record
     * with the summary the index keeps of it and its deal, when kept; a record whose deal is not
     * kept with its line, so that only the deal is read again; any other line whole, for what-if to
     * report as the command line does.
     */
    WhatIf.Source whatIfSource() {
        return sink -> {
            List<Entry> known;
            long[] at;
            long placedIn;
            synchronized (this) {
                known = List.copyOf(entries);
                at = lines.starts();
                placedIn = lines.generation();
            }
            if (at.length == 1) {
                return; // no line, and maybe no log
            }
            try (LogLines.Opened file = lines.open(placedIn)) {
                int next = 0;
                for (int number = 1; number < at.length; number++) {
                    Entry entry = next < known.size() && known.get(next).line() == number ? known.get(next++) : null;
                    if (entry != null && entry.deal() != null) {
                        sink.accept(new WhatIf.Logged(number, entry.summary(), entry.deal()));
                    } else {
                        long start = at[number - 1];
                        sink.accept(new WhatIf.Logged(new JsonLines.Line(number, start, file.line(start, at[number]),
                                at[number] - 1 - start, true), entry == null ? null : entry.summary()));
                    }
                }
            }
        };
    }

    synchronized long records() {
        return entries.size();
    }

    /** Lines that are not records the index can read (verify names them). */
    synchronized long unreadable() {
        return unreadable;
    }

    /** For each rule name, how many logged decisions have a finding of it. */
    synchronized Map<String, Long> firedIn() {
        return Map.copyOf(firedIn);
    }

    /** The records {@code filter} accepts, newest first, at most {@code limit}. */
    synchronized Found search(Predicate<Entry> filter, int limit) {
        List<Entry> found = new ArrayList<>();
        long total = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (filter.test(entry)) {
                total++;
                if (found.size() < limit) {
                    found.add(entry);
                }
            }
        }
        return new Found(total, List.copyOf(found));
    }

    /** The record of {@code decisionId}; the newest when a log holds it twice. */
    Optional<Entry> find(String decisionId) {
        return find(decisionId, Long.MAX_VALUE);
    }

    /** The record of {@code decisionId} on a line before {@code line}; the newest when a log holds it twice. */
    synchronized Optional<Entry> find(String decisionId, long line) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line() < line && entries.get(i).decisionId().equals(decisionId)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** How many whole lines the log has. */
    long lines() {
        return lines.count();
    }

    /** The bytes of line {@code number} (1-based), without its line break; {@code null} when there is no such whole line. */
    byte[] line(long number) throws IOException {
        return lines.line(number);
    }
}
