package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.Decision;
import dev.dealdesk.TestEngines;
import dev.dealdesk.bench.DealGenerator;
import dev.dealdesk.facts.Deal;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The decision line written straight to text is the same JSON as the decision object. */
class DecisionJsonTest {

    @Test
    void toLine_isTheSameJsonAsToJson() {
        for (Deal deal : DealGenerator.generate(3, 2000)) {
            Decision decision = TestEngines.shipped().evaluate(deal);
            String line = DecisionJson.toLine(decision);
            assertEquals(DecisionJson.toJson(decision), Json.createReader(new StringReader(line)).readObject(), line);
        }
    }
}
