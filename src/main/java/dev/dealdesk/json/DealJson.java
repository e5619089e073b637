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
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;


/**
 * Strict reader of deal facts from JSON (policy brief, section 2): {@link DealSchema#deal()}, the
 * deal's JSON Schema, checks the document, then its values are mapped onto the fact records. Bad input
 * is an {@link InvalidDealException} naming the JSON Pointer of the first offending value and what was
 * expected: malformed JSON, a non-object, a duplicate or unknown member at any level, a missing
 * required field, a wrong type, an unknown enum value, a negative amount, an invalid date or quarter.
 * JSON {@code null} reads as absent. Also writes a deal back as JSON ({@link #toJson}). Thread-safe
 * and stateless.
 */
public final class DealJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DealSchema SCHEMA = DealSchema.deal();

    /**
     * The most deals one batch (a JSON array of deals) may hold, on the command line and over HTTP
     * alike: a longer one is refused as a whole, naming its size.
     */
    public static final int MAX_BATCH = 1_000;

    /**
     * The most expansion targets one deal may list (the schema's {@code maxItems}): every target is a
     * fact each map rule joins, so the work one deal can cause stays bounded (a company's teams, not a
     * data dump).
     */
    public static final int MAX_EXPANSION_TARGETS = SCHEMA.maxItems("/expansionMap");
    /** The most phases one customer strategy may list (the schema's {@code maxItems}). */
    public static final int MAX_PHASES = SCHEMA.maxItems("/customerStrategy/phases");

    /**
     * The deals of a batch document (a JSON array of deals), or empty when the document is not an
     * array (one deal, to be read with {@link #read(JsonValue, String)}). The command line and HTTP
     * take the same shapes through this one check.
     *
     * @throws InvalidDealException when the batch holds more than {@link #MAX_BATCH} deals
     */
    public static Optional<JsonArray> batch(JsonValue document) throws InvalidDealException {
        if (document.getValueType() != JsonValue.ValueType.ARRAY) {
            return Optional.empty();
        }
        JsonArray deals = document.asJsonArray();
        if (deals.size() > MAX_BATCH) {
            throw new InvalidDealException("", "expected an array of at most " + MAX_BATCH + " deals, got " + deals.size());
        }
        return Optional.of(deals);
    }

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
        return read(value, path, UnaryOperator.identity());
    }

    /**
     * Reads a deal as {@link #read(JsonValue, String)} does, keeping each of its texts as
     * {@code texts} gives it: a reader of many deals can keep one copy of a text they share (a team,
     * a workflow) rather than one per deal.
     */
    public static Deal read(JsonValue value, String path, UnaryOperator<String> texts) throws InvalidDealException {
        SCHEMA.validate(value, path);
        return deal(JsonFields.of(value, texts));
    }

    // What follows maps a document the schema has checked: names and Java types only, no rules.

    private static Deal deal(JsonFields deal) {
        return new Deal(
                deal.string("dealId"),
                deal.localDate("asOf"),
                deal.constant("motion", Motion.class),
                deal.constant("stage", Stage.class),
                deal.constant("segment", Segment.class),
                deal.number("acv"),
                deal.constant("touchModel", TouchModel.class),
                deal.object("seller", seller -> new Seller(seller.number("arr"))),
                deal.object("valueProof", DealJson::valueProof),
                deal.array("expansionMap", DealJson::expansionTarget),
                deal.object("customerStrategy", DealJson::customerStrategy),
                deal.object("sizing", sizing -> new Sizing(sizing.integer("seatsNeededForOutcome"),
                        sizing.integer("seatsPurchased"))),
                deal.object("customerSuccess", DealJson::customerSuccess),
                deal.object("ownership", DealJson::ownership),
                deal.object("contract", DealJson::contract),
                deal.object("expansion", expansion -> new Expansion(expansion.integer("daysInQueue"),
                        expansion.bool("landValueProven"))),
                deal.values("custom"));
    }

    private static ValueProof valueProof(JsonFields proof) {
        return new ValueProof(proof.string("workflow"), proof.string("metric"), proof.number("baseline"),
                proof.number("target"), proof.integer("windowDays"), proof.bool("reachesProduction"),
                proof.string("champion"));
    }

    private static ExpansionTarget expansionTarget(JsonFields target) {
        return new ExpansionTarget(target.string("team"), target.string("sponsor"), target.string("useCase"),
                target.number("estimatedAcv"), target.quarter("targetQuarter"));
    }

    private static CustomerStrategy customerStrategy(JsonFields strategy) {
        return new CustomerStrategy(
                strategy.integer("horizonMonths"),
                strategy.array("phases", phase -> new Phase(phase.string("name"), phase.string("team"),
                        phase.string("outcome"), phase.integer("startMonth"))),
                strategy.constant("framing", Framing.class),
                strategy.constant("expansionTrigger", ExpansionTrigger.class));
    }

    private static CustomerSuccess customerSuccess(JsonFields cs) {
        return new CustomerSuccess(cs.bool("csmAssigned"), cs.bool("csmExpansionTarget"),
                cs.number("csHoursPerQuarter"), cs.number("csHourlyCost"));
    }

    private static Ownership ownership(JsonFields ownership) {
        return new Ownership(ownership.constant("expansionOwner", ExpansionOwner.class),
                ownership.integer("handoffSlaDays"), ownership.bool("sharedExpansionComp"));
    }

    private static Contract contract(JsonFields contract) {
        return new Contract(contract.constant("pricingModel", PricingModel.class), contract.integer("termMonths"),
                contract.bool("expansionByAddOn"), contract.bool("usageSpendAlerts"));
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
        if (!deal.custom().isEmpty()) {
            Members custom = new Members();
            deal.custom().forEach(custom::add);
            json.add("custom", custom.build());
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
            } else if (value instanceof BigDecimal number) {
                builder.add(name, number);
            } else if (value instanceof Number number) {
                builder.add(name, new BigDecimal(number.toString()));
            } else if (value instanceof LocalDate date) {
                builder.add(name, date.toString());
            } else if (value instanceof JsonValue json) {
                builder.add(name, json);
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
