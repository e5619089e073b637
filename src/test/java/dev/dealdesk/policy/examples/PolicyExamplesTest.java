package dev.dealdesk.policy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.json.StrictJson;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.TestEngines;
import dev.dealdesk.policy.compiled.PolicyRule;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every golden example in {@code policy-examples/} decides as it expects under the shipped rules. */
class PolicyExamplesTest {

    private static final Path EXAMPLES = Path.of("policy-examples");

    @Test
    void everyFindingCodeOfTheShippedRules_hasAnExample() throws Exception {
        Set<String> ruleCodes = new TreeSet<>();
        for (PolicyRule rule : TestEngines.shippedPolicy().rules()) {
            ruleCodes.add(rule.code());
        }
        assertFalse(ruleCodes.isEmpty(), "the shipped rules have no finding codes");
        Set<String> exampleCodes = new TreeSet<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                exampleCodes.addAll(PolicyExample.read(StrictJson.parse(Files.readString(file))).codes());
            }
        }
        ruleCodes.removeAll(exampleCodes);
        assertEquals(Set.of(), ruleCodes, "finding codes no example shows");
    }

    @Test
    void readmeExample_isTheSeedExamplesExpectedPath() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Policy examples"));
        int start = section.indexOf("```\n\"expect\"") + 4;
        JsonObject documented = StrictJson.parse("{" + section.substring(start, section.indexOf("```", start)) + "}").asJsonObject();
        JsonObject seed = StrictJson.parse(Files.readString(EXAMPLES.resolve("seed-5k-smb-eight-cs-hours.json"))).asJsonObject();
        assertEquals(seed.getJsonObject("expect"), documented.getJsonObject("expect"));
    }

    @Test
    void seedExamples_andOthers_stateTheirPathToApproval() throws Exception {
        List<String> stating = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                if (PolicyExample.read(StrictJson.parse(Files.readString(file))).pathToApproval() != null) {
                    stating.add(file.getFileName().toString());
                }
            }
        }
        assertTrue(stating.containsAll(List.of("seed-18m-arr-devtools-per-seat.json", "seed-5k-smb-eight-cs-hours.json",
                "seed-three-year-flat-fee-discount.json")), stating.toString());
        assertTrue(stating.size() >= 8, stating.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleDecidesAsExpected() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples in " + EXAMPLES);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            PolicyExample example = PolicyExample.read(StrictJson.parse(Files.readString(file)));
            Decision decision = TestEngines.shipped().evaluate(example.deal());
            assertEquals(example.codes(), decision.codes(), example.description());
            assertEquals(example.outcome(), decision.outcome(), example.description());
        }));
    }
}
