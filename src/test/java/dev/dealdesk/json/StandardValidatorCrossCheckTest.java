package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.dealdesk.facts.InvalidDealException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The deal schema read by the engine's reader and by a standard JSON Schema validator (networknt,
 * draft 2020-12, format assertions on) gives the same verdicts: every policy example's deal is
 * accepted by both, and every generated mutation ({@link DealMutations}) is accepted by both or
 * refused by both, at the JSON Pointer the validator names.
 */
class StandardValidatorCrossCheckTest {

    private static final Schema STANDARD = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build()))
            .getSchema(DealSchema.deal().document().toString(), InputFormat.JSON);

    /** Keywords whose errors the validator reports at the object, naming the member separately. */
    private static final Set<String> MEMBER_KEYWORDS = Set.of("required", "additionalProperties");

    /** The JSON Pointers of the values the standard validator refuses in {@code json}. */
    private static Set<String> standardRefusals(String json) {
        List<Error> errors = STANDARD.validate(json, InputFormat.JSON);
        return errors.stream()
                .map(error -> error.getInstanceLocation().toString()
                        + (MEMBER_KEYWORDS.contains(error.getKeyword()) ? "/" + error.getProperty() : ""))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @TestFactory
    Stream<DynamicTest> policyExampleDeals_acceptedByBoth() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("policy-examples"))) {
            examples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no policy examples found");
        return examples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String deal = StrictJson.parse(Files.readAllBytes(file)).asJsonObject().get("deal").toString();
            assertAll(
                    () -> assertEquals(Set.of(), standardRefusals(deal), "standard validator"),
                    () -> assertDoesNotThrow(() -> DealJson.read(deal), "DealJson"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> mutatedDeals_sameVerdictFromBoth() {
        List<DealMutations.Mutation> mutations = DealMutations.all();
        assertTrue(mutations.stream().filter(m -> !m.valid()).count() > 100, "too few invalid deals generated");
        return mutations.stream().map(mutation -> DynamicTest.dynamicTest(mutation.name(), () -> {
            Set<String> refusals = standardRefusals(mutation.json());
            if (mutation.valid()) {
                assertAll(
                        () -> assertEquals(Set.of(), refusals, "standard validator"),
                        () -> assertDoesNotThrow(() -> DealJson.read(mutation.json()), "DealJson"));
            } else {
                InvalidDealException refused = assertThrows(InvalidDealException.class, () -> DealJson.read(mutation.json()));
                assertAll(
                        () -> assertEquals(mutation.path(), refused.path(), "DealJson: " + refused.getMessage()),
                        () -> assertTrue(refusals.contains(mutation.path()), "standard validator refused " + refusals));
            }
        }));
    }
}
