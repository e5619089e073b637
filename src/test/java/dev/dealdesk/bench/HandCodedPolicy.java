package dev.dealdesk.bench;

import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.Outcome;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.CustomerStrategy;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Expansion;
import dev.dealdesk.facts.ExpansionOwner;
import dev.dealdesk.facts.ExpansionTarget;
import dev.dealdesk.facts.ExpansionTrigger;
import dev.dealdesk.facts.Framing;
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.TouchModel;
import dev.dealdesk.facts.ValueProof;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shipped land-and-expand policy ({@code rules/*.drl}) hand-coded in plain Java: a speed
 * baseline for the benchmarks. It builds what the engine builds, every finding with its message,
 * remedy and evidence: this class decides which rules fire (their {@code when}),
 * {@link HandCodedFindings} builds each rule's finding (its {@code then}). Test scope only; the
 * thresholds below copy {@code rules/thresholds.drl}. When the rules change and this copy does not,
 * {@code ./dealdesk bench} reports the deals decided differently and does not time the twin (see
 * {@link TwinAgreement}); the build does not depend on it. Stateless and thread-safe.
 */
public final class HandCodedPolicy {

    // --- thresholds (rules/thresholds.drl) ------------------------------------------------------
    /** valueProofMaxWindowDays() */
    static final int VALUE_PROOF_MAX_WINDOW_DAYS = 90;
    /** expansionMapMinTeams() */
    static final int EXPANSION_MAP_MIN_TEAMS = 4;
    /** minimumLandAcvSmb() */
    static final double MINIMUM_LAND_ACV_SMB = 15_000;
    /** minimumLandAcvMidMarket() */
    static final double MINIMUM_LAND_ACV_MID_MARKET = 40_000;
    /** minimumLandAcvEnterprise() */
    static final double MINIMUM_LAND_ACV_ENTERPRISE = 40_000;
    /** csCostCoverageMultiple() */
    static final double CS_COST_COVERAGE_MULTIPLE = 8;
    /** flatFeeMaxTermMonths() */
    static final int FLAT_FEE_MAX_TERM_MONTHS = 12;
    /** expansionMaxDaysInQueue() */
    static final int EXPANSION_MAX_DAYS_IN_QUEUE = 60;
    /** strategyMinHorizonMonths() */
    static final int STRATEGY_MIN_HORIZON_MONTHS = 18;
    /** strategyMinPhases() */
    static final int STRATEGY_MIN_PHASES = 2;
    /** csmNominatesAeClosesFromArr() */
    static final double CSM_NOMINATES_AE_CLOSES_FROM_ARR = 10_000_000;
    /** dedicatedAmFromArr() */
    static final double DEDICATED_AM_FROM_ARR = 50_000_000;
    /** strategicAmPodFromArr() */
    static final double STRATEGIC_AM_POD_FROM_ARR = 200_000_000;
    /** Quarters in a year, in annualCsCost(...) of rules/land-too-small.drl (not a threshold). */
    private static final double QUARTERS_PER_YEAR = 4;

    /**
     * The result of one deal, as the engine's {@code Decision} reports it.
     *
     * @param outcome        REJECT if any finding rejects, else FLAG if any flags, else APPROVE
     * @param ownershipModel the ownership model the seller's ARR falls in
     * @param findings       equal to the decision's findings, in the decision's order; unmodifiable
     */
    public record Result(Outcome outcome, OwnershipModel ownershipModel, List<Finding> findings) {
    }

    // --- finding codes, indexed in String.compareTo order (the decision's order within a severity)
    private static final String[] CODES = {
        "contract.expansion-needs-renegotiation",
        "contract.flat-fee",
        "contract.flat-fee-multi-year",
        "contract.usage-bill-shock",
        "csm.no-expansion-target",
        "csm.unassigned",
        "expansion-map.incomplete",
        "expansion-map.missing",
        "expansion-map.no-next-quarter",
        "expansion-map.too-few-teams",
        "expansion.value-not-proven",
        "land.below-minimum",
        "land.cs-cost-not-covered",
        "land.self-serve-with-human-cs",
        "ownership.mismatch",
        "ownership.model",
        "ownership.no-handoff-sla",
        "ownership.stalled-expansion",
        "ownership.unassigned",
        "sizing.undersold",
        "strategy.missing",
        "strategy.no-phases",
        "strategy.renewal-gated",
        "strategy.seller-framed",
        "strategy.short-horizon",
        "value-proof.missing",
        "value-proof.no-champion",
        "value-proof.no-movement",
        "value-proof.not-production",
        "value-proof.window",
    };
    private static final int CONTRACT_RENEGOTIATION = 0;
    private static final int CONTRACT_FLAT_FEE = 1;
    private static final int CONTRACT_FLAT_FEE_MULTI_YEAR = 2;
    private static final int CONTRACT_USAGE_BILL_SHOCK = 3;
    private static final int CSM_NO_EXPANSION_TARGET = 4;
    private static final int CSM_UNASSIGNED = 5;
    private static final int MAP_INCOMPLETE = 6;
    private static final int MAP_MISSING = 7;
    private static final int MAP_NO_NEXT_QUARTER = 8;
    private static final int MAP_TOO_FEW_TEAMS = 9;
    private static final int EXPANSION_VALUE_NOT_PROVEN = 10;
    private static final int LAND_BELOW_MINIMUM = 11;
    private static final int LAND_CS_COST = 12;
    private static final int LAND_SELF_SERVE_HUMAN_CS = 13;
    private static final int OWNERSHIP_MISMATCH = 14;
    private static final int OWNERSHIP_MODEL = 15;
    private static final int OWNERSHIP_NO_HANDOFF_SLA = 16;
    private static final int OWNERSHIP_STALLED = 17;
    private static final int OWNERSHIP_UNASSIGNED = 18;
    private static final int SIZING_UNDERSOLD = 19;
    private static final int STRATEGY_MISSING = 20;
    private static final int STRATEGY_NO_PHASES = 21;
    private static final int STRATEGY_RENEWAL_GATED = 22;
    private static final int STRATEGY_SELLER_FRAMED = 23;
    private static final int STRATEGY_SHORT_HORIZON = 24;
    private static final int VP_MISSING = 25;
    private static final int VP_NO_CHAMPION = 26;
    private static final int VP_NO_MOVEMENT = 27;
    private static final int VP_NOT_PRODUCTION = 28;
    private static final int VP_WINDOW = 29;
    private static final int CODE_COUNT = 30;

    /** Severity.values() in declaration order, the decision's order; read once. */
    private static final Severity[] SEVERITIES = Severity.values();

    static {
        for (int i = 1; i < CODES.length; i++) {
            if (CODES[i - 1].compareTo(CODES[i]) >= 0) {
                throw new ExceptionInInitializerError("CODES out of order at " + CODES[i]);
            }
        }
        if (CODES.length != CODE_COUNT) {
            throw new ExceptionInInitializerError("expected " + CODE_COUNT + " codes");
        }
    }

    private HandCodedPolicy() {
    }

    /** All finding codes the policy can report, sorted. */
    public static List<String> codes() {
        return List.of(CODES);
    }

    /**
     * Decides {@code deal} as the engine does over the shipped rules: the same outcome, ownership model
     * and findings (equal {@link Finding} records, in the decision's order).
     */
    public static Result decide(Deal deal) {
        // found[code]: the finding of that code, or null; a code is reported at most once per deal,
        // except expansion-map.incomplete (one per incomplete entry, kept in incomplete[]).
        Finding[] found = new Finding[CODE_COUNT];
        int incompleteEntries = 0;
        Finding[] incomplete = null;

        Motion motion = deal.motion();
        boolean land = motion == Motion.LAND;
        boolean expansionMotion = motion == Motion.EXPANSION;
        boolean highTouch = deal.touchModel() == TouchModel.HIGH_TOUCH;
        boolean landHighTouch = land && highTouch;
        // @severity("REJECT_AT_CLOSE")
        Severity atClose = deal.stage() == Stage.CLOSED_WON ? Severity.REJECT : Severity.FLAG;
        double acv = deal.acv();

        // ownership-model.drl
        double arr = deal.seller().arr();
        OwnershipModel model = ownershipModelFor(arr);
        found[OWNERSHIP_MODEL] = HandCodedFindings.ownershipModel(arr, model);

        CustomerSuccess cs = deal.customerSuccess();
        boolean csmAssigned = cs != null && Boolean.TRUE.equals(cs.csmAssigned());

        if (landHighTouch) {
            // land-value-proof.drl
            ValueProof proof = deal.valueProof();
            if (proof == null) {
                found[VP_MISSING] = HandCodedFindings.valueProofMissing(atClose);
            } else {
                Double baseline = proof.baseline();
                Double target = proof.target();
                Integer window = proof.windowDays();
                if (blank(proof.metric()) || baseline == null || target == null || window == null) {
                    found[VP_MISSING] = HandCodedFindings.valueProofIncomplete(atClose, proof);
                }
                if (baseline != null && target != null && target.doubleValue() == baseline.doubleValue()) {
                    found[VP_NO_MOVEMENT] = HandCodedFindings.valueProofNoMovement(proof);
                }
                if (window != null && window > VALUE_PROOF_MAX_WINDOW_DAYS) {
                    found[VP_WINDOW] = HandCodedFindings.valueProofWindow(proof);
                }
                if (Boolean.FALSE.equals(proof.reachesProduction())) {
                    found[VP_NOT_PRODUCTION] = HandCodedFindings.valueProofNotProduction();
                }
                if (blank(proof.champion())) {
                    found[VP_NO_CHAMPION] = HandCodedFindings.valueProofNoChampion(proof);
                }
            }

            // expansion-map.drl
            List<ExpansionTarget> map = deal.expansionMap();
            int size = map.size();
            if (size == 0) {
                found[MAP_MISSING] = HandCodedFindings.mapMissing(atClose);
            } else {
                int nowYear = deal.asOf().getYear();
                int nowQuarter = (deal.asOf().getMonthValue() - 1) / 3 + 1;
                int nextYear = nowQuarter == 4 ? nowYear + 1 : nowYear;
                int nextQuarter = nowQuarter == 4 ? 1 : nowQuarter + 1;
                boolean planned = false;
                for (int i = 0; i < size; i++) {
                    ExpansionTarget entry = map.get(i);
                    Quarter quarter = entry.targetQuarter();
                    if (quarter != null) {
                        int year = quarter.year();
                        int q = quarter.quarter();
                        if (year == nowYear && q == nowQuarter || year == nextYear && q == nextQuarter) {
                            planned = true;
                        }
                    }
                    if (quarter == null || entry.estimatedAcv() == null || blank(entry.sponsor()) || blank(entry.useCase())) {
                        if (incomplete == null) {
                            incomplete = new Finding[size];
                        }
                        incomplete[incompleteEntries++] = HandCodedFindings.mapIncomplete(i, entry);
                    }
                }
                if (!planned) {
                    found[MAP_NO_NEXT_QUARTER] = HandCodedFindings.mapNoNextQuarter(atClose, new Quarter(nowYear, nowQuarter));
                }
                if (size < EXPANSION_MAP_MIN_TEAMS) {
                    found[MAP_TOO_FEW_TEAMS] = HandCodedFindings.mapTooFewTeams(size);
                }
                if (incompleteEntries > 0) {
                    found[MAP_INCOMPLETE] = incomplete[0];
                }
            }

            // csm-expansion.drl
            if (model != OwnershipModel.AE_OWNS && !csmAssigned) {
                found[CSM_UNASSIGNED] = HandCodedFindings.csmUnassigned(cs, model);
            }

            // land-too-small.drl
            double minimum = minimumLandAcv(deal.segment());
            if (acv < minimum) {
                found[LAND_BELOW_MINIMUM] = HandCodedFindings.landBelowMinimum(acv, deal.segment(), minimum);
            }
            if (cs != null) {
                Double hours = cs.csHoursPerQuarter();
                Double rate = cs.csHourlyCost();
                if (hours != null && rate != null && acvUnderCsCost(acv, hours, rate)) {
                    found[LAND_CS_COST] = HandCodedFindings.landCsCost(acv, hours, rate, annualCsCost(hours, rate));
                }
            }

            // no-strategy-beyond-land.drl
            if (deal.customerStrategy() == null) {
                found[STRATEGY_MISSING] = HandCodedFindings.strategyMissing();
            }
        }

        // csm-expansion.drl: any motion
        if (highTouch && model != OwnershipModel.AE_OWNS && csmAssigned
                && !Boolean.TRUE.equals(cs.csmExpansionTarget())) {
            found[CSM_NO_EXPANSION_TARGET] = HandCodedFindings.csmNoExpansionTarget(cs, model);
        }

        // pricing-lock-in.drl and growth-contract.drl
        Contract contract = deal.contract();
        PricingModel pricing = contract.pricingModel();
        if (pricing == PricingModel.FLAT_FEE) {
            if (contract.termMonths() > FLAT_FEE_MAX_TERM_MONTHS) {
                found[CONTRACT_FLAT_FEE_MULTI_YEAR] = HandCodedFindings.contractFlatFeeMultiYear(contract);
            } else {
                found[CONTRACT_FLAT_FEE] = HandCodedFindings.contractFlatFee(contract);
            }
        } else if (pricing == PricingModel.USAGE && !Boolean.TRUE.equals(contract.usageSpendAlerts())) {
            found[CONTRACT_USAGE_BILL_SHOCK] = HandCodedFindings.contractUsageBillShock(contract);
        }
        if ((land || expansionMotion) && !Boolean.TRUE.equals(contract.expansionByAddOn())) {
            found[CONTRACT_RENEGOTIATION] = HandCodedFindings.contractRenegotiation(contract);
        }

        // land-too-small.drl: self-serve
        if (!highTouch && cs != null) {
            Double hours = cs.csHoursPerQuarter();
            if (hours != null && hours > 0 || csmAssigned) {
                found[LAND_SELF_SERVE_HUMAN_CS] = HandCodedFindings.landSelfServeHumanCs(cs);
            }
        }

        // role-confusion.drl
        if ((land || expansionMotion) && highTouch) {
            Ownership ownership = deal.ownership();
            ExpansionOwner owner = ownership == null ? null : ownership.expansionOwner();
            if (owner == null || owner == ExpansionOwner.UNASSIGNED) {
                found[OWNERSHIP_UNASSIGNED] = HandCodedFindings.ownershipUnassigned(ownership, model);
            } else if (!accepts(model, owner)) {
                found[OWNERSHIP_MISMATCH] = HandCodedFindings.ownershipMismatch(owner, model);
            }
            if (model == OwnershipModel.CSM_NOMINATES_AE_CLOSES && (ownership == null
                    || ownership.handoffSlaDays() == null || !Boolean.TRUE.equals(ownership.sharedExpansionComp()))) {
                found[OWNERSHIP_NO_HANDOFF_SLA] = HandCodedFindings.ownershipNoHandoffSla(ownership);
            }
        }
        if (expansionMotion) {
            Expansion expansion = deal.expansion();
            if (expansion != null) {
                Integer days = expansion.daysInQueue();
                if (days != null && days > EXPANSION_MAX_DAYS_IN_QUEUE) {
                    found[OWNERSHIP_STALLED] = HandCodedFindings.ownershipStalled(expansion);
                }
            }
            // land-value-proof.drl
            if (expansion == null || !Boolean.TRUE.equals(expansion.landValueProven())) {
                found[EXPANSION_VALUE_NOT_PROVEN] = HandCodedFindings.expansionValueNotProven(expansion);
            }
        }

        // undersold.drl
        if (land) {
            Sizing sizing = deal.sizing();
            if (sizing != null) {
                Integer purchased = sizing.seatsPurchased();
                Integer needed = sizing.seatsNeededForOutcome();
                if (purchased != null && needed != null && purchased < needed) {
                    found[SIZING_UNDERSOLD] = HandCodedFindings.sizingUndersold(sizing);
                }
            }
        }

        // no-strategy-beyond-land.drl and seller-framing.drl
        CustomerStrategy strategy = deal.customerStrategy();
        if (strategy != null) {
            if (land) {
                Integer horizon = strategy.horizonMonths();
                if (horizon != null && horizon < STRATEGY_MIN_HORIZON_MONTHS) {
                    found[STRATEGY_SHORT_HORIZON] = HandCodedFindings.strategyShortHorizon(strategy);
                }
                int phases = strategy.phases().size();
                if (phases < STRATEGY_MIN_PHASES) {
                    found[STRATEGY_NO_PHASES] = HandCodedFindings.strategyNoPhases(phases);
                }
            }
            if (strategy.framing() == Framing.SELLER_REVENUE) {
                found[STRATEGY_SELLER_FRAMED] = HandCodedFindings.strategySellerFramed();
            }
            if (strategy.expansionTrigger() == ExpansionTrigger.RENEWAL_DATE) {
                found[STRATEGY_RENEWAL_GATED] = HandCodedFindings.strategyRenewalGated();
            }
        }

        // The decision's order: by severity, then code, then map entry. No two findings share a
        // severity and code except the incomplete entries, which are already in entry order.
        List<Finding> findings = new ArrayList<>(CODE_COUNT / 2 + incompleteEntries);
        Outcome outcome = Outcome.APPROVE;
        for (Severity severity : SEVERITIES) {
            for (int code = 0; code < CODE_COUNT; code++) {
                Finding finding = found[code];
                if (finding == null || finding.severity() != severity) {
                    continue;
                }
                if (code == MAP_INCOMPLETE) {
                    for (int i = 0; i < incompleteEntries; i++) {
                        findings.add(incomplete[i]);
                    }
                } else {
                    findings.add(finding);
                }
                // As Decision.outcome() derives it: REJECT if any finding rejects, else FLAG if any flags.
                if (outcome == Outcome.APPROVE && severity != Severity.INFO) {
                    outcome = severity == Severity.REJECT ? Outcome.REJECT : Outcome.FLAG;
                }
            }
        }
        return new Result(outcome, model, Collections.unmodifiableList(findings));
    }

    /** ownershipModelFor(...) in rules/ownership-model.drl. */
    static OwnershipModel ownershipModelFor(double sellerArr) {
        if (sellerArr >= STRATEGIC_AM_POD_FROM_ARR) {
            return OwnershipModel.STRATEGIC_AM_POD;
        }
        if (sellerArr >= DEDICATED_AM_FROM_ARR) {
            return OwnershipModel.DEDICATED_AM;
        }
        if (sellerArr >= CSM_NOMINATES_AE_CLOSES_FROM_ARR) {
            return OwnershipModel.CSM_NOMINATES_AE_CLOSES;
        }
        return OwnershipModel.AE_OWNS;
    }

    /** OwnershipModel.accepts, hand-coded (policy brief, section 3). */
    private static boolean accepts(OwnershipModel model, ExpansionOwner owner) {
        switch (model) {
            case AE_OWNS:
                return owner == ExpansionOwner.AE;
            case CSM_NOMINATES_AE_CLOSES:
                return owner == ExpansionOwner.AE || owner == ExpansionOwner.CSM;
            case DEDICATED_AM:
                return owner == ExpansionOwner.AM;
            default:
                return owner == ExpansionOwner.AM_POD;
        }
    }

    /** minimumLandAcv(...) in rules/land-too-small.drl. */
    private static double minimumLandAcv(Segment segment) {
        if (segment == Segment.SMB) {
            return MINIMUM_LAND_ACV_SMB;
        }
        if (segment == Segment.MID_MARKET) {
            return MINIMUM_LAND_ACV_MID_MARKET;
        }
        return MINIMUM_LAND_ACV_ENTERPRISE;
    }

    /**
     * {@code acv < 8 x (hours x 4 x rate)} as rules/land-too-small.drl computes it, with exact decimal
     * products. A quick double estimate settles every case that is not within a relative 1e-9 of the
     * boundary (or tiny or infinite); only those pay for BigDecimal.
     */
    private static boolean acvUnderCsCost(double acv, double hours, double rate) {
        double estimate = CS_COST_COVERAGE_MULTIPLE * hours * QUARTERS_PER_YEAR * rate;
        if (estimate > 1e-200 && Double.isFinite(estimate)) {
            double margin = estimate * 1e-9;
            if (acv < estimate - margin) {
                return true;
            }
            if (acv > estimate + margin) {
                return false;
            }
        }
        return acv < multiply(CS_COST_COVERAGE_MULTIPLE, annualCsCost(hours, rate));
    }

    /** annualCsCost(...) in rules/land-too-small.drl: hours a quarter x 4 quarters x hourly cost. */
    static double annualCsCost(double hours, double rate) {
        return multiply(multiply(hours, QUARTERS_PER_YEAR), rate);
    }

    /** Money.multiply: the product of the decimal values, rounded once to a double. */
    static double multiply(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return a * b;
        }
        return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b)).doubleValue();
    }

    /** Text.blank: null, or every character white space or a Unicode space. */
    static boolean blank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
