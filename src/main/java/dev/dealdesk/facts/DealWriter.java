package dev.dealdesk.facts;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;

/**
 * Writes deal facts as JSON in the shape {@link DealReader} reads (policy brief, section 2): what
 * is absent stays absent, so reading the JSON back gives an equal {@link Deal}. The default
 * {@code touchModel} is written out, as the deal was evaluated. Thread-safe.
 */
public final class DealWriter {

    private static final JsonProvider JSON = JsonProvider.provider();

    private DealWriter() {
    }

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
}
