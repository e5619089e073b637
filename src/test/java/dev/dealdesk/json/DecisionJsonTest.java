package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.decision.Decision;
import dev.dealdesk.TestEngines;
import dev.dealdesk.bench.DealGenerator;
import dev.dealdesk.facts.Deal;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void instant_isWrittenAsInstantWritesIt() {
        Random random = new Random(3);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-23T04:25:52Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("-0001-01-01T00:00:00Z")));
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        for (Instant instant : instants) {
            Utf8Buffer json = new Utf8Buffer(16);
            DecisionJson.instant(instant, json);
            assertEquals(instant.toString(), json.toString());
        }
    }

    @Test
    void date_isWrittenAsLocalDateWritesIt() {
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-1_000_000, 3_500_000));
            Utf8Buffer json = new Utf8Buffer(16);
            DecisionJson.date(date, json);
            assertEquals(date.toString(), json.toString());
        }
    }
}
