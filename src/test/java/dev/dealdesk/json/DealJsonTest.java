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
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.Phase;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.TouchModel;
import dev.dealdesk.facts.ValueProof;
import dev.dealdesk.facts.InvalidDealException;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link DealJson} against section 2 of the policy brief: every bad input names its JSON path and
 * what was expected; a valid deal reads into exact record values. Each case is the valid base deal
 * with one targeted JSON Patch.
 */
class DealJsonTest {

    /** A valid LAND deal. Absent on purpose: touchModel, sizing, expansion, contract.usageSpendAlerts. */
    private static final JsonObject BASE = Json.createReader(new StringReader("""
            {
              "dealId": "D-1001",
              "asOf": "2026-03-15",
              "motion": "LAND",
              "stage": "PROPOSAL",
              "segment": "MID_MARKET",
              "acv": 48000,
              "seller": {"arr": 22000000},
              "valueProof": {
                "workflow": "invoice approval",
                "metric": "days to approve an invoice",
                "baseline": 12,
                "target": 3.5,
                "windowDays": 60,
                "reachesProduction": true,
                "champion": "Dana Ortiz"
              },
              "expansionMap": [
                {"team": "Procurement", "sponsor": "Lee Park", "useCase": "PO matching",
                 "estimatedAcv": 30000, "targetQuarter": "2026-Q2"},
                {"team": "Legal"}
              ],
              "customerStrategy": {
                "horizonMonths": 24,
                "phases": [
                  {"name": "Land", "team": "Finance", "outcome": "close the books in 5 days", "startMonth": 0},
                  {"name": "Expand", "team": "Procurement", "outcome": "match every PO", "startMonth": 6}
                ],
                "framing": "CUSTOMER_OUTCOME",
                "expansionTrigger": "CUSTOMER_READINESS"
              },
              "customerSuccess": {"csmAssigned": true, "csmExpansionTarget": true,
                                  "csHoursPerQuarter": 8, "csHourlyCost": 95.5},
              "ownership": {"expansionOwner": "AE", "handoffSlaDays": 5, "sharedExpansionComp": true},
              "contract": {"pricingModel": "PER_SEAT", "termMonths": 12, "expansionByAddOn": true}
            }
            """)).readObject();

    private static final String BASE_JSON = BASE.toString();

    private static JsonPatchBuilder edit() {
        return Json.createPatchBuilder();
    }

    /** The base deal with {@code edits} applied, as JSON text. */
    private static String deal(JsonPatchBuilder edits) {
        return edits.build().apply(BASE).toString();
    }

    /** A JSON number with exactly this literal's value and scale (so {@code 18.0} stays {@code 18.0}). */
    private static JsonValue number(String literal) {
        return Json.createValue(new BigDecimal(literal));
    }

    private static void assertRejected(String json, String path, String problem) {
        InvalidDealException e = assertThrows(InvalidDealException.class, () -> DealJson.read(json));
        assertAll(
                () -> assertEquals(path, e.path(), "path"),
                () -> assertEquals(problem, e.problem(), "problem"));
    }

    @Nested
    class StrictText {

        @Test
        void read_duplicateNestedMember_namesItsOwnPath() {
            String json = BASE_JSON.replace("\"termMonths\":12", "\"termMonths\":12,\"termMonths\":24");
            assertRejected(json, "/contract/termMonths", "duplicate member: \"termMonths\" appears more than once in the object");
        }

        @Test
        void read_loneSurrogate_isRefusedNotAltered() {
            String json = BASE_JSON.replace("\"dealId\":\"D-1001\"", "\"dealId\":\"D-\\ud800\"");
            assertRejected(json, "/dealId", "expected Unicode text, got a lone surrogate \\ud800");
        }

        @Test
        void read_surrogatePair_isOneCharacter() throws Exception {
            String json = BASE_JSON.replace("\"dealId\":\"D-1001\"", "\"dealId\":\"D-\\ud83d\\ude00\"");
            assertEquals("D-\ud83d\ude00", DealJson.read(json).dealId());
        }

        @Test
        void read_byteOrderMarkAtTheStart_isSkipped() throws Exception {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] json = BASE_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] withBom = java.util.Arrays.copyOf(bom, bom.length + json.length);
            System.arraycopy(json, 0, withBom, bom.length, json.length);
            assertEquals(DealJson.read(json), DealJson.read(withBom));
        }

        @Test
        void read_numberTooSmallForADouble_isRefusedNotReadAsZero() {
            assertRejected(BASE_JSON.replace("\"acv\":48000", "\"acv\":1e-400"), "/acv",
                    "expected a number within the range of a double, got 1E-400, which is out of range");
        }

        @Test
        void read_numberTooLargeForADouble_isRefusedNotReadAsInfinity() {
            assertRejected(BASE_JSON.replace("\"acv\":48000", "\"acv\":1e999999999"), "/acv",
                    "expected a number within the range of a double, got 1E+999999999, which is out of range");
        }

        @Test
        void read_bytesThatAreNotUtf8_areRefused() {
            byte[] json = BASE_JSON.replace("D-1001", "D-\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            InvalidDealException e = assertThrows(InvalidDealException.class, () -> DealJson.read(json));
            assertEquals("not valid UTF-8 text", e.problem());
        }
    }

    @Nested
    class MalformedJson {

        @Test
        void read_truncatedObject_isMalformedAtLocation() {
            // The column just past the text's 17 characters (Parsson alone says 34 at the end of the text).
            assertRejected("{\"dealId\": \"D-1\",", "",
                    "malformed JSON at line 1, column 18: got the end of the document, expected a string");
            assertRejected("{\"dealId\":\n  \"D-1\",\n", "",
                    "malformed JSON at line 3, column 1: got the end of the document, expected a string");
            assertRejected("{\"dealId\": tru", "", "malformed JSON at line 1, column 15: got the end of the document, expected 'e'");
        }

        @Test
        void read_aNumberPastTheParsersLimit_orNestingTooDeep_isSaidInPlainWords() {
            assertRejected("{\"acv\": " + "1".repeat(5000) + "}", "",
                    "malformed JSON: a number 5000 characters long, longer than the 1100 allowed");
            assertRejected("[".repeat(1200) + "]".repeat(1200), "", "malformed JSON: nested deeper than 1000 levels");
        }

        @Test
        void read_aBareWord_namesTheCharacterInPlainWords() {
            assertRejected("{not json", "", "malformed JSON at line 1, column 3: unexpected 'o', expected 'u'");
            assertRejected("{\"dealId\" \"D-1\"}", "", "malformed JSON at line 1, column 15: got a string, expected ':'");
        }

        @Test
        void read_aSmartQuote_orTheEnd_isNamedInPlainWords_whateverTheLocaleWritesNumbersIn() {
            java.util.Locale before = java.util.Locale.getDefault();
            try {
                for (String locale : List.of("en-US", "de-CH", "ar-EG", "hi-IN")) {
                    java.util.Locale.setDefault(java.util.Locale.forLanguageTag(locale));
                    String quote = assertThrows(InvalidDealException.class,
                            () -> DealJson.read("{\"dealId\": \u201cD-1\u201d}")).problem();
                    assertEquals("malformed JSON at line 1, column 12: unexpected '\u201c'", quote, locale);
                    String end = assertThrows(InvalidDealException.class, () -> DealJson.read("{\"dealId\": tr")).problem();
                    assertEquals("malformed JSON at line 1, column 14: got the end of the document, expected 'u'", end, locale);
                }
            } finally {
                java.util.Locale.setDefault(before);
            }
        }

        @Test
        void read_duplicateMemberAcv_namesItsOwnPath() {
            assertRejected("{\"acv\": 1, \"acv\": 2}", "/acv",
                    "duplicate member: \"acv\" appears more than once in the object");
        }

        @Test
        void read_emptyOrBlankDocument_saysItIsEmpty() {
            assertRejected("", "", "malformed JSON: the document is empty");
            assertRejected(" \n\t", "", "malformed JSON: the document is empty");
            assertRejected("\uFEFF", "", "malformed JSON: the document is empty");
        }

        @Test
        void read_trailingGarbageAfterObject_isMalformed() {
            InvalidDealException e = assertThrows(InvalidDealException.class,
                    () -> DealJson.read(BASE_JSON + " x"));
            assertAll(
                    () -> assertEquals("", e.path(), "path"),
                    () -> assertTrue(e.problem().startsWith("malformed JSON at line"), e.problem()));
        }

        @Test
        void read_numberExponentOverflow_isMalformed() {
            String json = BASE_JSON.replace("\"acv\":48000", "\"acv\":1e2147483648");
            assertRejected(json, "", "malformed JSON: a number is out of range (Exponent overflow.)");
        }

        @Test
        void read_hugeInteger_keepsTheMessageShort() {
            String json = BASE_JSON.replace("\"termMonths\":12", "\"termMonths\":1e100000000");
            assertRejected(json, "/contract/termMonths",
                    "expected a number within the range of a double, got 1E+100000000, which is out of range");
        }
    }

    @Nested
    class NonObjectDocument {

        @Test
        void read_array_expectsAnObject() {
            assertRejected("[" + BASE_JSON + "]", "", "expected an object, got an array");
        }

        @Test
        void read_string_expectsAnObject() {
            assertRejected("\"D-1001\"", "", "expected an object, got the string \"D-1001\"");
        }

        @Test
        void read_number_expectsAnObject() {
            assertRejected("42", "", "expected an object, got the number 42");
        }
    }

    @Nested
    class MissingRequiredField {

        @Test
        void read_missingDealId_namesPathAndExpectation() {
            assertRejected(deal(edit().remove("/dealId")), "/dealId",
                    "required field is missing; expected a non-empty string");
        }

        @Test
        void read_missingAsOf_namesPathAndExpectation() {
            assertRejected(deal(edit().remove("/asOf")), "/asOf",
                    "required field is missing; expected a date YYYY-MM-DD");
        }

        @Test
        void read_missingAcv_namesPathAndExpectation() {
            assertRejected(deal(edit().remove("/acv")), "/acv", "required field is missing; expected a number >= 0");
        }

        @Test
        void read_missingSellerArr_namesPathAndExpectation() {
            assertRejected(deal(edit().remove("/seller/arr")), "/seller/arr",
                    "required field is missing; expected a number >= 0");
        }

        @Test
        void read_missingTermMonths_namesPathAndExpectation() {
            assertRejected(deal(edit().remove("/contract/termMonths")), "/contract/termMonths",
                    "required field is missing; expected an integer >= 1");
        }

        @Test
        void read_missingPricingModel_namesPathAndAllowedValues() {
            assertRejected(deal(edit().remove("/contract/pricingModel")), "/contract/pricingModel",
                    "required field is missing; expected one of PER_SEAT, USAGE, FLAT_FEE");
        }

        @Test
        void read_missingTeamInSecondMapEntry_namesIndexedPath() {
            assertRejected(deal(edit().remove("/expansionMap/1/team")), "/expansionMap/1/team",
                    "required field is missing; expected a string");
        }

        @Test
        void read_nullMotion_isNotAbsentButNull() {
            assertRejected(deal(edit().replace("/motion", JsonValue.NULL)), "/motion",
                    "required field is null; expected one of LAND, EXPANSION, RENEWAL");
        }

        @Test
        void read_nullSeller_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/seller", JsonValue.NULL)), "/seller",
                    "required field is null; expected an object");
        }

        @Test
        void read_blankDealId_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/dealId", "   ")), "/dealId",
                    "expected a non-empty string, got \"   \"");
        }
    }

    @Nested
    class WrongType {

        @Test
        void read_acvAsString_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/acv", "48000")), "/acv",
                    "expected a number >= 0, got the string \"48000\"");
        }

        @Test
        void read_windowDaysAsString_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/valueProof/windowDays", "60")), "/valueProof/windowDays",
                    "expected an integer >= 1, got the string \"60\"");
        }

        @Test
        void read_csmAssignedYes_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/customerSuccess/csmAssigned", "yes")),
                    "/customerSuccess/csmAssigned", "expected true or false, got the string \"yes\"");
        }

        @Test
        void read_expansionMapAsObject_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/expansionMap", JsonValue.EMPTY_JSON_OBJECT)), "/expansionMap",
                    "expected an array, got an object");
        }

        @Test
        void read_expansionMapOverTheLimit_isRefusedBeforeAnyEntryIsRead() {
            jakarta.json.JsonArrayBuilder map = Json.createArrayBuilder();
            for (int i = 0; i <= DealJson.MAX_EXPANSION_TARGETS; i++) {
                map.add(JsonValue.EMPTY_JSON_OBJECT);
            }
            assertRejected(deal(edit().replace("/expansionMap", map.build())), "/expansionMap",
                    "expected at most 1000 entries, got 1001");
        }

        @Test
        void read_valueProofAsArray_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/valueProof", JsonValue.EMPTY_JSON_ARRAY)), "/valueProof",
                    "expected an object, got an array");
        }
    }

    @Nested
    class UnknownEnumValue {

        @Test
        void read_lowerCaseMotion_listsAllowedValues() {
            assertRejected(deal(edit().replace("/motion", "land")), "/motion",
                    "expected one of LAND, EXPANSION, RENEWAL, got \"land\"");
        }

        @Test
        void read_stageWon_listsAllowedValues() {
            assertRejected(deal(edit().replace("/stage", "WON")), "/stage",
                    "expected one of QUALIFY, PROPOSAL, NEGOTIATION, CLOSED_WON, got \"WON\"");
        }

        @Test
        void read_expansionOwnerVp_listsAllowedValues() {
            assertRejected(deal(edit().replace("/ownership/expansionOwner", "VP")), "/ownership/expansionOwner",
                    "expected one of AE, CSM, AM, AM_POD, UNASSIGNED, got \"VP\"");
        }
    }

    @Nested
    class NegativeAmount {

        @Test
        void read_negativeAcv_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/acv", number("-0.01"))), "/acv",
                    "expected a number >= 0, got -0.01");
        }

        @Test
        void read_negativeSellerArr_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/seller/arr", -22000000)), "/seller/arr",
                    "expected a number >= 0, got -22000000");
        }

        @Test
        void read_negativeCsHourlyCost_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/customerSuccess/csHourlyCost", number("-95.5"))),
                    "/customerSuccess/csHourlyCost", "expected a number >= 0, got -95.5");
        }

        @Test
        void read_negativeEstimatedAcvInFirstMapEntry_namesIndexedPath() {
            assertRejected(deal(edit().replace("/expansionMap/0/estimatedAcv", -1)), "/expansionMap/0/estimatedAcv",
                    "expected a number >= 0, got -1");
        }
    }

    @Nested
    class Integers {

        @Test
        void read_termMonthsZero_mustBePositive() {
            assertRejected(deal(edit().replace("/contract/termMonths", 0)), "/contract/termMonths",
                    "expected an integer >= 1, got 0");
        }

        @Test
        void read_termMonthsFraction_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/contract/termMonths", number("12.5"))), "/contract/termMonths",
                    "expected an integer >= 1, got 12.5");
        }

        @Test
        void read_windowDaysZero_mustBePositive() {
            assertRejected(deal(edit().replace("/valueProof/windowDays", 0)), "/valueProof/windowDays",
                    "expected an integer >= 1, got 0");
        }

        @Test
        void read_negativeHorizonMonths_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/customerStrategy/horizonMonths", -1)),
                    "/customerStrategy/horizonMonths", "expected an integer >= 0, got -1");
        }

        @Test
        void read_termMonthsEighteenPointZero_readsAsEighteen() throws InvalidDealException {
            String json = deal(edit().replace("/contract/termMonths", number("18.0")));
            assertTrue(json.contains("\"termMonths\":18.0"), json);

            assertEquals(18, DealJson.read(json).contract().termMonths());
        }

        @Test
        void read_termMonthsExponent_readsAsHundred() throws InvalidDealException {
            String json = BASE_JSON.replace("\"termMonths\":12", "\"termMonths\":1e2");

            assertEquals(100, DealJson.read(json).contract().termMonths());
        }
    }

    @Nested
    class DatesAndQuarters {

        @Test
        void read_asOfFebruaryThirtieth_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/asOf", "2026-02-30")), "/asOf",
                    "expected a date YYYY-MM-DD, got \"2026-02-30\"");
        }

        @Test
        void read_asOfWithoutZeroPadding_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/asOf", "2026-2-3")), "/asOf",
                    "expected a date YYYY-MM-DD, got \"2026-2-3\"");
        }

        @Test
        void read_asOfDayMonthYear_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/asOf", "23/11/2026")), "/asOf",
                    "expected a date YYYY-MM-DD, got \"23/11/2026\"");
        }

        @Test
        void read_targetQuarterFive_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/expansionMap/0/targetQuarter", "2026-Q5")),
                    "/expansionMap/0/targetQuarter", "expected a quarter YYYY-Qn with n from 1 to 4, got \"2026-Q5\"");
        }

        @Test
        void read_targetQuarterWithoutDash_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/expansionMap/0/targetQuarter", "2026Q1")),
                    "/expansionMap/0/targetQuarter", "expected a quarter YYYY-Qn with n from 1 to 4, got \"2026Q1\"");
        }

        @Test
        void read_targetQuarterTwoDigitYear_namesPathAndExpectation() {
            assertRejected(deal(edit().replace("/expansionMap/0/targetQuarter", "26-Q1")),
                    "/expansionMap/0/targetQuarter", "expected a quarter YYYY-Qn with n from 1 to 4, got \"26-Q1\"");
        }
    }

    @Nested
    class UnknownField {

        @Test
        void read_misspeltTopLevelAcvv_listsAllowedNames() {
            assertRejected(deal(edit().remove("/acv").add("/acvv", 48000)), "/acvv",
                    "unknown field; expected one of dealId, asOf, motion, stage, segment, acv, touchModel, seller,"
                            + " valueProof, expansionMap, customerStrategy, sizing, customerSuccess, ownership,"
                            + " contract, expansion, custom");
        }

        @Test
        void read_misspeltCsmAssinged_isNotReadAsAbsent() {
            assertRejected(deal(edit().move("/customerSuccess/csmAssinged", "/customerSuccess/csmAssigned")),
                    "/customerSuccess/csmAssinged",
                    "unknown field; expected one of csmAssigned, csmExpansionTarget, csHoursPerQuarter, csHourlyCost");
        }

        @Test
        void read_ownerInMapEntry_listsAllowedNames() {
            assertRejected(deal(edit().add("/expansionMap/0/owner", "AE")), "/expansionMap/0/owner",
                    "unknown field; expected one of team, sponsor, useCase, estimatedAcv, targetQuarter");
        }

        @Test
        void read_goalInPhase_listsAllowedNames() {
            assertRejected(deal(edit().add("/customerStrategy/phases/0/goal", "go live")),
                    "/customerStrategy/phases/0/goal", "unknown field; expected one of name, team, outcome, startMonth");
        }

        @Test
        void read_discountInContract_listsAllowedNames() {
            assertRejected(deal(edit().add("/contract/discount", 10)), "/contract/discount",
                    "unknown field; expected one of pricingModel, termMonths, expansionByAddOn, usageSpendAlerts");
        }
    }

    @Nested
    class GoodInput {

        @Test
        void read_baseDeal_readsEveryGivenValue() throws InvalidDealException {
            Deal deal = DealJson.read(BASE_JSON);

            assertAll(
                    () -> assertEquals("D-1001", deal.dealId()),
                    () -> assertEquals(LocalDate.of(2026, 3, 15), deal.asOf()),
                    () -> assertEquals(Motion.LAND, deal.motion()),
                    () -> assertEquals(Stage.PROPOSAL, deal.stage()),
                    () -> assertEquals(Segment.MID_MARKET, deal.segment()),
                    () -> assertEquals(48000.0, deal.acv()),
                    () -> assertEquals(new Seller(22_000_000.0), deal.seller()),
                    () -> assertEquals(new ValueProof("invoice approval", "days to approve an invoice", 12.0, 3.5, 60,
                            true, "Dana Ortiz"), deal.valueProof()),
                    () -> assertEquals(List.of(
                            new ExpansionTarget("Procurement", "Lee Park", "PO matching", 30000.0, new Quarter(2026, 2)),
                            new ExpansionTarget("Legal", null, null, null, null)), deal.expansionMap()),
                    () -> assertEquals(new CustomerStrategy(24, List.of(
                                    new Phase("Land", "Finance", "close the books in 5 days", 0),
                                    new Phase("Expand", "Procurement", "match every PO", 6)),
                            Framing.CUSTOMER_OUTCOME, ExpansionTrigger.CUSTOMER_READINESS), deal.customerStrategy()),
                    () -> assertEquals(new CustomerSuccess(true, true, 8.0, 95.5), deal.customerSuccess()),
                    () -> assertEquals(new Ownership(ExpansionOwner.AE, 5, true), deal.ownership()),
                    () -> assertEquals(new Contract(PricingModel.PER_SEAT, 12, true, null), deal.contract()));
        }

        @Test
        void read_touchModelAbsent_defaultsToHighTouch() throws InvalidDealException {
            assertEquals(TouchModel.HIGH_TOUCH, DealJson.read(BASE_JSON).touchModel());
        }

        @Test
        void read_touchModelSelfServe_readsSelfServe() throws InvalidDealException {
            assertEquals(TouchModel.SELF_SERVE,
                    DealJson.read(deal(edit().add("/touchModel", "SELF_SERVE"))).touchModel());
        }

        @Test
        void read_expansionMapAbsent_readsEmpty() throws InvalidDealException {
            assertEquals(List.of(), DealJson.read(deal(edit().remove("/expansionMap"))).expansionMap());
        }

        @Test
        void read_optionalObjectsAbsent_readNull() throws InvalidDealException {
            Deal deal = DealJson.read(deal(edit()
                    .remove("/valueProof")
                    .remove("/customerStrategy")
                    .remove("/customerSuccess")
                    .remove("/ownership")));

            assertAll(
                    () -> assertNull(deal.valueProof(), "valueProof"),
                    () -> assertNull(deal.customerStrategy(), "customerStrategy"),
                    () -> assertNull(deal.sizing(), "sizing"),
                    () -> assertNull(deal.customerSuccess(), "customerSuccess"),
                    () -> assertNull(deal.ownership(), "ownership"),
                    () -> assertNull(deal.expansion(), "expansion"));
        }

        @Test
        void read_optionalFieldsJsonNull_readAsAbsent() throws InvalidDealException {
            Deal deal = DealJson.read(deal(edit()
                    .add("/touchModel", JsonValue.NULL)
                    .replace("/valueProof/champion", JsonValue.NULL)
                    .replace("/expansionMap/0/targetQuarter", JsonValue.NULL)
                    .replace("/ownership", JsonValue.NULL)
                    .add("/sizing", JsonValue.NULL)));

            assertAll(
                    () -> assertEquals(TouchModel.HIGH_TOUCH, deal.touchModel()),
                    () -> assertNull(deal.valueProof().champion(), "valueProof.champion"),
                    () -> assertEquals("days to approve an invoice", deal.valueProof().metric(), "valueProof.metric"),
                    () -> assertNull(deal.expansionMap().get(0).targetQuarter(), "expansionMap[0].targetQuarter"),
                    () -> assertNull(deal.ownership(), "ownership"),
                    () -> assertNull(deal.sizing(), "sizing"));
        }

        @Test
        void read_expansionFactsOnLandDeal_acceptedAndRead() throws InvalidDealException {
            Deal deal = DealJson.read(deal(edit().add("/expansion",
                    Json.createObjectBuilder().add("daysInQueue", 75).add("landValueProven", false).build())));

            assertEquals(new Expansion(75, false), deal.expansion());
        }
    }
}
