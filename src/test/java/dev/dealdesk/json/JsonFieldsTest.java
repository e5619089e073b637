package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How member values are read. */
class JsonFieldsTest {

    @Test
    void date_isACalendarDayWrittenYyyyMmDd() {
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2024, 2, 29)), JsonFields.date("2024-02-29"));
        for (String bad : java.util.List.of("2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-1x",
                "+2026-01-01", "2026/01/01", "\uff12026-01-01", "")) {
            assertEquals(java.util.Optional.empty(), JsonFields.date(bad), bad);
        }
    }
}
