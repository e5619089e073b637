package dev.dealdesk;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deals for tests: a clean sales-led land that the shipped policy approves, changed by JSON
 * Pointer, so each test reads as "the clean land with /valueProof/windowDays set to 91". Edits
 * accumulate: a deal can be decided, changed further, and decided again.
 */
public final class TestDeals {

    /** A mid-market land at close by a $25M-ARR seller that meets every gate of the shipped policy. */
    public static final String CLEAN_LAND = """
            {"dealId": "D-CLEAN", "asOf": "2026-11-23", "motion": "LAND", "stage": "CLOSED_WON",
             "segment": "MID_MARKET", "acv": 60000, "touchModel": "HIGH_TOUCH", "seller": {"arr": 25000000},
             "valueProof": {"workflow": "Ticket triage", "metric": "First-response hours", "baseline": 18,
                            "target": 4, "windowDays": 75, "reachesProduction": true, "champion": "Dana Ruiz"},
             "expansionMap": [
               {"team": "IT", "sponsor": "Priya", "useCase": "IT triage", "estimatedAcv": 45000, "targetQuarter": "2026-Q4"},
               {"team": "HR", "sponsor": "Marcus", "useCase": "Case routing", "estimatedAcv": 30000, "targetQuarter": "2027-Q1"},
               {"team": "Finance", "sponsor": "Elena", "useCase": "Invoices", "estimatedAcv": 35000, "targetQuarter": "2027-Q2"},
               {"team": "Sales Ops", "sponsor": "Tom", "useCase": "Intake", "estimatedAcv": 40000, "targetQuarter": "2027-Q3"}],
             "customerStrategy": {"horizonMonths": 24, "framing": "CUSTOMER_OUTCOME", "expansionTrigger": "CUSTOMER_READINESS",
                                  "phases": [{"name": "IT", "team": "IT", "outcome": "Tickets in 2h", "startMonth": 4},
                                             {"name": "HR", "team": "HR", "outcome": "Cases routed", "startMonth": 9}]},
             "sizing": {"seatsNeededForOutcome": 40, "seatsPurchased": 40},
             "customerSuccess": {"csmAssigned": true, "csmExpansionTarget": true, "csHoursPerQuarter": 8, "csHourlyCost": 100},
             "ownership": {"expansionOwner": "AE", "handoffSlaDays": 5, "sharedExpansionComp": true},
             "contract": {"pricingModel": "PER_SEAT", "termMonths": 12, "expansionByAddOn": true}}
            """;

    private final List<Consumer<JsonPatchBuilder>> edits = new ArrayList<>();
    private final String base;

    private TestDeals(String base) {
        this.base = base;
    }

    /** The clean land, to be changed. */
    public static TestDeals cleanLand() {
        return new TestDeals(CLEAN_LAND);
    }

    /** Sets (adds or replaces) the value at a JSON Pointer. Numbers keep their written form. */
    public TestDeals set(String pointer, Object value) {
        JsonValue json = json(value);
        edits.add(patch -> patch.add(pointer, json));
        return this;
    }

    /** Removes the member at a JSON Pointer. */
    public TestDeals remove(String pointer) {
        edits.add(patch -> patch.remove(pointer));
        return this;
    }

    /** The changed deal as JSON text. */
    public String json() {
        JsonObject object = Json.createReader(new StringReader(base)).readObject();
        JsonPatchBuilder patch = Json.createPatchBuilder();
        edits.forEach(edit -> edit.accept(patch));
        return patch.build().apply(object).toString();
    }

    /** The changed deal, read by the strict reader. */
    public Deal deal() {
        try {
            return DealJson.read(json());
        } catch (InvalidDealException e) {
            throw new AssertionError("test deal is invalid: " + e.getMessage(), e);
        }
    }

    private static JsonValue json(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Json.createValue(new BigDecimal(number.toString()));
        }
        if (value == null) {
            return JsonValue.NULL;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }

    /** Parses JSON text (an object or array) for use as a patch value. */
    public static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
