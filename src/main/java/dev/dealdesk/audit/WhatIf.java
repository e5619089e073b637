package dev.dealdesk.audit;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonLines;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What a candidate policy would have decided on every logged deal: the outcome transitions with
 * their count and total ACV, overall and by segment, the finding codes gained and lost, and the
 * decisions that change. Before a policy change goes live, RevOps sees whom it affects. Stateless.
 */
public final class WhatIf {

    /** Count and total ACV of the decisions in one cell of a transition matrix. */
    public record Cell(long count, BigDecimal acv) {

        Cell plus(BigDecimal dealAcv) {
            return new Cell(count + 1, acv.add(dealAcv));
        }
    }

    /**
     * A logged decision the candidate decides differently.
     *
     * @param line       its line in the log
     * @param decisionId the logged decision
     * @param dealId     the deal
     * @param segment    the deal's segment
     * @param acv        the deal's ACV
     * @param from       the logged outcome
     * @param to         the candidate's outcome
     * @param gained     codes the candidate adds (repeats counted)
     * @param lost       codes the candidate drops
     */
    public record Change(long line, String decisionId, String dealId, String segment, BigDecimal acv, String from,
                         String to, List<String> gained, List<String> lost) {
    }

    /**
     * The comparison.
     *
     * @param decisions   logged decisions compared
     * @param transitions from outcome, to outcome: count and ACV (unchanged outcomes included)
     * @param bySegment   the same per segment
     * @param gained      per code, how many times the candidate adds it
     * @param lost        per code, how many times the candidate drops it
     * @param changes     decisions whose outcome or codes change, in log order
     * @param errors      lines that could not be compared, and why
     */
    public record Report(long decisions, Map<String, Map<String, Cell>> transitions,
                         Map<String, Map<String, Map<String, Cell>>> bySegment, Map<String, Long> gained,
                         Map<String, Long> lost, List<Change> changes, List<String> errors) {
    }

    private WhatIf() {
    }

    /** Lines handed to a worker at a time, and chunks in flight at most: memory stays bounded whatever the log's size. */
    private static final int CHUNK = 256;
    private static final int IN_FLIGHT_PER_WORKER = 4;

    /**
     * A logged decision to compare, as much of it as an index of the log already read: its line
     * only ({@code known} and {@code deal} {@code null}); its line and summary without the deal
     * ({@link LoggedDecision#summary}), so that only the deal is read again; or its summary and its
     * deal read, with no line to read.
     *
     * @param number its line's number in the log
     */
    public record Logged(long number, JsonLines.Line line, LoggedDecision known, Deal deal) {

        /** A line, and its summary when known. */
        public Logged(JsonLines.Line line, LoggedDecision known) {
            this(line.number(), line, known, null);
        }

        /** A record already read, deal and all. */
        public Logged(long number, LoggedDecision known, Deal deal) {
            this(number, null, known, deal);
        }
    }

    /** The log's whole lines, handed over in log order. */
    @FunctionalInterface
    public interface Source {
        void forEach(Consumer<Logged> sink) throws IOException;
    }

    /**
     * Decides every deal of the audit log at {@code log} again under {@code candidate}, reading each
     * record in one pass. See {@link #run(Source, CompiledPolicy)}.
     */
    public static Report run(Path log, CompiledPolicy candidate) throws IOException {
        return run(sink -> AuditRecord.readLines(log, line -> {
            if (line.complete()) {
                sink.accept(new Logged(line, null));
            }
        }), candidate);
    }

    /**
     * Decides every logged deal again under {@code candidate}, on every core, and compares. Records
     * are read as JSON and decided; their canonical form and chain are {@code verify}'s to check,
     * not this estimate's. The result is the same whatever the number of cores: compared in log order.
     */
    public static Report run(Source log, CompiledPolicy candidate) throws IOException {
        Tally tally = new Tally();
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "dealdesk-what-if");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<List<Compared>>> inFlight = new ArrayDeque<>();
        try {
            List<Logged> chunk = new ArrayList<>(CHUNK);
            log.forEach(line -> {
                chunk.add(line);
                if (chunk.size() == CHUNK) {
                    submit(pool, candidate, List.copyOf(chunk), inFlight, workers, tally);
                    chunk.clear();
                }
            });
            submit(pool, candidate, List.copyOf(chunk), inFlight, workers, tally);
            while (!inFlight.isEmpty()) {
                tally.add(join(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
        return tally.report();
    }

    private static void submit(ExecutorService pool, CompiledPolicy candidate, List<Logged> lines,
                               ArrayDeque<Future<List<Compared>>> inFlight, int workers, Tally tally) {
        if (lines.isEmpty()) {
            return;
        }
        while (inFlight.size() >= workers * IN_FLIGHT_PER_WORKER) {
            tally.add(join(inFlight.poll()));
        }
        inFlight.add(pool.submit(() -> lines.stream().map(line -> compare(line, candidate)).toList()));
    }

    private static List<Compared> join(Future<List<Compared>> compared) {
        try {
            return compared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing the log", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("comparing the log failed: " + e.getCause(), e.getCause());
        }
    }

    /** One logged decision decided again, or why it could not be. */
    private record Compared(long line, String decisionId, String dealId, String segment, BigDecimal acv, String from,
                            String to, List<String> before, List<String> after, String error) {
    }

    private static Compared compare(Logged logged, CompiledPolicy candidate) {
        if (logged.deal() != null) {
            return compare(logged.number(), logged.known(), logged.deal(), candidate);
        }
        JsonLines.Line line = logged.line();
        if (line.tooLong()) {
            return new Compared(line.number(), null, null, null, null, null, null, null, null,
                    "line " + line.number() + ": " + line.length() + " bytes, longer than any record");
        }
        try {
            LoggedDecision record = logged.known() == null ? LoggedDecision.read(line.bytes()) : logged.known().withDealOf(line.bytes());
            return compare(line.number(), record, DealJson.read(record.deal(), "/deal"), candidate);
        } catch (IllegalArgumentException | InvalidDealException e) {
            return new Compared(line.number(), null, null, null, null, null, null, null, null,
                    "line " + line.number() + ": " + e.getMessage());
        }
    }

    private static Compared compare(long line, LoggedDecision record, Deal deal, CompiledPolicy candidate) {
        try {
            Decision decision = candidate.decide(deal, record.decisionId(), Instant.EPOCH);
            return new Compared(line, record.decisionId(), deal.dealId(), deal.segment().name(),
                    BigDecimal.valueOf(deal.acv()), record.outcome(), decision.outcome().name(), record.codes(), decision.codes(), null);
        } catch (EvaluationException e) {
            return new Compared(line, null, null, null, null, null, null, null, null, "line " + line + ": " + e.getMessage());
        }
    }

    /** The comparison so far, added to in log order. */
    private static final class Tally {
        private final Map<String, Map<String, Cell>> transitions = new TreeMap<>();
        private final Map<String, Map<String, Map<String, Cell>>> bySegment = new TreeMap<>();
        private final Map<String, Long> gained = new TreeMap<>();
        private final Map<String, Long> lost = new TreeMap<>();
        private final List<Change> changes = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private long decisions;

        void add(List<Compared> compared) {
            for (Compared one : compared) {
                if (one.error() != null) {
                    errors.add(one.error());
                    continue;
                }
                WhatIf.add(transitions, one.from(), one.to(), one.acv());
                WhatIf.add(bySegment.computeIfAbsent(one.segment(), s -> new TreeMap<>()), one.from(), one.to(), one.acv());
                List<String> plus = minus(one.after(), one.before());
                List<String> minus = minus(one.before(), one.after());
                plus.forEach(code -> gained.merge(code, 1L, Long::sum));
                minus.forEach(code -> lost.merge(code, 1L, Long::sum));
                if (!one.from().equals(one.to()) || !one.before().equals(one.after())) {
                    changes.add(new Change(one.line(), one.decisionId(), one.dealId(), one.segment(), one.acv(), one.from(),
                            one.to(), plus, minus));
                }
                decisions++;
            }
        }

        Report report() {
            return new Report(decisions, transitions, bySegment, gained, lost, List.copyOf(changes), List.copyOf(errors));
        }
    }

    private static void add(Map<String, Map<String, Cell>> matrix, String from, String to, BigDecimal acv) {
        matrix.computeIfAbsent(from, f -> new TreeMap<>()).merge(to, new Cell(1, acv),
                (cell, one) -> cell.plus(acv));
    }

    private static List<String> minus(List<String> from, List<String> take) {
        List<String> rest = new ArrayList<>(from);
        take.forEach(rest::remove);
        return rest;
    }

}
