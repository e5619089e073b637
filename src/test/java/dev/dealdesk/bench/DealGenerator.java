package dev.dealdesk.bench;

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
import dev.dealdesk.facts.Phase;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.TouchModel;
import dev.dealdesk.facts.ValueProof;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of random, valid deals (policy brief, section 2), built as {@link Deal} records
 * directly. Each "knob" is mostly a compliant value, sometimes an exact threshold edge, sometimes
 * absent or blank, so outcomes span APPROVE, FLAG and REJECT and every finding code of the shipped
 * policy can fire. The same seed and count always give the same deals.
 */
public final class DealGenerator {

    private static final Motion[] MOTIONS = {Motion.LAND, Motion.LAND, Motion.LAND, Motion.EXPANSION, Motion.RENEWAL};
    private static final Stage[] STAGES = Stage.values();
    private static final Segment[] SEGMENTS = Segment.values();
    private static final ExpansionOwner[] OWNERS = ExpansionOwner.values();
    /** Blank in the brief's sense: empty, ASCII white space, Unicode spaces (no-break, em, ideographic), separators. */
    private static final String[] BLANKS = {"", " ", "   ", "\t", " \t ", "\n", "\u00A0", "\u2003", "\u3000",
        "\u2028", " \u00A0\t", "\u001C"};
    /** Not blank although they look empty or start with space: zero-width space, BOM, NEL, padded text. */
    private static final String[] TRICKY = {"\u200B", "\uFEFF", "\u0085", " x ", "\u00A0Ana"};
    private static final String[] NAMES = {"Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi", "Eun-ji Park", "Farah Nasser"};
    private static final String[] TEAMS = {"Finance", "Legal", "Support", "Marketing", "Ops", "HR", "Security", "Data"};
    private static final String[] USE_CASES = {"invoice triage", "contract review", "ticket routing", "campaign QA",
        "onboarding"};
    private static final String[] WORKFLOWS = {"invoice approval", "ticket deflection", "contract intake"};
    private static final String[] METRICS = {"cycle time hours", "deflection rate", "first response minutes"};

    private static final double[] ACV_EDGES = {15_000, 14_999.99, 15_000.01, 40_000, 39_999.99, 40_000.01, 0, 5_000,
        50_000, 14_999.999};
    private static final double[] ARR_EDGES = {10_000_000, 50_000_000, 200_000_000, 9_999_999.99, 49_999_999.99,
        199_999_999.99, 0, 200_000_000.01, 18_000_000, Math.nextDown(10_000_000.0), Math.nextUp(50_000_000.0)};
    /**
     * Baselines and targets, negative ones too. No -0.0 on purpose: the shipped engine's
     * {@code target == baseline} (value-proof.no-movement) treats 0.0 and -0.0 as equal while the MVEL
     * constraint is interpreted and as different once Drools has JIT-compiled it (after about 20
     * evaluations), so a -0.0 deal gets a different answer depending on how warm the engine is. That
     * is an engine issue, not something the bench's twin agreement check should trip over at random.
     */
    private static final double[] PROOF_VALUES = {40, 12.5, 0, 100, 7.25, -5, 0.1, 0.3};
    private static final double[] PROOF_TARGETS = {20, 6.25, 55, 150, 0.5, 0, 0.30000000000000004};
    private static final int[] WINDOWS = {90, 91, 30, 60, 89, 120, 1, 92};
    /** Hours and rates whose naive double product differs from the decimal one. */
    private static final double[] CS_HOURS = {0, 2, 4, 8, 12.5, 20, 0.1, 2.3, 7.1, 0.7, 3.3};
    private static final double[] CS_RATES = {0, 40, 50, 75.5, 95, 120.25, 0.3, 33.3, 95.1, 0.7, 1.1};
    private static final int[] TERMS = {12, 13, 12, 1, 24, 36, 11};
    private static final int[] DAYS_IN_QUEUE = {60, 61, 0, 10, 30, 59, 90, 60};
    private static final int[] HORIZONS = {17, 18, 24, 36, 0, 12, 18, 17};
    private static final int[] SLAS = {0, 2, 5, 10};

    private final SplittableRandom random;

    private DealGenerator(long seed) {
        random = new SplittableRandom(seed);
    }

    /** {@code count} valid deals for {@code seed}, with ids {@code G<seed>-<n>}. */
    public static List<Deal> generate(long seed, int count) {
        DealGenerator generator = new DealGenerator(seed);
        List<Deal> deals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            deals.add(generator.deal("G" + seed + "-" + i));
        }
        return deals;
    }

    // --- primitives ---------------------------------------------------------------------------

    private boolean p(double probability) {
        return random.nextDouble() < probability;
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An amount between {@code lo} and {@code hi}: whole dollars or cents. */
    private double money(double lo, double hi) {
        double v = lo + random.nextDouble() * (hi - lo);
        return p(0.5) ? Math.round(v * 100) / 100.0 : Math.floor(v);
    }

    /** A text from {@code pool}, or absent, blank, or tricky-but-not-blank. */
    private String text(String[] pool, double blankP, double absentP) {
        double x = random.nextDouble();
        if (x < absentP) {
            return null;
        }
        if (x < absentP + blankP) {
            return pick(BLANKS);
        }
        if (x < absentP + blankP + 0.03) {
            return pick(TRICKY);
        }
        return pick(pool);
    }

    private Boolean bool(double trueP, double absentP) {
        double x = random.nextDouble();
        if (x < absentP) {
            return null;
        }
        return x < absentP + (1 - absentP) * trueP;
    }

    // --- parts --------------------------------------------------------------------------------

    private LocalDate asOf() {
        double x = random.nextDouble();
        int year = 2023 + random.nextInt(4);
        if (x < 0.25) { // year end: the next quarter is next year's Q1
            return LocalDate.of(year, 12, 15 + random.nextInt(17));
        }
        if (x < 0.45) { // near a quarter boundary
            int month = pick(new int[] {1, 3, 4, 6, 7, 9, 10});
            int day = month % 3 == 0 ? 25 + random.nextInt(6 + (month == 3 ? 1 : 0)) : 1 + random.nextInt(5);
            return LocalDate.of(year, month, day);
        }
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    }

    private static Quarter shift(Quarter quarter, int k) {
        int index = quarter.year() * 4 + quarter.quarter() - 1 + k;
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    private Quarter targetQuarter(LocalDate asOf) {
        double x = random.nextDouble();
        int k;
        if (x < 0.35) {
            k = 1; // next quarter (Q4 -> next year's Q1)
        } else if (x < 0.55) {
            k = 0; // this quarter
        } else if (x < 0.85) {
            k = 2 + random.nextInt(4);
        } else {
            k = -1 - random.nextInt(2);
        }
        return shift(Quarter.of(asOf), k);
    }

    private double acv(Segment segment, TouchModel touch) {
        double x = random.nextDouble();
        if (x < 0.35) {
            return pick(ACV_EDGES);
        }
        double lo = segment == Segment.SMB ? 15_000 : 40_000;
        if (touch == TouchModel.SELF_SERVE && x < 0.6) {
            return money(0, lo);
        }
        if (x < 0.85) {
            return money(lo, lo * 4);
        }
        return money(0, lo);
    }

    private double arr() {
        double x = random.nextDouble();
        if (x < 0.4) {
            return pick(ARR_EDGES);
        }
        return switch (random.nextInt(4)) {
            case 0 -> money(0, 10e6);
            case 1 -> money(10e6, 50e6);
            case 2 -> money(50e6, 200e6);
            default -> money(200e6, 2e9);
        };
    }

    private ValueProof valueProof() {
        if (p(0.05)) {
            return new ValueProof(null, null, null, null, null, null, null);
        }
        String workflow = text(WORKFLOWS, 0.05, 0.1);
        String metric = text(METRICS, 0.1, 0.08);
        Double baseline = p(0.9) ? pick(PROOF_VALUES) : null;
        Double target = null;
        if (p(0.9)) {
            if (baseline != null && p(0.15)) {
                target = baseline; // no movement
            } else {
                target = pick(PROOF_TARGETS);
            }
        }
        Integer window = p(0.92) ? pick(WINDOWS) : null;
        Boolean production = bool(0.75, 0.2);
        String champion = text(NAMES, 0.1, 0.1);
        return new ValueProof(workflow, metric, baseline, target, window, production, champion);
    }

    private ExpansionTarget mapEntry(LocalDate asOf, boolean good) {
        String team = p(0.03) ? pick(BLANKS) : pick(TEAMS);
        if (good) {
            return new ExpansionTarget(team, pick(NAMES), pick(USE_CASES), money(5_000, 80_000), targetQuarter(asOf));
        }
        String sponsor = text(NAMES, 0.15, 0.15);
        String useCase = text(USE_CASES, 0.15, 0.15);
        Double estimatedAcv = null;
        if (p(0.8)) {
            estimatedAcv = p(0.3) ? pick(new double[] {0, 0.0, 12_000, 25_000.5}) : money(1_000, 90_000);
        }
        Quarter quarter = p(0.85) ? targetQuarter(asOf) : null;
        return new ExpansionTarget(team, sponsor, useCase, estimatedAcv, quarter);
    }

    private List<ExpansionTarget> expansionMap(LocalDate asOf) {
        int n = pick(new int[] {1, 2, 3, 3, 4, 4, 4, 5, 6});
        boolean good = p(0.5);
        List<ExpansionTarget> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(mapEntry(asOf, good && p(0.9)));
        }
        if (p(0.6)) { // make sure one entry is this or next quarter (year end -> next year's Q1)
            int i = random.nextInt(n);
            ExpansionTarget e = entries.get(i);
            entries.set(i, new ExpansionTarget(e.team(), e.sponsor(), e.useCase(), e.estimatedAcv(),
                    shift(Quarter.of(asOf), pick(new int[] {0, 1, 1}))));
        }
        return entries;
    }

    private CustomerStrategy strategy() {
        if (p(0.05)) {
            return new CustomerStrategy(null, null, null, null);
        }
        Integer horizon = p(0.85) ? pick(HORIZONS) : null;
        List<Phase> phases = null;
        if (p(0.85)) {
            int n = pick(new int[] {0, 1, 2, 2, 3, 4});
            phases = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                phases.add(p(0.1) ? new Phase(null, null, null, null)
                        : new Phase("Phase " + (i + 1), pick(TEAMS), pick(USE_CASES) + " live", 3 + 6 * i));
            }
        }
        Framing framing = p(0.8) ? (p(0.75) ? Framing.CUSTOMER_OUTCOME : Framing.SELLER_REVENUE) : null;
        ExpansionTrigger trigger = p(0.8)
                ? (p(0.75) ? ExpansionTrigger.CUSTOMER_READINESS : ExpansionTrigger.RENEWAL_DATE) : null;
        return new CustomerStrategy(horizon, phases, framing, trigger);
    }

    private Sizing sizing() {
        int need = random.nextInt(201);
        Integer needed = p(0.85) ? need : null;
        Integer bought = null;
        if (p(0.85)) {
            double x = random.nextDouble();
            bought = x < 0.5 ? need : x < 0.75 ? Math.max(0, need - 1 - random.nextInt(20)) : need + 1 + random.nextInt(30);
        }
        return new Sizing(needed, bought);
    }

    private CustomerSuccess customerSuccess(TouchModel touch) {
        Boolean assigned = bool(touch == TouchModel.SELF_SERVE ? 0.2 : 0.8, 0.15);
        Boolean target = bool(0.7, 0.2);
        Double hours = p(0.6) ? pick(CS_HOURS) : null;
        Double rate = p(0.6) ? pick(CS_RATES) : null;
        return new CustomerSuccess(assigned, target, hours, rate);
    }

    private Ownership ownership(ExpansionOwner[] expected) {
        ExpansionOwner owner = p(0.85) ? (p(0.6) ? pick(expected) : pick(OWNERS)) : null;
        Integer sla = p(0.8) ? pick(SLAS) : null;
        return new Ownership(owner, sla, bool(0.75, 0.15));
    }

    private Contract contract() {
        double x = random.nextDouble();
        PricingModel pricing = x < 0.5 ? PricingModel.PER_SEAT : x < 0.75 ? PricingModel.USAGE : PricingModel.FLAT_FEE;
        return new Contract(pricing, pick(TERMS), bool(0.75, 0.15), bool(0.7, 0.2));
    }

    private Expansion expansion() {
        Integer days = p(0.8) ? pick(DAYS_IN_QUEUE) : null;
        return new Expansion(days, bool(0.75, 0.2));
    }

    /** The exact decimal {@code 8 x hours x 4 x rate}, to the cent. */
    private static double csCostEdge(double hours, double rate) {
        return BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(4)).multiply(BigDecimal.valueOf(rate))
                .multiply(BigDecimal.valueOf(8)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    // --- deal ---------------------------------------------------------------------------------

    private Deal deal(String id) {
        Motion motion = pick(MOTIONS);
        Segment segment = pick(SEGMENTS);
        LocalDate asOf = asOf();
        Stage stage = pick(STAGES);
        double x = random.nextDouble();
        TouchModel touch = x < 0.25 ? TouchModel.SELF_SERVE : x < 0.65 ? TouchModel.HIGH_TOUCH : null; // null: default
        TouchModel effective = touch == null ? TouchModel.HIGH_TOUCH : touch;
        double acv = acv(segment, effective);
        double arr = arr();
        ExpansionOwner[] expected = arr < 10e6 ? new ExpansionOwner[] {ExpansionOwner.AE}
                : arr < 50e6 ? new ExpansionOwner[] {ExpansionOwner.AE, ExpansionOwner.CSM}
                : arr < 200e6 ? new ExpansionOwner[] {ExpansionOwner.AM}
                : new ExpansionOwner[] {ExpansionOwner.AM_POD};
        boolean land = motion == Motion.LAND;

        ValueProof proof = p(land ? 0.85 : 0.15) ? valueProof() : null;
        List<ExpansionTarget> map = null;
        double y = random.nextDouble();
        if (y < (land ? 0.8 : 0.1)) {
            map = expansionMap(asOf);
        } else if (y < (land ? 0.88 : 0.15)) {
            map = List.of();
        }
        CustomerStrategy strategy = p(land ? 0.8 : 0.4) ? strategy() : null;
        Sizing sizing = p(0.6) ? sizing() : null;
        CustomerSuccess cs = null;
        if (p(0.85)) {
            cs = customerSuccess(effective);
            if (cs.csHoursPerQuarter() != null && cs.csHourlyCost() != null && p(0.2)) {
                // the exact 8x CS-cost edge: acv equal to, or a cent under, 8 x hours x 4 x rate
                double edge = csCostEdge(cs.csHoursPerQuarter(), cs.csHourlyCost());
                acv = p(0.5) || edge < 0.01 ? edge
                        : BigDecimal.valueOf(edge).subtract(new BigDecimal("0.01")).doubleValue();
            }
        }
        Ownership ownership = p(0.85) ? ownership(expected) : null;
        Contract contract = contract();
        Expansion expansion = p(motion == Motion.EXPANSION ? 0.9 : 0.1) ? expansion() : null;
        return new Deal(id, asOf, motion, stage, segment, acv, touch, new Seller(arr), proof, map, strategy, sizing,
                cs, ownership, contract, expansion, null);
    }
}
