package dev.dealdesk.bench;

import static dev.dealdesk.bench.HandCodedPolicy.CSM_NOMINATES_AE_CLOSES_FROM_ARR;
import static dev.dealdesk.bench.HandCodedPolicy.CS_COST_COVERAGE_MULTIPLE;
import static dev.dealdesk.bench.HandCodedPolicy.DEDICATED_AM_FROM_ARR;
import static dev.dealdesk.bench.HandCodedPolicy.EXPANSION_MAP_MIN_TEAMS;
import static dev.dealdesk.bench.HandCodedPolicy.EXPANSION_MAX_DAYS_IN_QUEUE;
import static dev.dealdesk.bench.HandCodedPolicy.FLAT_FEE_MAX_TERM_MONTHS;
import static dev.dealdesk.bench.HandCodedPolicy.STRATEGIC_AM_POD_FROM_ARR;
import static dev.dealdesk.bench.HandCodedPolicy.STRATEGY_MIN_HORIZON_MONTHS;
import static dev.dealdesk.bench.HandCodedPolicy.STRATEGY_MIN_PHASES;
import static dev.dealdesk.bench.HandCodedPolicy.VALUE_PROOF_MAX_WINDOW_DAYS;
import static dev.dealdesk.bench.HandCodedPolicy.multiply;
import static dev.dealdesk.policy.Text.number;
import static dev.dealdesk.policy.Text.usd;

import dev.dealdesk.decision.ApproverRole;
import dev.dealdesk.decision.Finding;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.decision.Severity;
import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.CustomerStrategy;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Expansion;
import dev.dealdesk.facts.ExpansionOwner;
import dev.dealdesk.facts.ExpansionTarget;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.ValueProof;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of {@link HandCodedPolicy}: one method per rule of {@code rules/*.drl}, building the
 * {@link Finding} that rule's consequence reports (message, remedy, evidence) with the rule's metadata
 * (code, concerns, severity, approver, name). Each method is only called when its rule fires; the
 * caller decides that. Evidence values are normalised as {@code dev.dealdesk.policy.Findings} does:
 * enums by {@code name()}, quarters by {@code toString()}, numbers boxed as the rule passes them
 * ({@code int} thresholds as {@code Integer}, {@code double} ones as {@code Double}). Stateless.
 */
final class HandCodedFindings {

    /** The metadata of one DRL rule; {@code approver} is dropped for INFO findings, as the engine does. */
    private record Rule(String name, String code, List<String> concerns, ApproverRole approver) {

        Finding finding(Severity severity, String message, String remedy, Map<String, Object> evidence) {
            return new Finding(code, severity, concerns, message, evidence, remedy,
                    severity == Severity.INFO ? null : approver, name, List.of());
        }
    }

    // --- @concerns, as RuleMetadata parses them -------------------------------------------------
    private static final List<String> CSM_EXPANSION = List.of("mechanic:csm-expansion");
    private static final List<String> EXPANSION_MAP = List.of("mechanic:expansion-map");
    private static final List<String> GROWTH_CONTRACT = List.of("mechanic:growth-contract");
    private static final List<String> PRICING_LOCK_IN = List.of("mechanic:growth-contract", "failure:pricing-lock-in");
    private static final List<String> LAND_TOO_SMALL = List.of("failure:land-too-small");
    private static final List<String> LAND_VALUE_PROOF = List.of("mechanic:land-value-proof");
    private static final List<String> NO_STRATEGY = List.of("failure:no-strategy-beyond-land");
    private static final List<String> OWNERSHIP = List.of("ownership:model");
    private static final List<String> ROLE_CONFUSION = List.of("failure:role-confusion");
    private static final List<String> SELLER_FRAMING = List.of("failure:seller-framing");
    private static final List<String> UNDERSOLD = List.of("failure:undersold");

    // --- the rules: name, @code, @concerns, @approver (severity is passed: some depend on the stage)
    private static final Rule CSM_UNASSIGNED = new Rule("Sales-led land has no CSM",
            "csm.unassigned", CSM_EXPANSION, ApproverRole.CS_LEADERSHIP);
    private static final Rule CSM_NO_EXPANSION_TARGET = new Rule("CSM carries no expansion target",
            "csm.no-expansion-target", CSM_EXPANSION, ApproverRole.CS_LEADERSHIP);
    private static final Rule MAP_MISSING = new Rule("Sales-led land has no expansion map",
            "expansion-map.missing", EXPANSION_MAP, ApproverRole.DEAL_DESK);
    private static final Rule MAP_NO_NEXT_QUARTER = new Rule("Expansion map plans nothing for this quarter or the next",
            "expansion-map.no-next-quarter", EXPANSION_MAP, ApproverRole.DEAL_DESK);
    private static final Rule MAP_TOO_FEW_TEAMS = new Rule("Expansion map names too few teams",
            "expansion-map.too-few-teams", EXPANSION_MAP, ApproverRole.DEAL_DESK);
    private static final Rule MAP_INCOMPLETE = new Rule("Expansion map entry is incomplete",
            "expansion-map.incomplete", EXPANSION_MAP, ApproverRole.DEAL_DESK);
    private static final Rule CONTRACT_RENEGOTIATION = new Rule("Growth needs a renegotiation",
            "contract.expansion-needs-renegotiation", GROWTH_CONTRACT, ApproverRole.FINANCE);
    private static final Rule CONTRACT_USAGE_BILL_SHOCK = new Rule("Usage pricing without spend alerts",
            "contract.usage-bill-shock", GROWTH_CONTRACT, ApproverRole.FINANCE);
    private static final Rule CONTRACT_FLAT_FEE_MULTI_YEAR = new Rule("Flat fee on a multi-year term",
            "contract.flat-fee-multi-year", PRICING_LOCK_IN, ApproverRole.FINANCE);
    private static final Rule CONTRACT_FLAT_FEE = new Rule("Flat fee",
            "contract.flat-fee", PRICING_LOCK_IN, ApproverRole.FINANCE);
    private static final Rule LAND_BELOW_MINIMUM = new Rule("Land is under the segment's minimum viable ACV",
            "land.below-minimum", LAND_TOO_SMALL, ApproverRole.DEAL_DESK);
    private static final Rule LAND_CS_COST = new Rule("Land does not pay for the CS it absorbs",
            "land.cs-cost-not-covered", LAND_TOO_SMALL, ApproverRole.DEAL_DESK);
    private static final Rule LAND_SELF_SERVE_HUMAN_CS = new Rule("Self-serve deal absorbs human CS",
            "land.self-serve-with-human-cs", LAND_TOO_SMALL, ApproverRole.CS_LEADERSHIP);
    private static final Rule VP_MISSING = new Rule("Sales-led land has no value proof",
            "value-proof.missing", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule VP_INCOMPLETE = new Rule("Sales-led land has an incomplete value proof",
            "value-proof.missing", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule VP_NO_MOVEMENT = new Rule("Value proof promises no movement",
            "value-proof.no-movement", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule VP_WINDOW = new Rule("Value proof window is too long",
            "value-proof.window", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule VP_NOT_PRODUCTION = new Rule("Value proof is a sandbox pilot",
            "value-proof.not-production", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule VP_NO_CHAMPION = new Rule("Value proof has no champion",
            "value-proof.no-champion", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule EXPANSION_VALUE_NOT_PROVEN = new Rule("Expansion before the land proved its value",
            "expansion.value-not-proven", LAND_VALUE_PROOF, ApproverRole.DEAL_DESK);
    private static final Rule STRATEGY_MISSING = new Rule("Sales-led land has no customer strategy",
            "strategy.missing", NO_STRATEGY, ApproverRole.SALES_LEADERSHIP);
    private static final Rule STRATEGY_SHORT_HORIZON = new Rule("Customer strategy is too short",
            "strategy.short-horizon", NO_STRATEGY, ApproverRole.SALES_LEADERSHIP);
    private static final Rule STRATEGY_NO_PHASES = new Rule("Customer strategy has too few phases",
            "strategy.no-phases", NO_STRATEGY, ApproverRole.SALES_LEADERSHIP);
    private static final Rule OWNERSHIP_MODEL = new Rule("Name the seller's ownership model",
            "ownership.model", OWNERSHIP, null);
    private static final Rule OWNERSHIP_UNASSIGNED = new Rule("Nobody owns expansion",
            "ownership.unassigned", ROLE_CONFUSION, ApproverRole.REVOPS);
    private static final Rule OWNERSHIP_MISMATCH = new Rule("Expansion owner does not fit the ownership model",
            "ownership.mismatch", ROLE_CONFUSION, ApproverRole.REVOPS);
    private static final Rule OWNERSHIP_NO_HANDOFF_SLA = new Rule("CSM-to-AE handoff has no SLA or shared comp",
            "ownership.no-handoff-sla", ROLE_CONFUSION, ApproverRole.REVOPS);
    private static final Rule OWNERSHIP_STALLED = new Rule("Expansion stalled in a queue",
            "ownership.stalled-expansion", ROLE_CONFUSION, ApproverRole.REVOPS);
    private static final Rule STRATEGY_SELLER_FRAMED = new Rule("Strategy is framed as seller revenue",
            "strategy.seller-framed", SELLER_FRAMING, ApproverRole.SALES_LEADERSHIP);
    private static final Rule STRATEGY_RENEWAL_GATED = new Rule("Expansion waits for the renewal date",
            "strategy.renewal-gated", SELLER_FRAMING, ApproverRole.SALES_LEADERSHIP);
    private static final Rule SIZING_UNDERSOLD = new Rule("Land buys fewer seats than the outcome needs",
            "sizing.undersold", UNDERSOLD, ApproverRole.SALES_LEADERSHIP);

    // Texts and boxed values that depend only on thresholds are built once, with the same Text
    // functions the rules call, so they stay byte-identical; the int thresholds fold into the
    // message literals at compile time.
    private static final String CS_COST_COVERAGE_MULTIPLE_TEXT = number(CS_COST_COVERAGE_MULTIPLE);
    private static final Double CS_COST_COVERAGE_MULTIPLE_VALUE = CS_COST_COVERAGE_MULTIPLE;
    private static final Double CSM_NOMINATES_AE_CLOSES_FROM_ARR_VALUE = CSM_NOMINATES_AE_CLOSES_FROM_ARR;
    private static final Double DEDICATED_AM_FROM_ARR_VALUE = DEDICATED_AM_FROM_ARR;
    private static final Double STRATEGIC_AM_POD_FROM_ARR_VALUE = STRATEGIC_AM_POD_FROM_ARR;

    private HandCodedFindings() {
    }

    // --- csm-expansion.drl ------------------------------------------------------------------------

    static Finding csmUnassigned(CustomerSuccess cs, OwnershipModel model) {
        return CSM_UNASSIGNED.finding(Severity.FLAG,
                "No CSM is assigned to the land, but under " + model + " a CSM owns adoption and expansion qualification",
                "Assign a CSM before close",
                evidence("customerSuccess.csmAssigned", cs == null ? null : cs.csmAssigned(),
                        "ownershipModel", model.name()));
    }

    static Finding csmNoExpansionTarget(CustomerSuccess cs, OwnershipModel model) {
        return CSM_NO_EXPANSION_TARGET.finding(Severity.FLAG,
                "The CSM carries no expansion-qualification target: expansion signals will die in support",
                "Give the CSM a hard expansion-qualification target",
                evidence("customerSuccess.csmAssigned", Boolean.TRUE,
                        "customerSuccess.csmExpansionTarget", cs.csmExpansionTarget(),
                        "ownershipModel", model.name()));
    }

    // --- expansion-map.drl ------------------------------------------------------------------------

    static Finding mapMissing(Severity severity) {
        return MAP_MISSING.finding(severity,
                "No expansion map at land time: the CSM would inherit a black-box account",
                "Write the expansion map into the CRM: at least " + EXPANSION_MAP_MIN_TEAMS
                        + " target teams with sponsor, use case, estimated ACV and target quarter",
                evidence("expansionMap", 0, "expansionMapMinTeams", EXPANSION_MAP_MIN_TEAMS));
    }

    static Finding mapNoNextQuarter(Severity severity, Quarter now) {
        String thisQuarter = now.toString();
        String either = thisQuarter + " or " + now.next();
        return MAP_NO_NEXT_QUARTER.finding(severity,
                "No expansion-map entry targets " + either + ": the next expansion has no date",
                "Plan at least one expansion for " + either,
                evidence("asOf", thisQuarter, "expansionMap.targetQuarter", either));
    }

    static Finding mapTooFewTeams(int teams) {
        return MAP_TOO_FEW_TEAMS.finding(Severity.FLAG,
                "The expansion map names " + teams + " team" + (teams == 1 ? "" : "s") + ", fewer than the "
                        + EXPANSION_MAP_MIN_TEAMS + " the AE should map at land time",
                "Map at least " + EXPANSION_MAP_MIN_TEAMS + " target teams",
                evidence("expansionMap", teams, "expansionMapMinTeams", EXPANSION_MAP_MIN_TEAMS));
    }

    /** The finding about entry {@code index} (0-based) of the map; MapEntry names its label and fields. */
    static Finding mapIncomplete(int index, ExpansionTarget entry) {
        String label = "entry " + (index + 1) + " (" + entry.team() + ")";
        String field = "expansionMap[" + index + "].";
        Quarter quarter = entry.targetQuarter();
        return MAP_INCOMPLETE.finding(Severity.FLAG,
                "Expansion map " + label + " is incomplete: it needs a sponsor, a use case, an estimated ACV and a target quarter",
                "Fill in the sponsor, use case, estimated ACV and target quarter of " + label,
                evidence(field + "team", entry.team(),
                        field + "sponsor", entry.sponsor(),
                        field + "useCase", entry.useCase(),
                        field + "estimatedAcv", entry.estimatedAcv(),
                        field + "targetQuarter", quarter == null ? null : quarter.toString()));
    }

    // --- growth-contract.drl and pricing-lock-in.drl -----------------------------------------------

    static Finding contractRenegotiation(Contract contract) {
        return CONTRACT_RENEGOTIATION.finding(Severity.FLAG,
                "The contract does not let the customer grow by a paper-only add-on at agreed unit prices",
                "Add an add-on clause with agreed unit prices for more seats, teams or usage",
                evidence("contract.expansionByAddOn", contract.expansionByAddOn()));
    }

    static Finding contractUsageBillShock(Contract contract) {
        return CONTRACT_USAGE_BILL_SHOCK.finding(Severity.FLAG,
                "Usage pricing ships without spend alerts: the first big bill will feel like a penalty for growing",
                "Turn on spend alerts and educate the customer on usage before the first bill",
                evidence("contract.pricingModel", "USAGE", "contract.usageSpendAlerts", contract.usageSpendAlerts()));
    }

    static Finding contractFlatFeeMultiYear(Contract contract) {
        return CONTRACT_FLAT_FEE_MULTI_YEAR.finding(Severity.REJECT,
                "A flat fee over " + contract.termMonths() + " months locks the customer at its first size for longer than "
                        + FLAT_FEE_MAX_TERM_MONTHS + " months",
                "Price per seat or by usage, or keep a flat fee to " + FLAT_FEE_MAX_TERM_MONTHS + " months or less",
                evidence("contract.pricingModel", "FLAT_FEE", "contract.termMonths", contract.termMonths(),
                        "flatFeeMaxTermMonths", FLAT_FEE_MAX_TERM_MONTHS));
    }

    static Finding contractFlatFee(Contract contract) {
        return CONTRACT_FLAT_FEE.finding(Severity.FLAG,
                "A flat fee does not grow with the customer: every expansion becomes a renegotiation",
                "Price per seat or by usage so growth is an add-on",
                evidence("contract.pricingModel", "FLAT_FEE", "contract.termMonths", contract.termMonths(),
                        "flatFeeMaxTermMonths", FLAT_FEE_MAX_TERM_MONTHS));
    }

    // --- land-too-small.drl -------------------------------------------------------------------------

    static Finding landBelowMinimum(double acv, Segment segment, double minimum) {
        String minimumText = usd(minimum);
        return LAND_BELOW_MINIMUM.finding(Severity.REJECT,
                "ACV " + usd(acv) + " is under the " + minimumText + " minimum viable land for " + segment,
                "Resize the land to at least " + minimumText + ", or sell it self-serve with no human CS",
                evidence("acv", acv, "segment", segment.name(), "minimumLandAcv", minimum));
    }

    /** {@code cost} is annualCsCost(hours, rate), the exact decimal product the rule computes. */
    static Finding landCsCost(double acv, Double hours, Double rate, double cost) {
        return LAND_CS_COST.finding(Severity.REJECT,
                "ACV " + usd(acv) + " is under " + CS_COST_COVERAGE_MULTIPLE_TEXT + "x the " + usd(cost)
                        + " annual cost of the " + number(hours) + " CS hours a quarter it absorbs at " + usd(rate)
                        + " an hour",
                "Raise the ACV to at least " + usd(multiply(CS_COST_COVERAGE_MULTIPLE, cost))
                        + ", cut the human CS hours, or sell it self-serve",
                evidence("acv", acv, "customerSuccess.csHoursPerQuarter", hours, "customerSuccess.csHourlyCost", rate,
                        "annualCsCost", cost, "csCostCoverageMultiple", CS_COST_COVERAGE_MULTIPLE_VALUE));
    }

    static Finding landSelfServeHumanCs(CustomerSuccess cs) {
        return LAND_SELF_SERVE_HUMAN_CS.finding(Severity.FLAG,
                "A self-serve deal is set to absorb human CS: its price was not set to pay for it",
                "Serve the account self-serve with no CSM and no CS hours, or sell it high-touch at a viable size",
                evidence("customerSuccess.csHoursPerQuarter", cs.csHoursPerQuarter(),
                        "customerSuccess.csmAssigned", cs.csmAssigned()));
    }

    // --- land-value-proof.drl -----------------------------------------------------------------------

    static Finding valueProofMissing(Severity severity) {
        return VP_MISSING.finding(severity,
                "The land has no value proof: no workflow, metric, baseline, target or window is written down",
                "Write the value proof: the one workflow, the metric that must move, its baseline and target, and the window in days",
                evidence("valueProof", null));
    }

    static Finding valueProofIncomplete(Severity severity, ValueProof proof) {
        return VP_INCOMPLETE.finding(severity,
                "The value proof is incomplete: it needs a metric, a baseline, a target and a window in days",
                "Fill in the missing parts of the value proof",
                evidence("valueProof.metric", proof.metric(), "valueProof.baseline", proof.baseline(),
                        "valueProof.target", proof.target(), "valueProof.windowDays", proof.windowDays()));
    }

    static Finding valueProofNoMovement(ValueProof proof) {
        return VP_NO_MOVEMENT.finding(Severity.FLAG,
                "The value proof's target " + number(proof.target()) + " equals its baseline: no metric is promised to move",
                "Set a target that moves the metric away from its baseline",
                evidence("valueProof.metric", proof.metric(), "valueProof.baseline", proof.baseline(),
                        "valueProof.target", proof.target()));
    }

    static Finding valueProofWindow(ValueProof proof) {
        return VP_WINDOW.finding(Severity.FLAG,
                "The value proof window of " + proof.windowDays() + " days is over the " + VALUE_PROOF_MAX_WINDOW_DAYS
                        + "-day maximum",
                "Scope the proof to a workflow that can show a measurable win within " + VALUE_PROOF_MAX_WINDOW_DAYS
                        + " days",
                evidence("valueProof.windowDays", proof.windowDays(), "valueProofMaxWindowDays", VALUE_PROOF_MAX_WINDOW_DAYS));
    }

    static Finding valueProofNotProduction() {
        return VP_NOT_PRODUCTION.finding(Severity.FLAG,
                "The value proof does not reach production: a sandbox pilot proves nothing to the next team",
                "Run the proof on the real workflow in production",
                evidence("valueProof.reachesProduction", Boolean.FALSE));
    }

    static Finding valueProofNoChampion(ValueProof proof) {
        return VP_NO_CHAMPION.finding(Severity.FLAG,
                "The value proof names no customer champion to show the before-and-after to the next team",
                "Name the customer champion who owns the value proof",
                evidence("valueProof.champion", proof.champion()));
    }

    static Finding expansionValueNotProven(Expansion expansion) {
        return EXPANSION_VALUE_NOT_PROVEN.finding(Severity.FLAG,
                "The land has not been shown to move its value-proof metric, so the expansion has no proven story to retell",
                "Record the land's measured win before expanding, or get deal-desk sign-off",
                evidence("expansion.landValueProven", expansion == null ? null : expansion.landValueProven()));
    }

    // --- no-strategy-beyond-land.drl and seller-framing.drl ------------------------------------------

    static Finding strategyMissing() {
        return STRATEGY_MISSING.finding(Severity.FLAG,
                "The land has no customer strategy beyond itself: the expansion has no destination",
                "Write the customer's phased plan for the next " + STRATEGY_MIN_HORIZON_MONTHS
                        + " months, with the land as phase one",
                evidence("customerStrategy", null, "strategyMinHorizonMonths", STRATEGY_MIN_HORIZON_MONTHS));
    }

    static Finding strategyShortHorizon(CustomerStrategy strategy) {
        return STRATEGY_SHORT_HORIZON.finding(Severity.FLAG,
                "The customer strategy reaches " + strategy.horizonMonths() + " months, under the "
                        + STRATEGY_MIN_HORIZON_MONTHS + " months it should cover",
                "Extend the plan to at least " + STRATEGY_MIN_HORIZON_MONTHS + " months",
                evidence("customerStrategy.horizonMonths", strategy.horizonMonths(),
                        "strategyMinHorizonMonths", STRATEGY_MIN_HORIZON_MONTHS));
    }

    static Finding strategyNoPhases(int phases) {
        return STRATEGY_NO_PHASES.finding(Severity.FLAG,
                "The customer strategy names " + phases + " phase" + (phases == 1 ? "" : "s")
                        + " after the land, fewer than " + STRATEGY_MIN_PHASES,
                "Name at least " + STRATEGY_MIN_PHASES + " phases after the land, each a customer outcome for a team",
                evidence("customerStrategy.phases", phases, "strategyMinPhases", STRATEGY_MIN_PHASES));
    }

    static Finding strategySellerFramed() {
        return STRATEGY_SELLER_FRAMED.finding(Severity.FLAG,
                "The plan is framed as the seller's revenue (land, then expand revenue) rather than the customer's outcomes",
                "Rewrite each phase as the outcome a customer team receives",
                evidence("customerStrategy.framing", "SELLER_REVENUE"));
    }

    static Finding strategyRenewalGated() {
        return STRATEGY_RENEWAL_GATED.finding(Severity.FLAG,
                "The next phase starts on the renewal date, not when the customer is ready for more value",
                "Trigger each next phase on customer readiness",
                evidence("customerStrategy.expansionTrigger", "RENEWAL_DATE"));
    }

    // --- ownership-model.drl and role-confusion.drl --------------------------------------------------

    static Finding ownershipModel(double arr, OwnershipModel model) {
        ExpansionOwner expected = model.expectedOwner();
        return OWNERSHIP_MODEL.finding(Severity.INFO,
                "Seller ARR " + usd(arr) + " selects the " + model + " ownership model: "
                        + expected + " is expected to own the expansion number",
                null,
                evidence("seller.arr", arr, "ownershipModel", model.name(), "expectedOwner", expected.name(),
                        "csmNominatesAeClosesFromArr", CSM_NOMINATES_AE_CLOSES_FROM_ARR_VALUE,
                        "dedicatedAmFromArr", DEDICATED_AM_FROM_ARR_VALUE,
                        "strategicAmPodFromArr", STRATEGIC_AM_POD_FROM_ARR_VALUE));
    }

    static Finding ownershipUnassigned(Ownership ownership, OwnershipModel model) {
        ExpansionOwner owner = ownership == null ? null : ownership.expansionOwner();
        ExpansionOwner expected = model.expectedOwner();
        return OWNERSHIP_UNASSIGNED.finding(Severity.FLAG,
                "Nobody owns the expansion number; under " + model + " it belongs to the " + expected,
                "Name the " + expected + " as expansion owner",
                evidence("ownership.expansionOwner", owner == null ? null : owner.name(),
                        "ownershipModel", model.name(), "expectedOwner", expected.name()));
    }

    static Finding ownershipMismatch(ExpansionOwner owner, OwnershipModel model) {
        ExpansionOwner expected = model.expectedOwner();
        return OWNERSHIP_MISMATCH.finding(Severity.FLAG,
                "The expansion owner is the " + owner + ", but under " + model + " the " + expected
                        + " owns the expansion number",
                "Make the " + expected + " the expansion owner",
                evidence("ownership.expansionOwner", owner.name(), "ownershipModel", model.name(),
                        "expectedOwner", expected.name()));
    }

    static Finding ownershipNoHandoffSla(Ownership ownership) {
        return OWNERSHIP_NO_HANDOFF_SLA.finding(Severity.FLAG,
                "Under CSM_NOMINATES_AE_CLOSES the CSM hands qualified expansion to the AE, but the handoff SLA or the shared expansion comp is missing",
                "Set a handoff SLA in days and share expansion comp between the nominating CSM and the closing AE",
                evidence("ownership.handoffSlaDays", ownership == null ? null : ownership.handoffSlaDays(),
                        "ownership.sharedExpansionComp", ownership == null ? null : ownership.sharedExpansionComp(),
                        "ownershipModel", "CSM_NOMINATES_AE_CLOSES"));
    }

    static Finding ownershipStalled(Expansion expansion) {
        return OWNERSHIP_STALLED.finding(Severity.FLAG,
                "The expansion has waited " + expansion.daysInQueue() + " days for an owner, over the "
                        + EXPANSION_MAX_DAYS_IN_QUEUE + "-day limit: the role-confusion symptom",
                "Assign an owner to the expansion now and fix the handoff that let it wait",
                evidence("expansion.daysInQueue", expansion.daysInQueue(), "expansionMaxDaysInQueue", EXPANSION_MAX_DAYS_IN_QUEUE));
    }

    // --- undersold.drl --------------------------------------------------------------------------------

    static Finding sizingUndersold(Sizing sizing) {
        return SIZING_UNDERSOLD.finding(Severity.FLAG,
                "The land buys " + sizing.seatsPurchased() + " seats but the customer's stated outcome needs "
                        + sizing.seatsNeededForOutcome(),
                "Size the deal to the outcome: " + sizing.seatsNeededForOutcome() + " seats, or narrow the promised outcome",
                evidence("sizing.seatsPurchased", sizing.seatsPurchased(),
                        "sizing.seatsNeededForOutcome", sizing.seatsNeededForOutcome()));
    }

    // --- evidence maps: fixed arities, so no varargs array per finding ---------------------------------
    // A TreeMap because Finding keeps its evidence sorted by name: copying a sorted map is linear.

    private static Map<String, Object> evidence(String n1, Object v1) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        return evidence;
    }

    private static Map<String, Object> evidence(String n1, Object v1, String n2, Object v2) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        evidence.put(n2, v2);
        return evidence;
    }

    private static Map<String, Object> evidence(String n1, Object v1, String n2, Object v2, String n3, Object v3) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        evidence.put(n2, v2);
        evidence.put(n3, v3);
        return evidence;
    }

    private static Map<String, Object> evidence(String n1, Object v1, String n2, Object v2, String n3, Object v3,
                                                String n4, Object v4) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        evidence.put(n2, v2);
        evidence.put(n3, v3);
        evidence.put(n4, v4);
        return evidence;
    }

    private static Map<String, Object> evidence(String n1, Object v1, String n2, Object v2, String n3, Object v3,
                                                String n4, Object v4, String n5, Object v5) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        evidence.put(n2, v2);
        evidence.put(n3, v3);
        evidence.put(n4, v4);
        evidence.put(n5, v5);
        return evidence;
    }

    private static Map<String, Object> evidence(String n1, Object v1, String n2, Object v2, String n3, Object v3,
                                                String n4, Object v4, String n5, Object v5, String n6, Object v6) {
        TreeMap<String, Object> evidence = new TreeMap<>();
        evidence.put(n1, v1);
        evidence.put(n2, v2);
        evidence.put(n3, v3);
        evidence.put(n4, v4);
        evidence.put(n5, v5);
        evidence.put(n6, v6);
        return evidence;
    }
}
