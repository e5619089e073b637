package dev.dealdesk.facts;

import static dev.dealdesk.facts.EventReader.required;

import dev.dealdesk.facts.EventReader.Decline;
import dev.dealdesk.facts.EventReader.Members;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast way to read a deal: straight from the parser's events into the facts, without building
 * a JSON tree first, which is most of what reading costs in a batch. It accepts only a plain deal
 * document that {@link DealReader} would read without error, and then gives the same facts. On
 * anything else it declines (gives {@code null}): malformed JSON, trailing content, an unknown,
 * duplicate or mistyped member, a required member that is missing or null, a value out of range, a
 * policy example. The caller then reads the text with {@link DealReader}, which names the first
 * problem exactly as it always has; so errors never come from here. A member added to
 * {@link DealReader} but not here is unknown here, and deals that use it simply take the careful way.
 */
final class DealBinder {

    private static final EventReader.Names DEAL = EventReader.names(DealReader.DEAL);
    private static final EventReader.Names SELLER = EventReader.names(DealReader.SELLER);
    private static final EventReader.Names VALUE_PROOF = EventReader.names(DealReader.VALUE_PROOF);
    private static final EventReader.Names EXPANSION_TARGET = EventReader.names(DealReader.EXPANSION_TARGET);
    private static final EventReader.Names STRATEGY = EventReader.names(DealReader.STRATEGY);
    private static final EventReader.Names PHASE = EventReader.names(DealReader.PHASE);
    private static final EventReader.Names SIZING = EventReader.names(DealReader.SIZING);
    private static final EventReader.Names CUSTOMER_SUCCESS = EventReader.names(DealReader.CUSTOMER_SUCCESS);
    private static final EventReader.Names OWNERSHIP = EventReader.names(DealReader.OWNERSHIP);
    private static final EventReader.Names CONTRACT = EventReader.names(DealReader.CONTRACT);
    private static final EventReader.Names EXPANSION = EventReader.names(DealReader.EXPANSION);

    private final EventReader in;

    private DealBinder(JsonParser parser) {
        this.in = new EventReader(parser);
    }

    /** The deal in {@code json}, or {@code null} when it is not a plain deal that reads without error. */
    static Deal read(String json, JsonParserFactory parsers) {
        try (JsonParser parser = parsers.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return null;
            }
            Deal deal = new DealBinder(parser).deal();
            return parser.hasNext() ? null : deal;
        } catch (Decline | RuntimeException notPlain) {
            // Malformed JSON, a number out of range, a fact's own check: the careful way will say which.
            return null;
        }
    }

    private Deal deal() throws Decline {
        String dealId = null;
        LocalDate asOf = null;
        Motion motion = null;
        Stage stage = null;
        Segment segment = null;
        Double acv = null;
        TouchModel touchModel = null;
        Seller seller = null;
        ValueProof valueProof = null;
        List<ExpansionTarget> expansionMap = List.of();
        CustomerStrategy customerStrategy = null;
        Sizing sizing = null;
        CustomerSuccess customerSuccess = null;
        Ownership ownership = null;
        Contract contract = null;
        Expansion expansion = null;
        for (Members members = in.members(DEAL); members.next(); ) {
            switch (members.name()) {
                case "dealId" -> dealId = in.string();
                case "asOf" -> asOf = in.date();
                case "motion" -> motion = in.constant(Motion.class);
                case "stage" -> stage = in.constant(Stage.class);
                case "segment" -> segment = in.constant(Segment.class);
                case "acv" -> acv = in.number(true);
                case "touchModel" -> touchModel = in.constant(TouchModel.class);
                case "seller" -> seller = in.object() ? seller() : null;
                case "valueProof" -> valueProof = in.object() ? valueProof() : null;
                case "expansionMap" -> expansionMap = expansionMap();
                case "customerStrategy" -> customerStrategy = in.object() ? customerStrategy() : null;
                case "sizing" -> sizing = in.object() ? sizing() : null;
                case "customerSuccess" -> customerSuccess = in.object() ? customerSuccess() : null;
                case "ownership" -> ownership = in.object() ? ownership() : null;
                case "contract" -> contract = in.object() ? contract() : null;
                case "expansion" -> expansion = in.object() ? expansion() : null;
                default -> EventReader.decline();
            }
        }
        if (required(dealId).isBlank()) {
            EventReader.decline();
        }
        return new Deal(dealId, required(asOf), required(motion), required(stage), required(segment), required(acv),
                touchModel, required(seller), valueProof, expansionMap, customerStrategy, sizing, customerSuccess,
                ownership, required(contract), expansion);
    }

    private Seller seller() throws Decline {
        Double arr = null;
        for (Members members = in.members(SELLER); members.next(); ) {
            switch (members.name()) {
                case "arr" -> arr = in.number(true);
                default -> EventReader.decline();
            }
        }
        return new Seller(required(arr));
    }

    private ValueProof valueProof() throws Decline {
        String workflow = null;
        String metric = null;
        Double baseline = null;
        Double target = null;
        Integer windowDays = null;
        Boolean reachesProduction = null;
        String champion = null;
        for (Members members = in.members(VALUE_PROOF); members.next(); ) {
            switch (members.name()) {
                case "workflow" -> workflow = in.string();
                case "metric" -> metric = in.string();
                case "baseline" -> baseline = in.number(false);
                case "target" -> target = in.number(false);
                case "windowDays" -> windowDays = in.integer(1);
                case "reachesProduction" -> reachesProduction = in.bool();
                case "champion" -> champion = in.string();
                default -> EventReader.decline();
            }
        }
        return new ValueProof(workflow, metric, baseline, target, windowDays, reachesProduction, champion);
    }

    private List<ExpansionTarget> expansionMap() throws Decline {
        if (!in.array()) {
            return List.of();
        }
        List<ExpansionTarget> targets = new ArrayList<>();
        while (in.nextObjectItem()) {
            String team = null;
            String sponsor = null;
            String useCase = null;
            Double estimatedAcv = null;
            Quarter targetQuarter = null;
            for (Members members = in.members(EXPANSION_TARGET); members.next(); ) {
                switch (members.name()) {
                    case "team" -> team = in.string();
                    case "sponsor" -> sponsor = in.string();
                    case "useCase" -> useCase = in.string();
                    case "estimatedAcv" -> estimatedAcv = in.number(true);
                    case "targetQuarter" -> targetQuarter = in.quarter();
                    default -> EventReader.decline();
                }
            }
            targets.add(new ExpansionTarget(required(team), sponsor, useCase, estimatedAcv, targetQuarter));
        }
        return targets;
    }

    private CustomerStrategy customerStrategy() throws Decline {
        Integer horizonMonths = null;
        List<Phase> phases = List.of();
        Framing framing = null;
        ExpansionTrigger expansionTrigger = null;
        for (Members members = in.members(STRATEGY); members.next(); ) {
            switch (members.name()) {
                case "horizonMonths" -> horizonMonths = in.integer(0);
                case "phases" -> phases = phases();
                case "framing" -> framing = in.constant(Framing.class);
                case "expansionTrigger" -> expansionTrigger = in.constant(ExpansionTrigger.class);
                default -> EventReader.decline();
            }
        }
        return new CustomerStrategy(horizonMonths, phases, framing, expansionTrigger);
    }

    private List<Phase> phases() throws Decline {
        if (!in.array()) {
            return List.of();
        }
        List<Phase> phases = new ArrayList<>();
        while (in.nextObjectItem()) {
            String name = null;
            String team = null;
            String outcome = null;
            Integer startMonth = null;
            for (Members members = in.members(PHASE); members.next(); ) {
                switch (members.name()) {
                    case "name" -> name = in.string();
                    case "team" -> team = in.string();
                    case "outcome" -> outcome = in.string();
                    case "startMonth" -> startMonth = in.integer(0);
                    default -> EventReader.decline();
                }
            }
            phases.add(new Phase(name, team, outcome, startMonth));
        }
        return phases;
    }

    private Sizing sizing() throws Decline {
        Integer needed = null;
        Integer purchased = null;
        for (Members members = in.members(SIZING); members.next(); ) {
            switch (members.name()) {
                case "seatsNeededForOutcome" -> needed = in.integer(0);
                case "seatsPurchased" -> purchased = in.integer(0);
                default -> EventReader.decline();
            }
        }
        return new Sizing(needed, purchased);
    }

    private CustomerSuccess customerSuccess() throws Decline {
        Boolean assigned = null;
        Boolean expansionTarget = null;
        Double hours = null;
        Double hourlyCost = null;
        for (Members members = in.members(CUSTOMER_SUCCESS); members.next(); ) {
            switch (members.name()) {
                case "csmAssigned" -> assigned = in.bool();
                case "csmExpansionTarget" -> expansionTarget = in.bool();
                case "csHoursPerQuarter" -> hours = in.number(true);
                case "csHourlyCost" -> hourlyCost = in.number(true);
                default -> EventReader.decline();
            }
        }
        return new CustomerSuccess(assigned, expansionTarget, hours, hourlyCost);
    }

    private Ownership ownership() throws Decline {
        ExpansionOwner owner = null;
        Integer handoffSlaDays = null;
        Boolean sharedComp = null;
        for (Members members = in.members(OWNERSHIP); members.next(); ) {
            switch (members.name()) {
                case "expansionOwner" -> owner = in.constant(ExpansionOwner.class);
                case "handoffSlaDays" -> handoffSlaDays = in.integer(0);
                case "sharedExpansionComp" -> sharedComp = in.bool();
                default -> EventReader.decline();
            }
        }
        return new Ownership(owner, handoffSlaDays, sharedComp);
    }

    private Contract contract() throws Decline {
        PricingModel pricingModel = null;
        Integer termMonths = null;
        Boolean byAddOn = null;
        Boolean spendAlerts = null;
        for (Members members = in.members(CONTRACT); members.next(); ) {
            switch (members.name()) {
                case "pricingModel" -> pricingModel = in.constant(PricingModel.class);
                case "termMonths" -> termMonths = in.integer(1);
                case "expansionByAddOn" -> byAddOn = in.bool();
                case "usageSpendAlerts" -> spendAlerts = in.bool();
                default -> EventReader.decline();
            }
        }
        return new Contract(required(pricingModel), required(termMonths), byAddOn, spendAlerts);
    }

    private Expansion expansion() throws Decline {
        Integer daysInQueue = null;
        Boolean landValueProven = null;
        for (Members members = in.members(EXPANSION); members.next(); ) {
            switch (members.name()) {
                case "daysInQueue" -> daysInQueue = in.integer(0);
                case "landValueProven" -> landValueProven = in.bool();
                default -> EventReader.decline();
            }
        }
        return new Expansion(daysInQueue, landValueProven);
    }
}
