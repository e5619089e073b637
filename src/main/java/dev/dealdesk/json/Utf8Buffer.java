package dev.dealdesk.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built straight as UTF-8 bytes, for output written in bulk: a batch of decision lines is
 * appended here and written out without passing through a {@code String} and an encoder again.
 * JSON strings are escaped exactly as {@link CanonicalJson} escapes them. An instance is not
 * thread-safe; the table of recurring strings it shares with the others is.
 */
public final class Utf8Buffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Recurring strings by hash, a few hundred in a policy: the table never grows, a miss costs an encoding. */
    private static final Encoded[] RECURRING = new Encoded[2048];
    private static final int RECURRING_PROBES = 4;

    private byte[] bytes;
    private int size;

    public Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** Appends text, UTF-8 encoded. */
    public Utf8Buffer append(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return append(utf8, 0, utf8.length);
    }

    /**
     * Appends text that is ASCII throughout, such as member names, punctuation, enum names, numbers
     * and ISO dates: a Latin-1 string's bytes are copied as they are, with no encoder.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies each char's low byte: exact for ASCII
    public Utf8Buffer ascii(String text) {
        ensure(text.length());
        text.getBytes(0, text.length(), bytes, size);
        size += text.length();
        return this;
    }

    /** Appends a non-negative number in decimal, zero-padded to {@code width} digits. */
    public Utf8Buffer digits(long value, int width) {
        ensure(width);
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
        return this;
    }

    /** Appends {@code value} in decimal, as {@link Long#toString(long)} writes it. */
    public Utf8Buffer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value)); // no positive counterpart
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int width = 1;
        for (long power = 10; width < 19 && value >= power; power *= 10) {
            width++;
        }
        return digits(value, width);
    }

    public Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /**
     * Appends {@code value} as a JSON string: {@code "}, {@code \\} and control characters escaped,
     * everything else as it is. Escapable characters are ASCII and UTF-8 never uses ASCII bytes
     * inside a multi-byte character, so escaping the encoded bytes gives the same text as escaping
     * the characters.
     */
    public Utf8Buffer jsonString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ascii('"');
        // Most strings are ASCII with nothing to escape: checked eight bytes at a time, then copied whole.
        int clean = utf8.length == value.length() ? ByteScan.plainJsonPrefix(utf8) : 0; // bytes that need no escape
        append(utf8, 0, clean);
        for (int i = clean; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= 0 && b < 0x20 || b == '"' || b == '\\') {
                append(utf8, clean, i - clean);
                escape(b);
                clean = i + 1;
            }
        }
        append(utf8, clean, utf8.length - clean);
        return ascii('"');
    }

    /**
     * Appends {@code value} as {@link #jsonString} does, for text that recurs from one decision to the
     * next, such as finding codes, concerns, rule names and evidence names: the encoded string is
     * kept in a small shared table and copied from there.
     */
    public Utf8Buffer recurringJsonString(String value) {
        Encoded[] table = RECURRING;
        int mask = table.length - 1;
        int hash = value.hashCode();
        int slot = hash & mask; // where a new entry goes: the first free slot probed, else the first
        // A few neighbouring slots, so strings whose hashes collide do not keep displacing each other.
        for (int probe = 0; probe < RECURRING_PROBES; probe++) {
            Encoded encoded = table[(hash + probe) & mask];
            if (encoded == null) {
                slot = (hash + probe) & mask;
                break;
            }
            if (encoded.text == value) {
                return append(encoded.json, 0, encoded.json.length);
            }
            if (encoded.text.equals(value)) {
                // The same text from a policy loaded since: keep this instance, so the next look-up is by identity.
                table[(hash + probe) & mask] = new Encoded(value, encoded.json);
                return append(encoded.json, 0, encoded.json.length);
            }
        }
        Utf8Buffer json = new Utf8Buffer(value.length() + 2).jsonString(value);
        Encoded encoded = new Encoded(value, Arrays.copyOf(json.bytes, json.size));
        table[slot] = encoded; // racing writers only replace one immutable entry with another
        return append(encoded.json, 0, encoded.json.length);
    }

    /** A string and its JSON text, UTF-8 encoded. */
    private record Encoded(String text, byte[] json) {
    }

    private void escape(byte b) {
        switch (b) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            case '\b' -> ascii("\\b");
            case '\f' -> ascii("\\f");
            default -> ascii("\\u00").ascii((char) HEX[b >> 4]).ascii((char) HEX[b & 0xf]);
        }
    }

    private Utf8Buffer append(byte[] utf8, int offset, int length) {
        ensure(length);
        System.arraycopy(utf8, offset, bytes, size, length);
        size += length;
        return this;
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Empties the buffer, keeping its storage for the next text. */
    public void clear() {
        size = 0;
    }

    /** How many bytes have been appended. */
    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** The text appended so far. */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
