package dev.dealdesk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dealdesk.Decision;
import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.DealReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden example in {@code policy-examples/} decides as it expects under the shipped rules. */
class PolicyExamplesTest {

    private static final Path EXAMPLES = Path.of("policy-examples");

    @TestFactory
    Stream<DynamicTest> everyExampleDecidesAsExpected() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples in " + EXAMPLES);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            PolicyExample example = PolicyExample.read(DealReader.parse(Files.readString(file)));
            Decision decision = TestEngines.shipped().evaluate(example.deal());
            assertEquals(example.codes(), decision.codes(), example.description());
            assertEquals(example.outcome(), decision.outcome(), example.description());
        }));
    }
}
