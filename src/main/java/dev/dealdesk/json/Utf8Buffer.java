package dev.dealdesk.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built straight as UTF-8 bytes, for output written in bulk: a batch of decision lines is
 * appended here and written out without passing through a {@code String} and an encoder again.
 * JSON strings are escaped exactly as {@link CanonicalJson} escapes them. Not thread-safe.
 */
public final class Utf8Buffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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

    public Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /**
     * Appends {@code value} as a JSON string: {@code "}, {@code \} and control characters escaped,
     * everything else as it is. Escapable characters are ASCII and UTF-8 never uses ASCII bytes
     * inside a multi-byte character, so escaping the encoded bytes gives the same text as escaping
     * the characters.
     */
    public Utf8Buffer jsonString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ascii('"');
        int clean = 0; // start of the bytes not yet copied
        for (int i = 0; i < utf8.length; i++) {
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
