package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Standard input becomes one record per line, whatever sizes the reads come in. */
class InputRecordsTest {

    @Test
    void lines_areRecordsInOrder_whateverTheReadSizes() throws Exception {
        List<String> lines = List.of("{\"dealId\":\"A\"}", "", "{\"dealId\":\"Zoë\"}", "x".repeat(150_000),
                "{\"dealId\":\"€ and 😀\"}\r", "   ", "last line without a newline");
        byte[] input = (String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 7, 8, 9, 1000, 1 << 16, Integer.MAX_VALUE}) {
            List<InputRecords.Record> records = read(new Chunked(input, chunk, new Random(chunk)));
            assertEquals(lines.size(), records.size(), "records for reads of up to " + chunk);
            for (int i = 0; i < lines.size(); i++) {
                assertEquals("stdin:" + (i + 1), records.get(i).source());
                assertEquals(lines.get(i), records.get(i).text(), "line " + (i + 1) + ", reads of up to " + chunk);
            }
        }
    }

    @Test
    void aLineThatIsNotUtf8_failsToDecode_andTheNextLineIsItsOwnRecord() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(new byte[] {'{', (byte) 0xc3, '}', '\n'}); // a lead byte with no continuation
        input.write("{}\n".getBytes(StandardCharsets.US_ASCII));
        List<InputRecords.Record> records = read(new Chunked(input.toByteArray(), 2, new Random(1)));

        assertEquals(2, records.size());
        assertThrows(CharacterCodingException.class, records.get(0)::text);
        assertEquals("{}", records.get(1).text());
        assertEquals("stdin:2", records.get(1).source());
    }

    private static List<InputRecords.Record> read(InputStream stdin) {
        List<InputRecords.Record> records = new ArrayList<>();
        InputRecords.read(List.of("-"), stdin, records::add);
        return records;
    }

    /** Gives its bytes in reads of random sizes up to {@code chunk}. */
    private static final class Chunked extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private final Random random;
        private int at;

        Chunked(byte[] bytes, int chunk, Random random) {
            this.bytes = bytes;
            this.chunk = chunk;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, bytes.length - at), 1 + random.nextInt(Math.min(chunk, 1 << 20)));
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }
    }
}
