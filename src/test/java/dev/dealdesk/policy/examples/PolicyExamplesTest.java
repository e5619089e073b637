package dev.dealdesk.policy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dealdesk.json.StrictJson;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        try (Stream<Path> rules = Files.list(Path.of("rules"))) {
            for (Path file : rules.toList()) {
                Matcher code = Pattern.compile("@code\\(\"([^\"]+)\"\\)").matcher(Files.readString(file));
                while (code.find()) {
                    ruleCodes.add(code.group(1));
                }
            }
        }
        Set<String> exampleCodes = new TreeSet<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                exampleCodes.addAll(PolicyExample.read(StrictJson.parse(Files.readString(file))).codes());
            }
        }
        assertEquals(30, ruleCodes.size(), "finding codes in the shipped rules: " + ruleCodes);
        ruleCodes.removeAll(exampleCodes);
        assertEquals(Set.of(), ruleCodes, "finding codes no example shows");
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
