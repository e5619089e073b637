package dev.dealdesk.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.bench.DealGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParserFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast way to read a deal ({@link DealBinder}) against the careful one ({@link DealReader}):
 * on every document it gives the careful way's deal or declines, and it declines every document
 * the careful way refuses, so errors always come from the careful way.
 */
class DealBinderTest {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** Values put in place of each member in turn: null, wrong types, edge numbers, and the like. */
    private static final List<JsonValue> REPLACEMENTS = List.of(JsonValue.NULL, JsonValue.TRUE,
            Json.createValue("x"), Json.createValue(""), Json.createValue(" "), Json.createValue("LAND"),
            Json.createValue("2026-11-31"), Json.createValue("+12026-01-01"), Json.createValue("2026-Q5"), Json.createValue(0), Json.createValue(-1),
            Json.createValue(new BigDecimal("1.5")), Json.createValue(new BigDecimal("-0.0")),
            Json.createValue(new BigDecimal("1e400")), Json.createValue(new BigDecimal("12345678901")),
            JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_ARRAY, Json.createArrayBuilder().add(1).build());

    @Test
    void generatedDeals_readTheFastWay_asTheCarefulWayReadsThem() throws Exception {
        for (Deal deal : DealGenerator.generate(11, 3000)) {
            String json = DealWriter.toJson(deal).toString();
            Deal fast = DealBinder.read(json, PARSERS);
            assertNotNull(fast, json);
            assertEquals(careful(json), fast, json);
        }
    }

    @Test
    void everyMemberChanged_isReadAlikeOrDeclined() {
        int declined = 0;
        int variants = 0;
        for (Deal deal : DealGenerator.generate(12, 40)) {
            JsonObject document = DealWriter.toJson(deal);
            for (String pointer : pointers(document, "")) {
                for (String variant : variants(document, pointer)) {
                    variants++;
                    Deal fast = DealBinder.read(variant, PARSERS);
                    Deal careful = careful(variant);
                    if (fast == null) {
                        declined++;
                    } else {
                        assertEquals(careful, fast, variant);
                    }
                }
            }
        }
        assertTrue(declined > 0 && declined < variants, declined + " of " + variants);
    }

    @Test
    void membersInAnyOrder_readAlike_andARepeatedMemberIsDeclinedWhereverItIs() {
        Random random = new Random(14);
        for (Deal deal : DealGenerator.generate(14, 500)) {
            JsonValue shuffled = shuffled(DealWriter.toJson(deal), random);
            Deal fast = DealBinder.read(shuffled.toString(), PARSERS);
            assertNotNull(fast, shuffled.toString());
            assertEquals(deal, fast, shuffled.toString());

            // The first member again, last: a duplicate the careful way refuses.
            String text = shuffled.toString();
            int colon = text.indexOf(':');
            int end = text.indexOf(",\"", colon);
            String repeated = text.substring(0, text.length() - 1) + "," + text.substring(1, end) + "}";
            assertNull(careful(repeated), repeated);
            assertNull(DealBinder.read(repeated, PARSERS), repeated);
        }
    }

    @Test
    void malformedOrNotPlainText_isDeclined() {
        String json = DealWriter.toJson(DealGenerator.generate(13, 1).get(0)).toString();
        for (String text : List.of("", " ", "[]", "null", json + " x", json + json, json.substring(0, json.length() - 1),
                json.replaceFirst("\\{", "{\"dealId\":\"D\","), json.replaceFirst("\\{", "{\"extra\":1,"),
                "{\"description\":\"d\",\"deal\":" + json + ",\"expect\":{}}")) {
            assertNull(DealBinder.read(text, PARSERS), text);
        }
    }

    /** The careful way's deal, or null when it refuses the text. */
    private static Deal careful(String json) {
        try {
            return DealReader.read(DealReader.parse(json), "");
        } catch (InvalidDealException refused) {
            return null;
        }
    }

    /** {@code value} with the members of every object in it in a random order. */
    private static JsonValue shuffled(JsonValue value, Random random) {
        if (value instanceof JsonObject object) {
            List<String> names = new ArrayList<>(object.keySet());
            Collections.shuffle(names, random);
            JsonObjectBuilder builder = Json.createObjectBuilder();
            names.forEach(name -> builder.add(name, shuffled(object.get(name), random)));
            return builder.build();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            value.asJsonArray().forEach(item -> builder.add(shuffled(item, random)));
            return builder.build();
        }
        return value;
    }

    /** The JSON Pointer of every member and array item under {@code value}. */
    private static List<String> pointers(JsonValue value, String at) {
        List<String> pointers = new ArrayList<>();
        if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                pointers.add(at + "/" + name);
                pointers.addAll(pointers(member, at + "/" + name));
            });
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (int i = 0; i < value.asJsonArray().size(); i++) {
                pointers.add(at + "/" + i);
                pointers.addAll(pointers(value.asJsonArray().get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    /** The document with the value at {@code pointer} replaced in every way, removed, or given an unknown sibling. */
    private static List<String> variants(JsonObject document, String pointer) {
        List<String> variants = new ArrayList<>();
        for (JsonValue replacement : REPLACEMENTS) {
            variants.add(Json.createPointer(pointer).replace(document, replacement).toString());
        }
        variants.add(Json.createPointer(pointer).remove(document).toString());
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        JsonStructure container = parent.isEmpty() ? document : (JsonStructure) Json.createPointer(parent).getValue(document);
        if (container instanceof JsonObject) {
            variants.add(Json.createPointer(parent + "/unknownMember").add(document, JsonValue.TRUE).toString());
        }
        return variants;
    }
}
