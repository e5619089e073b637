package dev.dealdesk.policy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Words and number formats the rules use in their conditions and messages. Stateless. */
public final class Text {

    private Text() {
    }

    /**
     * Whether {@code text} is missing, empty or only white space: "blank" in the policy brief. White
     * space includes Unicode spaces such as the no-break space.
     */
    public static boolean blank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /**
     * A dollar amount for a message, with every decimal it has so a message never rounds a value onto
     * its threshold: {@code $22,000}, {@code $14,999.99}, {@code $14,999.999}.
     */
    public static String usd(double amount) {
        if (!Double.isFinite(amount)) {
            return "$" + amount;
        }
        DecimalFormat format = new DecimalFormat("$#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(amount));
    }

    /** A plain number for a message without a trailing {@code .0}: {@code 8} or {@code 7.5}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
