package dev.dealdesk.workbench;

import dev.dealdesk.json.JsonLines;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the workbench needs to know of the audit log, read once and then only as it grows: for each
 * record its line, decision id, deal id, outcome, time and policy version, and for each rule how
 * many logged decisions it fired in. Only whole lines are read; a log that shrank (replaced) is read
 * again from its start. Records are read with a streaming parser that skips what the index does
 * not keep; proving them unaltered is {@link dev.dealdesk.audit.ReceiptCheck}'s and the verifier's
 * work. Thread-safe.
 */
final class LogIndex {

    /** One logged decision. */
    record Entry(long line, String decisionId, String dealId, String outcome, Instant evaluatedAt, String policy) {
    }

    /** Matches, newest first: at most the limit asked for, and how many there are in all. */
    record Found(long total, List<Entry> entries) {
    }

    private static final JsonProvider JSON = JsonProvider.provider();
    /** The longest line indexed: an audit record of the largest deal. */
    private static final int MAX_LINE = 16 << 20;

    private final Path log;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Long> firedIn = new HashMap<>();
    /** One instance of each recurring text (outcomes, policy versions, rule names). */
    private final Map<String, String> texts = new HashMap<>();
    /** Where each line starts; one more entry marks where the next line will. */
    private long[] starts = new long[1024];
    private int lines;
    private long unreadable;

    LogIndex(Path log) {
        this.log = log;
    }

    /** Reads what was appended since the last call. */
    synchronized void refresh() throws IOException {
        long size = Files.exists(log) ? Files.size(log) : 0;
        long indexed = starts[lines];
        if (size < indexed) {
            entries.clear();
            firedIn.clear();
            lines = 0;
            unreadable = 0;
            starts[0] = 0;
            indexed = 0;
        }
        if (size == indexed) {
            return;
        }
        long from = indexed;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            // Lines appended while this reads are taken too; a line not yet whole is read next time.
            JsonLines.read(in, MAX_LINE, line -> {
                if (line.complete()) {
                    add(from + line.offset() + line.length() + 1, line);
                }
            });
        }
    }

    private void add(long end, JsonLines.Line line) {
        if (lines + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        lines++;
        starts[lines] = end;
        Entry entry = line.tooLong() ? null : parse(lines, line.bytes());
        if (entry == null) {
            unreadable++;
        } else {
            entries.add(entry);
        }
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
    synchronized Optional<Entry> find(String decisionId) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).decisionId().equals(decisionId)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** How many whole lines the log has. */
    synchronized long lines() {
        return lines;
    }

    /** The bytes of line {@code number} (1-based), without its line break; {@code null} when there is no such whole line. */
    byte[] line(long number) throws IOException {
        long start;
        long end;
        synchronized (this) {
            if (number < 1 || number > lines) {
                return null;
            }
            start = starts[(int) number - 1];
            end = starts[(int) number] - 1;
        }
        if (end - start > MAX_LINE) {
            return null;
        }
        byte[] bytes = new byte[(int) (end - start)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(start);
            file.readFully(bytes);
        }
        return bytes;
    }

    /** The entry of one record line, counting the rules its findings name; {@code null} when it is not a record. */
    private Entry parse(long number, byte[] bytes) {
        String decisionId = null;
        String dealId = null;
        String evaluatedAt = null;
        String policy = null;
        String[] outcome = {null};
        Set<String> rules = new HashSet<>();
        try (JsonParser json = JSON.createParser(new ByteArrayInputStream(bytes))) {
            if (json.next() != Event.START_OBJECT) {
                return null;
            }
            while (json.next() == Event.KEY_NAME) {
                String key = json.getString();
                Event value = json.next();
                switch (key) {
                    case "decisionId" -> decisionId = text(json, value);
                    case "evaluatedAt" -> evaluatedAt = text(json, value);
                    case "deal" -> dealId = member(json, value, "dealId");
                    case "policy" -> policy = member(json, value, "version");
                    case "decision" -> decision(json, value, outcome, rules);
                    default -> skip(json, value);
                }
            }
            if (decisionId == null || evaluatedAt == null || outcome[0] == null || policy == null) {
                return null;
            }
            Entry entry = new Entry(number, decisionId, dealId == null ? "" : dealId, shared(outcome[0]),
                    Instant.parse(evaluatedAt), shared(policy));
            rules.forEach(rule -> firedIn.merge(shared(rule), 1L, Long::sum));
            return entry;
        } catch (JsonException | IllegalStateException | NoSuchElementException | java.time.DateTimeException e) {
            return null;
        }
    }

    private String shared(String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    private static String text(JsonParser json, Event value) {
        return value == Event.VALUE_STRING ? json.getString() : null;
    }

    /** The string member {@code name} of the object starting at {@code value}; the rest skipped. */
    private static String member(JsonParser json, Event value, String name) {
        if (value != Event.START_OBJECT) {
            skip(json, value);
            return null;
        }
        String found = null;
        while (json.next() == Event.KEY_NAME) {
            String key = json.getString();
            Event member = json.next();
            if (key.equals(name) && member == Event.VALUE_STRING) {
                found = json.getString();
            } else {
                skip(json, member);
            }
        }
        return found;
    }

    /** The decision's outcome and the rule of each finding. */
    private static void decision(JsonParser json, Event value, String[] outcome, Set<String> rules) {
        if (value != Event.START_OBJECT) {
            skip(json, value);
            return;
        }
        while (json.next() == Event.KEY_NAME) {
            String key = json.getString();
            Event member = json.next();
            if (key.equals("outcome")) {
                outcome[0] = text(json, member);
            } else if (key.equals("findings") && member == Event.START_ARRAY) {
                for (Event finding = json.next(); finding != Event.END_ARRAY; finding = json.next()) {
                    String rule = member(json, finding, "rule");
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            } else {
                skip(json, member);
            }
        }
    }

    private static void skip(JsonParser json, Event value) {
        if (value == Event.START_OBJECT) {
            json.skipObject();
        } else if (value == Event.START_ARRAY) {
            json.skipArray();
        }
    }
}
