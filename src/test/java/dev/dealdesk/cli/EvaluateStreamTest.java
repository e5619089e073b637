package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestDeals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code evaluate -} on streams as they come: long, hostile, endless, or read by a reader that goes away. */
class EvaluateStreamTest {

    private static final String DEAL = TestDeals.cleanLand().json().replace("\n", " ");

    @Test
    void aLineOverTheLimit_isThatRecordsError_andTheRecordsAfterItAreDecided() {
        String huge = DEAL.replace("\"D-CLEAN\"", "\"" + "x".repeat(2 << 20) + "\"");
        CliRunner.Result run = CliRunner.run(DEAL + "\n" + huge + "\n" + DEAL + "\n", "evaluate", "-");
        assertEquals(2, run.status(), run.err());
        assertEquals(3, run.lines().size());
        assertEquals("APPROVE", run.line(0).getString("outcome"));
        assertEquals("stdin:2", run.line(1).getJsonObject("error").getString("source"));
        assertTrue(run.line(1).getJsonObject("error").getString("message")
                .startsWith("a record of " + huge.getBytes(StandardCharsets.UTF_8).length + " bytes is longer than the limit of 1048576 bytes"));
        assertEquals("APPROVE", run.line(2).getString("outcome"));
    }

    @Test
    void aFileOverTheLimit_isThatRecordsError_readNoFurtherThanTheLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.json");
        java.nio.file.Files.writeString(big, DEAL.replace("\"D-CLEAN\"", "\"" + "x".repeat(2 << 20) + "\""));
        CliRunner.Result run = CliRunner.run("", "evaluate", big.toString(), "policy-examples/clean-renewal.json");
        assertEquals(2, run.status(), run.err());
        assertEquals(2, run.lines().size());
        assertTrue(run.line(0).getJsonObject("error").getString("message").contains("is longer than the limit of 1048576 bytes"));
        assertEquals("APPROVE", run.line(1).getString("outcome"));
    }

    @Test
    void amountsWhoseProductNoDoubleHolds_stillGetADecision_withTheEvidenceAsText() {
        String deal = TestDeals.cleanLand().set("/customerSuccess/csHoursPerQuarter", 1e200)
                .set("/customerSuccess/csHourlyCost", 1e200).json().replace("\n", " ");
        CliRunner.Result run = CliRunner.run(deal + "\n", "evaluate", "-");
        assertEquals(0, run.status(), run.err());
        assertEquals("REJECT", run.line(0).getString("outcome"), run.out());
        assertEquals("Infinity", run.line(0).getJsonArray("findings").getJsonObject(0).getJsonObject("evidence")
                .getString("annualCsCost"), run.out());
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheStream_isSkipped() {
        CliRunner.Result run = CliRunner.run("\uFEFF" + DEAL + "\n", "evaluate", "-");
        assertEquals(0, run.status(), run.err());
        assertEquals("APPROVE", run.line(0).getString("outcome"));
    }

    @Test
    void textFormat_escapesControlCharactersFromInput_soADealIdCannotForgeALine() {
        String deal = TestDeals.cleanLand().set("/dealId", "D-1\nDeal D-2 as of 2026-11-23: APPROVE\u001b[2J").json().replace("\n", " ");
        CliRunner.Result run = CliRunner.run(deal + "\n", "evaluate", "--format", "text", "-");
        assertEquals(0, run.status(), run.err());
        assertEquals("Deal D-1\\nDeal D-2 as of 2026-11-23: APPROVE\\u001b[2J as of 2026-11-23: APPROVE", run.lines().get(0));
        assertTrue(run.out().chars().noneMatch(c -> c == 0x1b), run.out());
    }

    @Test
    void whenTheOutputCloses_theCommandStopsWithoutReadingTheRestOrPrintingATrace() {
        AtomicInteger linesRead = new AtomicInteger();
        InputStream endless = new InputStream() { // a producer that never ends
            private byte[] line = new byte[0];
            private int at;

            @Override
            public int read() {
                if (at == line.length) {
                    line = (DEAL + "\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                    linesRead.incrementAndGet();
                }
                return line[at++];
            }
        };
        OutputStream closesAfterOneLine = new OutputStream() { // as `| head -1` does
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (written++ > 0 && b == '\n' || written > 5000) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"evaluate", "-"}, endless,
                new PrintWriter(new OutputStreamWriter(closesAfterOneLine, StandardCharsets.UTF_8)), new PrintWriter(err));
        assertEquals(EvaluateCommand.OUTPUT_CLOSED, status);
        assertEquals("", err.toString());
        assertTrue(linesRead.get() < 100_000, "stopped reading after " + linesRead.get() + " lines");
    }
}
