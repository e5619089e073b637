package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's lines are placed in one file at a time, and a reader of lines placed in a file that is gone is refused. */
class LogLinesTest {

    @TempDir
    Path temp;

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{\"line\":\"").append(prefix).append(i).append("\"}\n");
        }
        return text.toString();
    }

    private static List<String> place(LogLines lines, boolean[] done) throws Exception {
        List<String> placed = new ArrayList<>();
        done[0] = lines.placeNew(line -> placed.add(new String(line.bytes(), StandardCharsets.UTF_8)));
        return placed;
    }

    @Test
    void aLogRotatedBetweenTheCheckAndThePlacing_isNotPlacedOnTheOldLinesStarts() throws Exception {
        Path log = Files.writeString(temp.resolve("log.jsonl"), lines("old-", 3));
        Path other = Files.writeString(temp.resolve("other.jsonl"), lines("new-", 6));
        LogLines lines = new LogLines(log, new Object());
        boolean[] done = {false};
        lines.forgetIfReplaced(() -> { });
        assertEquals(3, place(lines, done).size());
        assertTrue(done[0]);

        lines.forgetIfReplaced(() -> { });
        Files.move(other, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(place(lines, done).isEmpty(), "nothing of the new file is placed after the old one's lines");
        assertFalse(done[0], "check again");
        assertEquals(3, lines.count());

        long placedIn = lines.generation();
        boolean[] forgot = {false};
        lines.forgetIfReplaced(() -> forgot[0] = true);
        assertTrue(forgot[0]);
        assertEquals("log-replaced", assertThrows(Refusal.class, () -> lines.open(placedIn)).kind(),
                "a reader of the old file's lines reads none of the new one's");
        assertEquals(List.of("{\"line\":\"new-0\"}", "{\"line\":\"new-1\"}", "{\"line\":\"new-2\"}", "{\"line\":\"new-3\"}",
                "{\"line\":\"new-4\"}", "{\"line\":\"new-5\"}"), place(lines, done));
        assertTrue(done[0]);
    }

    @Test
    void aLogRewrittenInPlace_underTheSameLongLastLine_isNoticedByItsFirstLine() throws Exception {
        String last = "{\"pad\":\"" + "x".repeat(20_000) + "\"}\n";
        Path log = Files.writeString(temp.resolve("log.jsonl"), lines("old-", 3) + last);
        LogLines lines = new LogLines(log, new Object());
        boolean[] done = {false};
        lines.forgetIfReplaced(() -> { });
        assertEquals(4, place(lines, done).size());

        Files.writeString(log, lines("new-", 3) + last, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        boolean[] forgot = {false};
        lines.forgetIfReplaced(() -> forgot[0] = true);
        assertTrue(forgot[0], "same length, same last line, another first line");
        assertEquals("{\"line\":\"new-0\"}", place(lines, done).get(0));

        Files.writeString(log, lines("new-", 3) + last.replace("x\"}", "y\"}"), StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        forgot[0] = false;
        lines.forgetIfReplaced(() -> forgot[0] = true);
        assertTrue(forgot[0], "a last line over 8 KiB is told by its start and its end");
    }

    @Test
    void aLogThatIsNotThereYet_placesNothing_andIsPlacedOnceItIs() throws Exception {
        Path log = temp.resolve("log.jsonl");
        LogLines lines = new LogLines(log, new Object());
        boolean[] done = {false};
        lines.forgetIfReplaced(() -> { });
        assertTrue(place(lines, done).isEmpty());
        assertTrue(done[0]);
        assertEquals(null, lines.line(1));
        Files.writeString(log, lines("a-", 2));
        lines.forgetIfReplaced(() -> { });
        assertEquals(2, place(lines, done).size());
        assertEquals("{\"line\":\"a-1\"}", new String(lines.line(2), StandardCharsets.UTF_8));
    }
}
