package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strings written as UTF-8 JSON are escaped exactly as the canonical form escapes them. */
class Utf8BufferTest {

    /** Characters around every boundary the escaper tests: controls, quote, backslash, DEL, Latin-1, BMP, surrogate pairs. */
    private static final String ALPHABET = "aZ09 ~\u001f\u0000\n\t\"\\\u007f\u0080\u00e9\u00ff\u0100\u20ac\ud83d\ude00";

    @Test
    void jsonString_escapesAsTheCanonicalForm() {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random);
            assertEquals(canonical(text), new Utf8Buffer(4).jsonString(text).toString(), text);
            assertEquals(canonical(text), new Utf8Buffer(4).recurringJsonString(text).toString(), text);
        }
    }

    @Test
    void recurringJsonString_givesEachStringItsOwnText_whenStringsShareASlot() {
        // "Aa" and "BB" have the same hash, so they share a slot of the table.
        Utf8Buffer json = new Utf8Buffer(16);
        json.recurringJsonString("Aa").recurringJsonString("BB").recurringJsonString("Aa").recurringJsonString(new String("BB"));
        assertEquals("\"Aa\"\"BB\"\"Aa\"\"BB\"", json.toString());
    }

    @Test
    void decimal_writesAsLongToString_atEveryWidthAndSign() {
        Random random = new Random(17);
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long value : edges) {
            assertEquals(Long.toString(value), new Utf8Buffer(1).decimal(value).toString());
        }
        for (int n = 0; n < 20_000; n++) {
            long value = random.nextLong() >> random.nextInt(64); // every width
            assertEquals(Long.toString(value), new Utf8Buffer(1).decimal(value).toString());
        }
        Utf8Buffer reused = new Utf8Buffer(4).decimal(12);
        reused.clear();
        assertEquals("-7", reused.decimal(-7).toString());
    }

    @Test
    void plainJsonPrefix_stopsAtTheFirstByteToEscape_inAnyPositionOfAWord() {
        for (int length = 0; length < 20; length++) {
            assertEquals(length, ByteScan.plainJsonPrefix("x".repeat(length).getBytes()));
            for (int at = 0; at < length; at++) {
                for (char special : new char[] {'"', '\\', '\u0000', '\u001f', '\n'}) {
                    StringBuilder text = new StringBuilder("x".repeat(length));
                    text.setCharAt(at, special);
                    assertEquals(at, ByteScan.plainJsonPrefix(text.toString().getBytes()), text.toString());
                }
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        boolean plain = random.nextBoolean(); // half the strings are mostly plain ASCII, as real ones are
        for (int i = 0; i < length; i++) {
            if (plain && random.nextInt(20) != 0) {
                text.append((char) (' ' + 3 + random.nextInt(50)));
            } else {
                int at = random.nextInt(ALPHABET.length());
                char c = ALPHABET.charAt(at);
                text.append(Character.isHighSurrogate(c) ? ALPHABET.substring(at, at + 2) : Character.isLowSurrogate(c) ? "b" : String.valueOf(c));
            }
        }
        return text.toString();
    }

    private static String canonical(String text) {
        StringBuilder json = new StringBuilder();
        CanonicalJson.string(text, json);
        return json.toString();
    }
}
