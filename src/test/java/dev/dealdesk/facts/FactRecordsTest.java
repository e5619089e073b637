package dev.dealdesk.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The checks the fact records make for callers who build deals in Java rather than JSON. */
class FactRecordsTest {

    @Test
    void valueProof_nanOrInfiniteMetric_isRefusedNamingTheField() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new ValueProof("w", "m", Double.NaN, 1.0, 30, true, "c"));
        assertEquals("baseline must be a finite number, got NaN", nan.getMessage());
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> new ValueProof("w", "m", 1.0, Double.NEGATIVE_INFINITY, 30, true, "c"));
        assertEquals("target must be a finite number, got -Infinity", infinite.getMessage());
    }

    @Test
    void valueProof_negativeZero_isStoredAsZero() {
        assertEquals(new ValueProof("w", "m", 0.0, 0.0, 30, true, "c"), new ValueProof("w", "m", -0.0, -0.0, 30, true, "c"));
    }

    @Test
    void seller_negativeOrNanArr_isRefusedNamingTheField() {
        assertEquals("arr must be a finite number >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Seller(Double.NaN)).getMessage());
        assertEquals("arr must be a finite number >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Seller(-1)).getMessage());
    }

    @Test
    void quarterParse_acceptsOnlyFourDigitYearDashQOneToFour() {
        assertEquals(new Quarter(2027, 1), Quarter.parse("2027-Q1"));
        assertEquals(new Quarter(1999, 4), Quarter.parse("1999-Q4"));
        for (String bad : java.util.List.of("2027-Q5", "2027-Q0", "27-Q1", "2027-q1", "2027-Q1 ", "2027/Q1", "\uff12027-Q1", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarter.parse(bad), bad);
            assertEquals("not a quarter (YYYY-Qn): " + bad, e.getMessage());
        }
    }
}
