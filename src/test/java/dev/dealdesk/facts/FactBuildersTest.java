package dev.dealdesk.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The builders make the same records as the canonical constructors, with the same checks. */
class FactBuildersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    /** Every required component of a deal, by name, as a builder step. */
    private static final Map<String, Consumer<Deal.Builder>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("dealId", b -> b.dealId("D-1"));
        REQUIRED.put("asOf", b -> b.asOf(AS_OF));
        REQUIRED.put("motion", b -> b.motion(Motion.LAND));
        REQUIRED.put("stage", b -> b.stage(Stage.CLOSED_WON));
        REQUIRED.put("segment", b -> b.segment(Segment.MID_MARKET));
        REQUIRED.put("acv", b -> b.acv(60_000));
        REQUIRED.put("seller", b -> b.seller(Seller.builder().arr(25_000_000).build()));
        REQUIRED.put("contract", b -> b.contract(Contract.builder().pricingModel(PricingModel.PER_SEAT).termMonths(12).build()));
    }

    @Test
    void build_everyComponentSet_equalsTheDealBuiltPositionally() {
        Deal built = Deal.builder()
                .dealId("D-1").asOf(AS_OF).motion(Motion.LAND).stage(Stage.CLOSED_WON).segment(Segment.MID_MARKET)
                .acv(60_000).touchModel(TouchModel.HIGH_TOUCH)
                .seller(Seller.builder().arr(25_000_000).build())
                .valueProof(ValueProof.builder().workflow("Ticket triage").metric("First-response hours")
                        .baseline(18.0).target(4.0).windowDays(75).reachesProduction(true).champion("Dana Ruiz").build())
                .addExpansionTarget(ExpansionTarget.builder().team("IT").sponsor("Priya").useCase("IT triage")
                        .estimatedAcv(45_000.0).targetQuarter(new Quarter(2026, 4)).build())
                .addExpansionTarget(ExpansionTarget.builder().team("HR").build())
                .customerStrategy(CustomerStrategy.builder().horizonMonths(24).framing(Framing.CUSTOMER_OUTCOME)
                        .expansionTrigger(ExpansionTrigger.CUSTOMER_READINESS)
                        .addPhase(Phase.builder().name("IT").team("IT").outcome("Tickets in 2h").startMonth(4).build())
                        .addPhase(Phase.builder().name("HR").build())
                        .build())
                .sizing(Sizing.builder().seatsNeededForOutcome(40).seatsPurchased(40).build())
                .customerSuccess(CustomerSuccess.builder().csmAssigned(true).csmExpansionTarget(true)
                        .csHoursPerQuarter(8.0).csHourlyCost(100.0).build())
                .ownership(Ownership.builder().expansionOwner(ExpansionOwner.AE).handoffSlaDays(5).sharedExpansionComp(true).build())
                .contract(Contract.builder().pricingModel(PricingModel.PER_SEAT).termMonths(12).expansionByAddOn(true)
                        .usageSpendAlerts(false).build())
                .expansion(Expansion.builder().daysInQueue(3).landValueProven(true).build())
                .build();

        Deal positional = new Deal("D-1", AS_OF, Motion.LAND, Stage.CLOSED_WON, Segment.MID_MARKET, 60_000,
                TouchModel.HIGH_TOUCH, new Seller(25_000_000),
                new ValueProof("Ticket triage", "First-response hours", 18.0, 4.0, 75, true, "Dana Ruiz"),
                List.of(new ExpansionTarget("IT", "Priya", "IT triage", 45_000.0, new Quarter(2026, 4)),
                        new ExpansionTarget("HR", null, null, null, null)),
                new CustomerStrategy(24, List.of(new Phase("IT", "IT", "Tickets in 2h", 4), new Phase("HR", null, null, null)),
                        Framing.CUSTOMER_OUTCOME, ExpansionTrigger.CUSTOMER_READINESS),
                new Sizing(40, 40), new CustomerSuccess(true, true, 8.0, 100.0), new Ownership(ExpansionOwner.AE, 5, true),
                new Contract(PricingModel.PER_SEAT, 12, true, false), new Expansion(3, true), null);
        assertEquals(positional, built);
    }

    @Test
    void build_requiredComponentMissing_throwsNamingIt() {
        for (String missing : REQUIRED.keySet()) {
            Deal.Builder builder = Deal.builder();
            REQUIRED.forEach((name, step) -> {
                if (!name.equals(missing)) {
                    step.accept(builder);
                }
            });
            assertEquals(missing, assertThrows(NullPointerException.class, builder::build, missing).getMessage());
        }
        assertEquals("arr", assertThrows(NullPointerException.class, () -> Seller.builder().build()).getMessage());
        assertEquals("pricingModel", assertThrows(NullPointerException.class,
                () -> Contract.builder().termMonths(12).build()).getMessage());
        assertEquals("termMonths", assertThrows(NullPointerException.class,
                () -> Contract.builder().pricingModel(PricingModel.FLAT_FEE).build()).getMessage());
        assertEquals("team", assertThrows(NullPointerException.class,
                () -> ExpansionTarget.builder().sponsor("Priya").build()).getMessage());
    }

    @Test
    void build_valueTheConstructorRefuses_throwsItsMessage() {
        Deal.Builder negativeAcv = required();
        negativeAcv.acv(-1);
        assertEquals("acv must be a finite number >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, negativeAcv::build).getMessage());
        assertEquals("windowDays must be > 0, got 0", assertThrows(IllegalArgumentException.class,
                () -> ValueProof.builder().windowDays(0).build()).getMessage());
        assertEquals("termMonths must be > 0, got 0", assertThrows(IllegalArgumentException.class,
                () -> Contract.builder().pricingModel(PricingModel.PER_SEAT).termMonths(0).build()).getMessage());
        assertEquals("startMonth must be a finite number >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> Phase.builder().startMonth(-1).build()).getMessage());
    }

    @Test
    void build_onlyRequiredComponents_optionalPartsDefaultAsTheRecordSays() {
        Deal deal = required().build();
        assertEquals(TouchModel.HIGH_TOUCH, deal.touchModel());
        assertEquals(List.of(), deal.expansionMap());
        assertNull(deal.valueProof());
        assertNull(deal.customerStrategy());
        assertNull(deal.sizing());
        assertNull(deal.customerSuccess());
        assertNull(deal.ownership());
        assertNull(deal.expansion());
        assertEquals(new Deal("D-1", AS_OF, Motion.LAND, Stage.CLOSED_WON, Segment.MID_MARKET, 60_000, null,
                new Seller(25_000_000), null, null, null, null, null, null,
                new Contract(PricingModel.PER_SEAT, 12, null, null), null, null), deal);

        assertEquals(List.of(), CustomerStrategy.builder().build().phases());
        assertEquals(new ValueProof(null, null, null, null, null, null, null), ValueProof.builder().build());
        assertEquals(new Sizing(null, null), Sizing.builder().build());
        assertEquals(new CustomerSuccess(null, null, null, null), CustomerSuccess.builder().build());
        assertEquals(new Ownership(null, null, null), Ownership.builder().build());
        assertEquals(new Expansion(null, null), Expansion.builder().build());
        assertEquals(new Phase(null, null, null, null), Phase.builder().build());
    }

    @Test
    void listSetters_replace_addAppends_andABuiltRecordKeepsItsList() {
        ExpansionTarget it = ExpansionTarget.builder().team("IT").build();
        ExpansionTarget hr = ExpansionTarget.builder().team("HR").build();
        ExpansionTarget finance = ExpansionTarget.builder().team("Finance").build();
        Deal.Builder builder = required().addExpansionTarget(finance).expansionMap(List.of(it, hr));
        Deal first = builder.build();
        Deal second = builder.addExpansionTarget(finance).build();
        assertEquals(List.of(it, hr), first.expansionMap());
        assertEquals(List.of(it, hr, finance), second.expansionMap());
        assertEquals(List.of(), builder.expansionMap(null).build().expansionMap());
        assertThrows(NullPointerException.class, () -> Deal.builder().addExpansionTarget(null));

        Phase one = Phase.builder().name("one").build();
        Phase two = Phase.builder().name("two").build();
        CustomerStrategy.Builder strategy = CustomerStrategy.builder().addPhase(two).phases(List.of(one));
        assertEquals(List.of(one), strategy.build().phases());
        assertEquals(List.of(one, two), strategy.addPhase(two).build().phases());
        assertThrows(NullPointerException.class, () -> CustomerStrategy.builder().addPhase(null));
    }

    /** A builder with every required component set and nothing else. */
    private static Deal.Builder required() {
        Deal.Builder builder = Deal.builder();
        REQUIRED.values().forEach(step -> step.accept(builder));
        return builder;
    }
}
