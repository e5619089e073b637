package dev.dealdesk.json;

import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.CustomerStrategy;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Expansion;
import dev.dealdesk.facts.ExpansionOwner;
import dev.dealdesk.facts.ExpansionTarget;
import dev.dealdesk.facts.ExpansionTrigger;
import dev.dealdesk.facts.Framing;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.Phase;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.TouchModel;
import dev.dealdesk.facts.ValueProof;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;


/**
 * Strict reader of deal facts from JSON (policy brief, section 2). Bad input is an
 * {@link InvalidDealException} naming the JSON Pointer of the first offending value and what was
 * expected: malformed JSON, a non-object, a duplicate or unknown member at any level, a missing
 * required field, a wrong type, an unknown enum value, a negative amount, an invalid date or quarter.
 * JSON {@code null} reads as absent. Also writes a deal back as JSON ({@link #toJson}). Thread-safe
 * and stateless.
 */
public final class DealJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final List<String> DEAL = List.of("dealId", "asOf", "motion", "stage", "segment", "acv",
            "touchModel", "seller", "valueProof", "expansionMap", "customerStrategy", "sizing", "customerSuccess",
            "ownership", "contract", "expansion");
    private static final List<String> SELLER = List.of("arr");
    private static final List<String> VALUE_PROOF = List.of("workflow", "metric", "baseline", "target",
            "windowDays", "reachesProduction", "champion");
    private static final List<String> EXPANSION_TARGET = List.of("team", "sponsor", "useCase", "estimatedAcv",
            "targetQuarter");
    /**
     * The most expansion targets one deal may list: every target is a fact each map rule joins, so
     * the work one deal can cause stays bounded (a company's teams, not a data dump).
     */
    public static final int MAX_EXPANSION_TARGETS = 1_000;
    /** The most phases one customer strategy may list. */
    public static final int MAX_PHASES = 100;
    private static final List<String> STRATEGY = List.of("horizonMonths", "phases", "framing", "expansionTrigger");
    private static final List<String> PHASE = List.of("name", "team", "outcome", "startMonth");
    private static final List<String> SIZING = List.of("seatsNeededForOutcome", "seatsPurchased");
    private static final List<String> CUSTOMER_SUCCESS = List.of("csmAssigned", "csmExpansionTarget",
            "csHoursPerQuarter", "csHourlyCost");
    private static final List<String> OWNERSHIP = List.of("expansionOwner", "handoffSlaDays", "sharedExpansionComp");
    private static final List<String> CONTRACT = List.of("pricingModel", "termMonths", "expansionByAddOn",
            "usageSpendAlerts");
    private static final List<String> EXPANSION = List.of("daysInQueue", "landValueProven");

    /** Reads one deal document from JSON text. */
    public static Deal read(String json) throws InvalidDealException {
        return read(StrictJson.parse(json), "");
    }

    /** Reads one deal document from UTF-8 bytes. */
    public static Deal read(byte[] utf8) throws InvalidDealException {
        return read(StrictJson.parse(utf8), "");
    }

    /**
     * Reads a deal from an already parsed value found at {@code path} (a JSON Pointer, empty for the
     * document root) so errors name the path within the enclosing document.
     */
    public static Deal read(JsonValue value, String path) throws InvalidDealException {
        JsonFields deal = JsonFields.of(value, path, DEAL);
        return new Deal(
                deal.requiredNonBlankString("dealId"),
                deal.requiredDate("asOf"),
                deal.requiredEnum("motion", Motion.class),
                deal.requiredEnum("stage", Stage.class),
                deal.requiredEnum("segment", Segment.class),
                deal.requiredAmount("acv"),
                deal.optionalEnum("touchModel", TouchModel.class),
                deal.requiredObject("seller", DealJson::seller),
                deal.optionalObject("valueProof", DealJson::valueProof),
                deal.optionalArray("expansionMap", MAX_EXPANSION_TARGETS, DealJson::expansionTarget),
                deal.optionalObject("customerStrategy", DealJson::customerStrategy),
                deal.optionalObject("sizing", DealJson::sizing),
                deal.optionalObject("customerSuccess", DealJson::customerSuccess),
                deal.optionalObject("ownership", DealJson::ownership),
                deal.requiredObject("contract", DealJson::contract),
                deal.optionalObject("expansion", DealJson::expansion));
    }

    private static Seller seller(JsonValue value, String path) throws InvalidDealException {
        return new Seller(JsonFields.of(value, path, SELLER).requiredAmount("arr"));
    }

    private static ValueProof valueProof(JsonValue value, String path) throws InvalidDealException {
        JsonFields proof = JsonFields.of(value, path, VALUE_PROOF);
        return new ValueProof(
                proof.optionalString("workflow"),
                proof.optionalString("metric"),
                proof.optionalNumber("baseline"),
                proof.optionalNumber("target"),
                proof.optionalInteger("windowDays", 1),
                proof.optionalBoolean("reachesProduction"),
                proof.optionalString("champion"));
    }

    private static ExpansionTarget expansionTarget(JsonValue value, String path) throws InvalidDealException {
        JsonFields target = JsonFields.of(value, path, EXPANSION_TARGET);
        return new ExpansionTarget(
                target.requiredString("team"),
                target.optionalString("sponsor"),
                target.optionalString("useCase"),
                target.optionalAmount("estimatedAcv"),
                target.optionalQuarter("targetQuarter"));
    }

    private static CustomerStrategy customerStrategy(JsonValue value, String path) throws InvalidDealException {
        JsonFields strategy = JsonFields.of(value, path, STRATEGY);
        return new CustomerStrategy(
                strategy.optionalInteger("horizonMonths", 0),
                strategy.optionalArray("phases", MAX_PHASES, DealJson::phase),
                strategy.optionalEnum("framing", Framing.class),
                strategy.optionalEnum("expansionTrigger", ExpansionTrigger.class));
    }

    private static Phase phase(JsonValue value, String path) throws InvalidDealException {
        JsonFields phase = JsonFields.of(value, path, PHASE);
        return new Phase(
                phase.optionalString("name"),
                phase.optionalString("team"),
                phase.optionalString("outcome"),
                phase.optionalInteger("startMonth", 0));
    }

    private static Sizing sizing(JsonValue value, String path) throws InvalidDealException {
        JsonFields sizing = JsonFields.of(value, path, SIZING);
        return new Sizing(sizing.optionalInteger("seatsNeededForOutcome", 0),
                sizing.optionalInteger("seatsPurchased", 0));
    }

    private static CustomerSuccess customerSuccess(JsonValue value, String path) throws InvalidDealException {
        JsonFields cs = JsonFields.of(value, path, CUSTOMER_SUCCESS);
        return new CustomerSuccess(
                cs.optionalBoolean("csmAssigned"),
                cs.optionalBoolean("csmExpansionTarget"),
                cs.optionalAmount("csHoursPerQuarter"),
                cs.optionalAmount("csHourlyCost"));
    }

    private static Ownership ownership(JsonValue value, String path) throws InvalidDealException {
        JsonFields ownership = JsonFields.of(value, path, OWNERSHIP);
        return new Ownership(
                ownership.optionalEnum("expansionOwner", ExpansionOwner.class),
                ownership.optionalInteger("handoffSlaDays", 0),
                ownership.optionalBoolean("sharedExpansionComp"));
    }

    private static Contract contract(JsonValue value, String path) throws InvalidDealException {
        JsonFields contract = JsonFields.of(value, path, CONTRACT);
        return new Contract(
                contract.requiredEnum("pricingModel", PricingModel.class),
                contract.requiredInteger("termMonths", 1),
                contract.optionalBoolean("expansionByAddOn"),
                contract.optionalBoolean("usageSpendAlerts"));
    }

    private static Expansion expansion(JsonValue value, String path) throws InvalidDealException {
        JsonFields expansion = JsonFields.of(value, path, EXPANSION);
        return new Expansion(expansion.optionalInteger("daysInQueue", 0), expansion.optionalBoolean("landValueProven"));
    }


    /**
     * The deal as JSON in the shape {@link #read} reads: what is absent stays absent, so reading it
     * back gives an equal deal. The default {@code touchModel} is written out, as the deal was decided.
     */
    public static JsonObject toJson(Deal deal) {
        Members json = new Members()
                .add("dealId", deal.dealId())
                .add("asOf", deal.asOf().toString())
                .add("motion", deal.motion())
                .add("stage", deal.stage())
                .add("segment", deal.segment())
                .add("acv", deal.acv())
                .add("touchModel", deal.touchModel())
                .add("seller", new Members().add("arr", deal.seller().arr()).build())
                .add("contract", new Members()
                        .add("pricingModel", deal.contract().pricingModel())
                        .add("termMonths", deal.contract().termMonths())
                        .add("expansionByAddOn", deal.contract().expansionByAddOn())
                        .add("usageSpendAlerts", deal.contract().usageSpendAlerts()).build());
        ValueProof proof = deal.valueProof();
        if (proof != null) {
            json.add("valueProof", new Members().add("workflow", proof.workflow()).add("metric", proof.metric())
                    .add("baseline", proof.baseline()).add("target", proof.target()).add("windowDays", proof.windowDays())
                    .add("reachesProduction", proof.reachesProduction()).add("champion", proof.champion()).build());
        }
        if (!deal.expansionMap().isEmpty()) {
            JsonArrayBuilder map = JSON.createArrayBuilder();
            for (ExpansionTarget target : deal.expansionMap()) {
                map.add(new Members().add("team", target.team()).add("sponsor", target.sponsor())
                        .add("useCase", target.useCase()).add("estimatedAcv", target.estimatedAcv())
                        .add("targetQuarter", target.targetQuarter() == null ? null : target.targetQuarter().toString())
                        .build());
            }
            json.builder.add("expansionMap", map);
        }
        CustomerStrategy strategy = deal.customerStrategy();
        if (strategy != null) {
            JsonArrayBuilder phases = JSON.createArrayBuilder();
            for (Phase phase : strategy.phases()) {
                phases.add(new Members().add("name", phase.name()).add("team", phase.team())
                        .add("outcome", phase.outcome()).add("startMonth", phase.startMonth()).build());
            }
            Members members = new Members().add("horizonMonths", strategy.horizonMonths())
                    .add("framing", strategy.framing()).add("expansionTrigger", strategy.expansionTrigger());
            members.builder.add("phases", phases);
            json.add("customerStrategy", members.build());
        }
        if (deal.sizing() != null) {
            json.add("sizing", new Members().add("seatsNeededForOutcome", deal.sizing().seatsNeededForOutcome())
                    .add("seatsPurchased", deal.sizing().seatsPurchased()).build());
        }
        CustomerSuccess cs = deal.customerSuccess();
        if (cs != null) {
            json.add("customerSuccess", new Members().add("csmAssigned", cs.csmAssigned())
                    .add("csmExpansionTarget", cs.csmExpansionTarget()).add("csHoursPerQuarter", cs.csHoursPerQuarter())
                    .add("csHourlyCost", cs.csHourlyCost()).build());
        }
        Ownership ownership = deal.ownership();
        if (ownership != null) {
            json.add("ownership", new Members().add("expansionOwner", ownership.expansionOwner())
                    .add("handoffSlaDays", ownership.handoffSlaDays())
                    .add("sharedExpansionComp", ownership.sharedExpansionComp()).build());
        }
        if (deal.expansion() != null) {
            json.add("expansion", new Members().add("daysInQueue", deal.expansion().daysInQueue())
                    .add("landValueProven", deal.expansion().landValueProven()).build());
        }
        return json.build();
    }

    /** An object builder that leaves out absent values. */
    private static final class Members {

        private final JsonObjectBuilder builder = JSON.createObjectBuilder();

        Members add(String name, Object value) {
            if (value instanceof String text) {
                builder.add(name, text);
            } else if (value instanceof Enum<?> constant) {
                builder.add(name, constant.name());
            } else if (value instanceof Boolean flag) {
                builder.add(name, flag);
            } else if (value instanceof Integer integer) {
                builder.add(name, integer);
            } else if (value instanceof Double number) {
                builder.add(name, BigDecimal.valueOf(number));
            } else if (value instanceof JsonObject object) {
                builder.add(name, object);
            } else if (value != null) {
                throw new IllegalArgumentException("no JSON form for " + value.getClass());
            }
            return this;
        }

        JsonObject build() {
            return builder.build();
        }
    }

    private DealJson() {
    }
}
