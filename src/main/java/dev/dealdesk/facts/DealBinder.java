package dev.dealdesk.facts;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigDecimal;
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
 * Stateless apart from one parser per document.
 */
final class DealBinder {

    /** Gives up on the fast way; thrown often enough on bad input that it carries no stack trace. */
    private static final class Decline extends Exception {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final JsonParser parser;

    private DealBinder(JsonParser parser) {
        this.parser = parser;
    }

    /** The deal in {@code json}, or {@code null} when it is not a plain deal that reads without error. */
    static Deal read(String json, JsonParserFactory parsers) {
        try (JsonParser parser = parsers.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
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
        for (Members members = new Members(DealReader.DEAL); members.next(); ) {
            switch (members.name()) {
                case "dealId" -> dealId = string(members.value());
                case "asOf" -> asOf = date(members.value());
                case "motion" -> motion = constant(members.value(), Motion.class);
                case "stage" -> stage = constant(members.value(), Stage.class);
                case "segment" -> segment = constant(members.value(), Segment.class);
                case "acv" -> acv = number(members.value(), true);
                case "touchModel" -> touchModel = constant(members.value(), TouchModel.class);
                case "seller" -> seller = object(members.value()) ? seller() : null;
                case "valueProof" -> valueProof = object(members.value()) ? valueProof() : null;
                case "expansionMap" -> expansionMap = expansionMap(members.value());
                case "customerStrategy" -> customerStrategy = object(members.value()) ? customerStrategy() : null;
                case "sizing" -> sizing = object(members.value()) ? sizing() : null;
                case "customerSuccess" -> customerSuccess = object(members.value()) ? customerSuccess() : null;
                case "ownership" -> ownership = object(members.value()) ? ownership() : null;
                case "contract" -> contract = object(members.value()) ? contract() : null;
                case "expansion" -> expansion = object(members.value()) ? expansion() : null;
                default -> throw DECLINE;
            }
        }
        if (dealId == null || dealId.isBlank() || asOf == null || motion == null || stage == null || segment == null
                || acv == null || seller == null || contract == null) {
            throw DECLINE;
        }
        return new Deal(dealId, asOf, motion, stage, segment, acv, touchModel, seller, valueProof, expansionMap,
                customerStrategy, sizing, customerSuccess, ownership, contract, expansion);
    }

    private Seller seller() throws Decline {
        Double arr = null;
        for (Members members = new Members(DealReader.SELLER); members.next(); ) {
            if (!members.name().equals("arr")) {
                throw DECLINE;
            }
            arr = number(members.value(), true);
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
        for (Members members = new Members(DealReader.VALUE_PROOF); members.next(); ) {
            switch (members.name()) {
                case "workflow" -> workflow = string(members.value());
                case "metric" -> metric = string(members.value());
                case "baseline" -> baseline = number(members.value(), false);
                case "target" -> target = number(members.value(), false);
                case "windowDays" -> windowDays = integer(members.value(), 1);
                case "reachesProduction" -> reachesProduction = bool(members.value());
                case "champion" -> champion = string(members.value());
                default -> throw DECLINE;
            }
        }
        return new ValueProof(workflow, metric, baseline, target, windowDays, reachesProduction, champion);
    }

    private List<ExpansionTarget> expansionMap(Event event) throws Decline {
        List<ExpansionTarget> targets = new ArrayList<>();
        for (Event item = array(event) ? parser.next() : Event.END_ARRAY; item != Event.END_ARRAY; item = parser.next()) {
            if (item != Event.START_OBJECT) {
                throw DECLINE;
            }
            targets.add(expansionTarget());
        }
        return event == Event.VALUE_NULL ? List.of() : targets;
    }

    private ExpansionTarget expansionTarget() throws Decline {
        String team = null;
        String sponsor = null;
        String useCase = null;
        Double estimatedAcv = null;
        Quarter targetQuarter = null;
        for (Members members = new Members(DealReader.EXPANSION_TARGET); members.next(); ) {
            switch (members.name()) {
                case "team" -> team = string(members.value());
                case "sponsor" -> sponsor = string(members.value());
                case "useCase" -> useCase = string(members.value());
                case "estimatedAcv" -> estimatedAcv = number(members.value(), true);
                case "targetQuarter" -> targetQuarter = quarter(members.value());
                default -> throw DECLINE;
            }
        }
        return new ExpansionTarget(required(team), sponsor, useCase, estimatedAcv, targetQuarter);
    }

    private CustomerStrategy customerStrategy() throws Decline {
        Integer horizonMonths = null;
        List<Phase> phases = List.of();
        Framing framing = null;
        ExpansionTrigger expansionTrigger = null;
        for (Members members = new Members(DealReader.STRATEGY); members.next(); ) {
            switch (members.name()) {
                case "horizonMonths" -> horizonMonths = integer(members.value(), 0);
                case "phases" -> phases = phases(members.value());
                case "framing" -> framing = constant(members.value(), Framing.class);
                case "expansionTrigger" -> expansionTrigger = constant(members.value(), ExpansionTrigger.class);
                default -> throw DECLINE;
            }
        }
        return new CustomerStrategy(horizonMonths, phases, framing, expansionTrigger);
    }

    private List<Phase> phases(Event event) throws Decline {
        List<Phase> phases = new ArrayList<>();
        for (Event item = array(event) ? parser.next() : Event.END_ARRAY; item != Event.END_ARRAY; item = parser.next()) {
            if (item != Event.START_OBJECT) {
                throw DECLINE;
            }
            String name = null;
            String team = null;
            String outcome = null;
            Integer startMonth = null;
            for (Members members = new Members(DealReader.PHASE); members.next(); ) {
                switch (members.name()) {
                    case "name" -> name = string(members.value());
                    case "team" -> team = string(members.value());
                    case "outcome" -> outcome = string(members.value());
                    case "startMonth" -> startMonth = integer(members.value(), 0);
                    default -> throw DECLINE;
                }
            }
            phases.add(new Phase(name, team, outcome, startMonth));
        }
        return event == Event.VALUE_NULL ? List.of() : phases;
    }

    private Sizing sizing() throws Decline {
        Integer needed = null;
        Integer purchased = null;
        for (Members members = new Members(DealReader.SIZING); members.next(); ) {
            switch (members.name()) {
                case "seatsNeededForOutcome" -> needed = integer(members.value(), 0);
                case "seatsPurchased" -> purchased = integer(members.value(), 0);
                default -> throw DECLINE;
            }
        }
        return new Sizing(needed, purchased);
    }

    private CustomerSuccess customerSuccess() throws Decline {
        Boolean assigned = null;
        Boolean expansionTarget = null;
        Double hours = null;
        Double hourlyCost = null;
        for (Members members = new Members(DealReader.CUSTOMER_SUCCESS); members.next(); ) {
            switch (members.name()) {
                case "csmAssigned" -> assigned = bool(members.value());
                case "csmExpansionTarget" -> expansionTarget = bool(members.value());
                case "csHoursPerQuarter" -> hours = number(members.value(), true);
                case "csHourlyCost" -> hourlyCost = number(members.value(), true);
                default -> throw DECLINE;
            }
        }
        return new CustomerSuccess(assigned, expansionTarget, hours, hourlyCost);
    }

    private Ownership ownership() throws Decline {
        ExpansionOwner owner = null;
        Integer handoffSlaDays = null;
        Boolean sharedComp = null;
        for (Members members = new Members(DealReader.OWNERSHIP); members.next(); ) {
            switch (members.name()) {
                case "expansionOwner" -> owner = constant(members.value(), ExpansionOwner.class);
                case "handoffSlaDays" -> handoffSlaDays = integer(members.value(), 0);
                case "sharedExpansionComp" -> sharedComp = bool(members.value());
                default -> throw DECLINE;
            }
        }
        return new Ownership(owner, handoffSlaDays, sharedComp);
    }

    private Contract contract() throws Decline {
        PricingModel pricingModel = null;
        Integer termMonths = null;
        Boolean byAddOn = null;
        Boolean spendAlerts = null;
        for (Members members = new Members(DealReader.CONTRACT); members.next(); ) {
            switch (members.name()) {
                case "pricingModel" -> pricingModel = constant(members.value(), PricingModel.class);
                case "termMonths" -> termMonths = integer(members.value(), 1);
                case "expansionByAddOn" -> byAddOn = bool(members.value());
                case "usageSpendAlerts" -> spendAlerts = bool(members.value());
                default -> throw DECLINE;
            }
        }
        return new Contract(required(pricingModel), required(termMonths), byAddOn, spendAlerts);
    }

    private Expansion expansion() throws Decline {
        Integer daysInQueue = null;
        Boolean landValueProven = null;
        for (Members members = new Members(DealReader.EXPANSION); members.next(); ) {
            switch (members.name()) {
                case "daysInQueue" -> daysInQueue = integer(members.value(), 0);
                case "landValueProven" -> landValueProven = bool(members.value());
                default -> throw DECLINE;
            }
        }
        return new Expansion(daysInQueue, landValueProven);
    }

    /**
     * The members of the object just started, in document order: only the {@code allowed} names,
     * each at most once.
     */
    private final class Members {

        private final List<String> allowed;
        private int seen; // a bit per allowed name (no object has more than 32)
        private String name;

        Members(List<String> allowed) {
            this.allowed = allowed;
        }

        /** Moves to the next member's name; false at the end of the object. */
        boolean next() throws Decline {
            if (parser.next() == Event.END_OBJECT) {
                return false;
            }
            name = parser.getString();
            int index = allowed.indexOf(name);
            if (index < 0 || (seen & 1 << index) != 0) {
                throw DECLINE;
            }
            seen |= 1 << index;
            return true;
        }

        String name() {
            return name;
        }

        /** Moves to the member's value and gives its event. */
        Event value() {
            return parser.next();
        }
    }

    // Each reader below takes the event of the value in hand; JSON null reads as absent (null).

    /** Whether an object starts (read it next); false for null. */
    private static boolean object(Event event) throws Decline {
        if (event != Event.START_OBJECT && event != Event.VALUE_NULL) {
            throw DECLINE;
        }
        return event == Event.START_OBJECT;
    }

    /** Whether an array starts (read its items next); false for null. */
    private static boolean array(Event event) throws Decline {
        if (event != Event.START_ARRAY && event != Event.VALUE_NULL) {
            throw DECLINE;
        }
        return event == Event.START_ARRAY;
    }

    private String string(Event event) throws Decline {
        return event == Event.VALUE_NULL ? null : event == Event.VALUE_STRING ? parser.getString() : decline();
    }

    private Boolean bool(Event event) throws Decline {
        return switch (event) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> decline();
        };
    }

    /** As {@link JsonFields}: the number's double value, finite, and not negative when {@code nonNegative}. */
    private Double number(Event event, boolean nonNegative) throws Decline {
        BigDecimal exact = exact(event);
        if (exact == null) {
            return null;
        }
        double number = exact.doubleValue();
        return Double.isInfinite(number) || nonNegative && exact.signum() < 0 ? decline() : number;
    }

    /** As {@link JsonFields}: an int of at least {@code min}, with no fraction. */
    private Integer integer(Event event, int min) throws Decline {
        BigDecimal exact = exact(event);
        if (exact == null) {
            return null;
        }
        // Checked before intValueExact, which would expand a huge exponent digit by digit.
        int integer = exact.precision() - exact.scale() <= 10 ? exact.intValueExact() : decline();
        return integer >= min ? integer : decline();
    }

    private BigDecimal exact(Event event) throws Decline {
        return event == Event.VALUE_NULL ? null : event == Event.VALUE_NUMBER ? parser.getBigDecimal() : decline();
    }

    private <E extends Enum<E>> E constant(Event event, Class<E> type) throws Decline {
        String name = string(event);
        return name == null ? null : Enum.valueOf(type, name); // an unknown name throws: declined above
    }

    private LocalDate date(Event event) throws Decline {
        String text = string(event);
        return text == null ? null : JsonFields.date(text).orElseThrow(() -> DECLINE);
    }

    private Quarter quarter(Event event) throws Decline {
        String text = string(event);
        return text == null ? null : Quarter.parse(text); // not a quarter throws: declined above
    }

    private static <T> T required(T value) throws Decline {
        return value == null ? decline() : value;
    }

    private static <T> T decline() throws Decline {
        throw DECLINE;
    }
}
