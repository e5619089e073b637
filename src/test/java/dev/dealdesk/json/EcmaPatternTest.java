package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Schema patterns mean what ECMA-262 says where java.util.regex would read them otherwise. */
class EcmaPatternTest {

    private static boolean found(String ecma, String text) {
        Pattern pattern = EcmaPattern.compile(ecma);
        return pattern.matcher(text).find();
    }

    @Test
    void dollar_isTheEndOfTheText_notBeforeAFinalLineBreak() {
        assertEquals(true, found("^Q[1-4]$", "Q1"));
        assertEquals(false, found("^Q[1-4]$", "Q1\n"));
        assertEquals(false, found("^Q[1-4]$", "Q1\r\n"));
    }

    @Test
    void whiteSpaceClasses_includeUnicodeSpaces() {
        assertEquals(true, found("^\\s$", "\u00a0"));
        assertEquals(true, found("^\\s$", "\u3000"));
        assertEquals(false, found("\\S", "\u00a0\u3000\ufeff\u2028 \t"));
        assertEquals(true, found("^[\\sx]$", "\u3000"));
        assertEquals(true, found("^[x\\S]$", "y"));
        assertEquals(false, found("^[x\\S]$", "\u3000"));
    }

    @Test
    void bracketAndAmpersandInAClass_areLiteral() {
        assertEquals(true, found("^[[]$", "["));
        assertEquals(true, found("^[a&&b]$", "&"));
        assertEquals(true, found("^\\$[0-9]$", "$5"));
    }
}
