package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Word-at-a-time scans agree with a byte-by-byte look at every position and range. */
class ByteScanTest {

    /** Bytes around the boundaries the scans test: newline, its neighbours, zero, ASCII, high bytes. */
    private static final byte[] ALPHABET = {'\n', '\t', '\u000b', 0, 'a', '{', '"', 0x7f, (byte) 0x80, (byte) 0x8a, (byte) 0xc3, (byte) 0xff};

    @Test
    void lineEndAndIsAscii_agreeWithAByteByByteScan_onEveryRange() {
        Random random = new Random(23);
        for (int n = 0; n < 3_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ('a' + random.nextInt(26));
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    assertEquals(slowLineEnd(bytes, from, to), ByteScan.lineEnd(bytes, from, to));
                    assertEquals(slowIsAscii(bytes, from, to), ByteScan.isAscii(bytes, from, to));
                }
            }
        }
    }

    private static int slowLineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean slowIsAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
