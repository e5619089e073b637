package dev.dealdesk.facts;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reader of deal facts from JSON (policy brief, section 2). Bad input is an
 * {@link InvalidDealException} naming the JSON Pointer of the first offending value and what was
 * expected: malformed JSON, a non-object, a duplicate or unknown member at any level, a missing
 * required field, a wrong type, an unknown enum value, a negative amount, an invalid date or quarter.
 * JSON {@code null} reads as absent. Thread-safe and stateless.
 */
public final class DealReader {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonProvider JSON = JsonProvider.provider();

    static final List<String> DEAL = List.of("dealId", "asOf", "motion", "stage", "segment", "acv",
            "touchModel", "seller", "valueProof", "expansionMap", "customerStrategy", "sizing", "customerSuccess",
            "ownership", "contract", "expansion");
    static final List<String> SELLER = List.of("arr");
    static final List<String> VALUE_PROOF = List.of("workflow", "metric", "baseline", "target",
            "windowDays", "reachesProduction", "champion");
    static final List<String> EXPANSION_TARGET = List.of("team", "sponsor", "useCase", "estimatedAcv",
            "targetQuarter");
    static final List<String> STRATEGY = List.of("horizonMonths", "phases", "framing", "expansionTrigger");
    static final List<String> PHASE = List.of("name", "team", "outcome", "startMonth");
    static final List<String> SIZING = List.of("seatsNeededForOutcome", "seatsPurchased");
    static final List<String> CUSTOMER_SUCCESS = List.of("csmAssigned", "csmExpansionTarget",
            "csHoursPerQuarter", "csHourlyCost");
    static final List<String> OWNERSHIP = List.of("expansionOwner", "handoffSlaDays", "sharedExpansionComp");
    static final List<String> CONTRACT = List.of("pricingModel", "termMonths", "expansionByAddOn",
            "usageSpendAlerts");
    static final List<String> EXPANSION = List.of("daysInQueue", "landValueProven");

    /**
     * Parses one JSON document in one pass. Duplicate member names and trailing content are
     * malformed JSON.
     *
     * @throws InvalidDealException with an empty path when the text is not one JSON value
     */
    public static JsonValue parse(String json) throws InvalidDealException {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext()) {
                throw new InvalidDealException("", "malformed JSON: the document is empty");
            }
            JsonValue value = value(parser, parser.next());
            if (parser.hasNext()) {
                throw malformed(parser.getLocation(), "unexpected content after the JSON value");
            }
            return value;
        } catch (JsonParsingException malformed) {
            throw malformed(malformed.getLocation(), withoutLocation(malformed.getMessage()));
        } catch (JsonException malformed) {
            throw new InvalidDealException("", "malformed JSON: " + malformed.getMessage());
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            throw new InvalidDealException("", "malformed JSON: a number is out of range (" + outOfRange.getMessage() + ")");
        } catch (RuntimeException unreadable) {
            // Parsson refuses some documents with a plain RuntimeException, such as nesting over 1,000 deep.
            throw new InvalidDealException("", "malformed JSON: " + unreadable.getMessage());
        }
    }

    /** Builds the value that starts with {@code event}, in one pass, refusing duplicate member names. */
    private static JsonValue value(JsonParser parser, JsonParser.Event event) throws InvalidDealException {
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                Set<String> names = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String name = parser.getString();
                    if (!names.add(name)) {
                        throw malformed(parser.getLocation(), "Duplicate key '" + name + "' is not allowed");
                    }
                    object.add(name, value(parser, parser.next()));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(value(parser, next));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return JSON.createValue(parser.getString());
            }
            case VALUE_NUMBER -> {
                return JSON.createValue(parser.getBigDecimal());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw malformed(parser.getLocation(), "unexpected " + event);
        }
    }

    private static InvalidDealException malformed(JsonLocation at, String problem) {
        return new InvalidDealException("", "malformed JSON at line " + at.getLineNumber() + ", column "
                + at.getColumnNumber() + ": " + problem);
    }

    /** Parses and reads one deal from JSON text. */
    public static Deal read(String json) throws InvalidDealException {
        Deal deal = DealBinder.read(json, PARSERS);
        return deal != null ? deal : read(parse(json), "");
    }

    /**
     * Reads a plain deal document the fast way, straight from the parser without a JSON tree, or
     * gives empty for any other text (a policy example, bad input): read that with {@link #parse}
     * and {@link #read(JsonValue, String)}, which name its first problem. A deal read here equals
     * the one those give.
     */
    public static Optional<Deal> readPlain(String json) {
        return Optional.ofNullable(DealBinder.read(json, PARSERS));
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
                deal.requiredObject("seller", DealReader::seller),
                deal.optionalObject("valueProof", DealReader::valueProof),
                deal.optionalArray("expansionMap", DealReader::expansionTarget),
                deal.optionalObject("customerStrategy", DealReader::customerStrategy),
                deal.optionalObject("sizing", DealReader::sizing),
                deal.optionalObject("customerSuccess", DealReader::customerSuccess),
                deal.optionalObject("ownership", DealReader::ownership),
                deal.requiredObject("contract", DealReader::contract),
                deal.optionalObject("expansion", DealReader::expansion));
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
                strategy.optionalArray("phases", DealReader::phase),
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

    private static String withoutLocation(String message) {
        return message == null ? "" : message.replaceAll(" at \\(line no=\\d+, column no=\\d+, offset=-?\\d+\\)", "");
    }

    private DealReader() {
    }
}
