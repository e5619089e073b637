package dev.dealdesk.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of bytes a word (eight bytes) at a time, for the loops that read and write batches: every
 * byte of a word is tested at once. A byte of {@code x} is zero, or below {@code n}, when
 * {@code (x - n) & ~x} has its high bit set; a word has such a byte exactly when the whole word's
 * result has any high bit set (exact for ASCII bytes, and for zero bytes in any word).
 */
public final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or -1 when there is none. */
    public static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long newlines = (long) LONGS.get(bytes, i) ^ ONES * '\n'; // a zero byte where a newline is
            if (((newlines - ONES) & ~newlines & HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code bytes[from, to)} are all ASCII (no byte has its high bit set). */
    public static boolean isAscii(byte[] bytes, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < to; i++) {
            high |= bytes[i]; // sign-extended: a high bit sets them all
        }
        return (high & HIGH_BITS) == 0;
    }

    /**
     * How many leading bytes of ASCII text need no escape in a JSON string: none is below 0x20, a
     * quote or a backslash.
     */
    static int plainJsonPrefix(byte[] ascii) {
        int i = 0;
        for (; i + Long.BYTES <= ascii.length; i += Long.BYTES) {
            long word = (long) LONGS.get(ascii, i);
            long quotes = word ^ ONES * '"';
            long backslashes = word ^ ONES * '\\';
            long found = (word - ONES * 0x20) & ~word | (quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes;
            if ((found & HIGH_BITS) != 0) {
                break;
            }
        }
        while (i < ascii.length && ascii[i] >= 0x20 && ascii[i] != '"' && ascii[i] != '\\') {
            i++;
        }
        return i;
    }
}
