package dev.dealdesk.audit;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    public static Report run(Path log, CompiledPolicy candidate) throws IOException {
        Map<String, Map<String, Cell>> transitions = new TreeMap<>();
        Map<String, Map<String, Map<String, Cell>>> bySegment = new TreeMap<>();
        Map<String, Long> gained = new TreeMap<>();
        Map<String, Long> lost = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long[] decisions = {0};
        AuditRecord.readLines(log, line -> {
            if (!line.complete()) {
                return;
            }
            try {
                AuditRecord record = AuditRecord.parse(line);
                Deal deal = record.readDeal();
                Decision decision = candidate.decide(deal, record.decisionId(), Instant.EPOCH);
                String from = record.outcome();
                String to = decision.outcome().name();
                BigDecimal acv = BigDecimal.valueOf(deal.acv());
                String segment = deal.segment().name();
                add(transitions, from, to, acv);
                add(bySegment.computeIfAbsent(segment, s -> new TreeMap<>()), from, to, acv);
                List<String> before = record.decision().getJsonArray("findings").stream()
                        .map(finding -> finding.asJsonObject().getString("code")).toList();
                List<String> plus = minus(decision.codes(), before);
                List<String> minus = minus(before, decision.codes());
                plus.forEach(code -> gained.merge(code, 1L, Long::sum));
                minus.forEach(code -> lost.merge(code, 1L, Long::sum));
                if (!from.equals(to) || !before.equals(decision.codes())) {
                    changes.add(new Change(line.number(), record.decisionId(), deal.dealId(), segment, acv, from, to, plus, minus));
                }
                decisions[0]++;
            } catch (AuditFormatException | InvalidDealException | EvaluationException | ClassCastException e) {
                errors.add("line " + line.number() + ": " + e.getMessage());
            }
        });
        return new Report(decisions[0], transitions, bySegment, gained, lost, List.copyOf(changes), List.copyOf(errors));
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
