package dev.dealdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.facts.Deal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated deals other tests and the benchmarks rely on are the same for the same seed. */
class DealGeneratorTest {

    @Test
    void generate_sameSeed_sameDealsWithDistinctIds() {
        List<Deal> a = DealGenerator.generate(42, 200);
        List<Deal> b = DealGenerator.generate(42, 200);
        assertEquals(a, b);
        assertEquals(200, a.stream().map(Deal::dealId).distinct().count());
    }
}
