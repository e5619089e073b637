package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealdesk.facts.InvalidDealException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link DealSchema} as an interpreter: it refuses, when a schema loads, every keyword (and every
 * use of one) it does not enforce; it checks any schema in its subset, not only the deal's, with
 * messages taken from the keywords.
 */
class DealSchemaTest {

    /** A schema in the shape RevOps' custom fields take: one closed object of typed, described properties. */
    private static final String FIELDS = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://dealdesk.dev/schemas/example-fields.json",
              "type": "object",
              "additionalProperties": false,
              "required": ["region"],
              "properties": {
                "region": {"description": "Sales region.", "type": "string", "enum": ["EMEA", "AMER", "APAC"]},
                "discountPercent": {"description": "Discount.", "type": ["number", "null"], "minimum": 0},
                "seats": {"type": ["integer", "null"], "minimum": 5},
                "partnerLed": {"type": ["boolean", "null"]},
                "renewalDate": {"type": ["string", "null"], "format": "date"},
                "notes": {"type": ["string", "null"]}
              }
            }
            """;

    /** {@link #FIELDS} with {@code property}'s schema replaced by {@code schema}. */
    private static String withProperty(String property, String schema) {
        return FIELDS.replaceFirst("\"" + property + "\": \\{[^}]*}", java.util.regex.Matcher.quoteReplacement("\"" + property + "\": " + schema));
    }

    private static void assertRefusedSchema(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DealSchema.parse(json));
        assertEquals(message, e.getMessage());
    }

    private static void assertRefusedValue(DealSchema schema, String json, String path, String problem) {
        InvalidDealException e = assertThrows(InvalidDealException.class, () -> schema.validate(StrictJson.parse(json), ""));
        assertAll(
                () -> assertEquals(path, e.path(), "path"),
                () -> assertEquals(problem, e.problem(), "problem"));
    }

    @Nested
    class RefusedWhenLoading {

        @Test
        void parse_keywordsOutsideTheSubset_areRefusedNamingTheKeywordAndItsPlace() {
            for (String keyword : List.of("exclusiveMaximum", "exclusiveMinimum", "multipleOf", "$ref", "oneOf", "const",
                    "minLength", "$defs", "if", "unevaluatedProperties", "$comment")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> DealSchema.parse(withProperty("seats", "{\"type\": \"integer\", \"" + keyword + "\": 1}")), keyword);
                assertEquals("schema /properties/seats/" + keyword + ": unsupported keyword \"" + keyword + "\"; supported: "
                        + "additionalProperties, default, description, enum, format, items, maxItems, maximum, minimum, pattern,"
                        + " properties, required, title, type, and $schema and $id at the root", e.getMessage());
            }
        }

        @Test
        void parse_keywordThatCannotApplyToTheType_isRefused() {
            assertRefusedSchema(withProperty("notes", "{\"type\": \"string\", \"minimum\": 0}"),
                    "schema /properties/notes/minimum: \"minimum\" does not apply to type string");
            assertRefusedSchema(withProperty("seats", "{\"type\": \"integer\", \"maxItems\": 3}"),
                    "schema /properties/seats/maxItems: \"maxItems\" does not apply to type integer");
        }

        @Test
        void parse_openOrSchemaValuedAdditionalProperties_isRefused() {
            assertRefusedSchema(FIELDS.replace("\"additionalProperties\": false", "\"additionalProperties\": true"),
                    "schema /additionalProperties: additionalProperties may only be false");
            assertRefusedSchema(FIELDS.replace("\"additionalProperties\": false", "\"additionalProperties\": {\"type\": \"string\"}"),
                    "schema /additionalProperties: additionalProperties may only be false");
        }

        @Test
        void parse_schemaWithoutTypeOrWithTwoTypes_isRefused() {
            assertRefusedSchema(withProperty("notes", "{\"description\": \"anything\"}"),
                    "schema /properties/notes/type: type must name one of array, boolean, integer, number, object, string,"
                            + " alone or as [type, \"null\"]");
            assertRefusedSchema(withProperty("notes", "{\"type\": [\"string\", \"number\"]}"),
                    "schema /properties/notes/type: type must name one of array, boolean, integer, number, object, string,"
                            + " alone or as [type, \"null\"]");
        }

        @Test
        void parse_otherDialectOrRelativeId_isRefused() {
            assertRefusedSchema(FIELDS.replace("draft/2020-12/schema", "draft-07/schema#"),
                    "schema root: $schema must be \"https://json-schema.org/draft/2020-12/schema\"");
            assertRefusedSchema(FIELDS.replace("https://dealdesk.dev/schemas/example-fields.json", "fields.json"),
                    "schema /$id: $id must be an absolute URI");
        }

        @Test
        void parse_patternWithoutTitle_isRefused() {
            assertRefusedSchema(withProperty("notes", "{\"type\": \"string\", \"pattern\": \"^N-\"}"),
                    "schema /properties/notes: a pattern needs a title, which names the form in messages");
        }

        @Test
        void parse_otherFormats_areRefused() {
            assertRefusedSchema(withProperty("renewalDate", "{\"type\": \"string\", \"format\": \"date-time\"}"),
                    "schema /properties/renewalDate/format: format may only be \"date\"");
        }

        @Test
        void parse_enumThatDisagreesWithTheTypeAboutNull_isRefused() {
            assertRefusedSchema(withProperty("region", "{\"type\": [\"string\", \"null\"], \"enum\": [\"EMEA\"]}"),
                    "schema /properties/region/enum: enum must be an array of strings, with null exactly when the type allows null");
        }

        @Test
        void parse_requiredPropertyNotDeclared_isRefused() {
            assertRefusedSchema(FIELDS.replace("\"required\": [\"region\"]", "\"required\": [\"territory\"]"),
                    "schema /required: required must list declared properties, each once; got \"territory\"");
        }

        @Test
        void parse_defaultThatDoesNotConform_isRefused() {
            assertRefusedSchema(withProperty("seats", "{\"type\": \"integer\", \"minimum\": 5, \"default\": 2}"),
                    "schema /properties/seats/default: the default does not conform: expected an integer >= 5, got 2");
        }
    }

    @Nested
    class AnotherSchema {

        private final DealSchema fields = DealSchema.parse(FIELDS);

        @Test
        void validate_conformingValuesAndNullForOptionalMembers_pass() {
            assertDoesNotThrow(() -> fields.validate(StrictJson.parse("""
                    {"region": "EMEA", "discountPercent": 12.5, "seats": 5.0, "partnerLed": false,
                     "renewalDate": "2027-02-28", "notes": null}"""), "/custom"));
        }

        @Test
        void validate_eachKeyword_saysWhatItExpects() {
            assertRefusedValue(fields, "{}", "/region", "required field is missing; expected one of EMEA, AMER, APAC");
            assertRefusedValue(fields, "{\"region\": null}", "/region", "required field is null; expected one of EMEA, AMER, APAC");
            assertRefusedValue(fields, "{\"region\": \"EU\"}", "/region", "expected one of EMEA, AMER, APAC, got \"EU\"");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"discountPercent\": -5}", "/discountPercent",
                    "expected a number >= 0, got -5");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"seats\": 4}", "/seats", "expected an integer >= 5, got 4");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"partnerLed\": \"no\"}", "/partnerLed",
                    "expected true or false, got the string \"no\"");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"renewalDate\": \"2027-02-29\"}", "/renewalDate",
                    "expected a date YYYY-MM-DD, got \"2027-02-29\"");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"notes\": 7}", "/notes", "expected a string, got the number 7");
            assertRefusedValue(fields, "{\"region\": \"EMEA\", \"note\": \"x\"}", "/note",
                    "unknown field; expected one of region, discountPercent, seats, partnerLed, renewalDate, notes");
        }

        @Test
        void validate_atAPath_namesPathsWithinTheEnclosingDocument() {
            InvalidDealException e = assertThrows(InvalidDealException.class,
                    () -> fields.validate(StrictJson.parse("{\"region\": \"EMEA\", \"a/b\": 1}"), "/custom"));
            assertEquals("/custom/a~1b", e.path());
        }
    }

    @Nested
    class DealSchemaSpecifics {

        private final String deal = DealMutations.FULL.toString();

        @Test
        void read_quarterFollowedByALineBreak_isRefused() {
            // In a JSON Schema pattern (ECMA-262), $ is the end of the text, never before a final line break.
            InvalidDealException e = assertThrows(InvalidDealException.class,
                    () -> DealJson.read(deal.replace("\"2026-Q2\"", "\"2026-Q2\\n\"")));
            assertEquals("expected a quarter YYYY-Qn with n from 1 to 4, got \"2026-Q2\n\"", e.problem());
        }

        @Test
        void read_dealIdOfUnicodeSpacesOnly_isBlank() {
            // \S excludes ECMA-262 white space, which includes the no-break and ideographic spaces.
            for (String blank : List.of("\\u00a0", "\\u3000", "\\ufeff ")) {
                InvalidDealException e = assertThrows(InvalidDealException.class,
                        () -> DealJson.read(deal.replace("\"D-1001\"", "\"" + blank + "\"")), blank);
                assertEquals("/dealId", e.path(), blank);
            }
        }

        @Test
        void read_integerBeyondAnInt_isRefused() {
            InvalidDealException e = assertThrows(InvalidDealException.class,
                    () -> DealJson.read(deal.replace("\"termMonths\":12", "\"termMonths\":3000000000")));
            assertEquals("expected an integer >= 1, got 3000000000", e.problem());
        }

        @Test
        void maxItems_areTheSchemasLimits() {
            assertAll(
                    () -> assertEquals(1000, DealJson.MAX_EXPANSION_TARGETS),
                    () -> assertEquals(100, DealJson.MAX_PHASES),
                    () -> assertThrows(IllegalArgumentException.class, () -> DealSchema.deal().maxItems("/seller")));
        }
    }
}
