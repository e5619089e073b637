package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts in the command line's text read as dollars: whole as they are, anything else to the cent. */
class DollarsTest {

    @Test
    void wholeAmounts_haveNoCents_andOthersHaveTwo() {
        assertEquals("$25,600", TextFormat.dollars(new BigDecimal("25600")));
        assertEquals("$25,600", TextFormat.dollars(new BigDecimal("25600.00")));
        assertEquals("$460,999.80", TextFormat.dollars(new BigDecimal("460999.8")));
        assertEquals("$35,050,998.60", TextFormat.dollars(new BigDecimal("35050998.6")));
        assertEquals("$0.01", TextFormat.dollars(new BigDecimal("0.005")));
        assertEquals("-$1,000.50", TextFormat.dollars(new BigDecimal("-1000.5")));
    }
}
