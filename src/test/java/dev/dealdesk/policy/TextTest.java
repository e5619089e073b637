package dev.dealdesk.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The words and number formats of the rules' messages. */
class TextTest {

    @Test
    void usd_groupsThousandsAndKeepsEveryDecimal() {
        assertEquals("$0", Text.usd(0));
        assertEquals("$5", Text.usd(5));
        assertEquals("$999", Text.usd(999));
        assertEquals("$1,000", Text.usd(1000));
        assertEquals("$22,000", Text.usd(22000.0));
        assertEquals("$14,999.99", Text.usd(14999.99));
        assertEquals("$14,999.999", Text.usd(14999.999));
        assertEquals("$0.96", Text.usd(0.96));
        assertEquals("$200,000,000", Text.usd(2e8));
        assertEquals("$1,234,567.5", Text.usd(1234567.5));
        assertEquals("-$1,500", Text.usd(-1500));
        assertEquals("-$1,500.25", Text.usd(-1500.25));
        assertEquals("$0", Text.usd(-0.0));
        assertEquals("$9,007,199,254,740,991", Text.usd(0x1p53 - 1));
        assertEquals("$9,007,199,254,740,992", Text.usd(0x1p53));
        assertEquals("$100,000,000,000,000,000,000", Text.usd(1e20));
        assertEquals("$12,345,678.25", Text.usd(12345678.25));
        assertEquals("$0.0005", Text.usd(0.0005));
        assertEquals("$0.1", Text.usd(0.1));
        assertEquals("$Infinity", Text.usd(Double.POSITIVE_INFINITY));
    }

    @Test
    void blank_isMissingEmptyOrWhiteSpaceOfAnyKind() {
        assertTrue(Text.blank(null));
        assertTrue(Text.blank(""));
        assertTrue(Text.blank(" \t\n"));
        assertTrue(Text.blank("\u00a0\u2003"));
        assertFalse(Text.blank(" x "));
    }

    @Test
    void number_dropsATrailingZero() {
        assertEquals("8", Text.number(8.0));
        assertEquals("7.5", Text.number(7.5));
        assertEquals("0.1", Text.number(0.1));
    }

    @Test
    void usd_matchesTheExactDecimalOfTheDoubleAtEveryMagnitude() {
        java.util.Random random = new java.util.Random(20261123);
        for (int i = 0; i < 200_000; i++) {
            double amount = Math.scalb(random.nextDouble(), random.nextInt(80) - 20);
            amount = random.nextBoolean() ? amount : Math.rint(amount * 100) / 100;
            String exact = java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
            assertEquals(exact, Text.usd(amount).substring(1).replace(",", ""), "amount " + amount);
        }
    }
}
