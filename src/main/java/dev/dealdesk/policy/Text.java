package dev.dealdesk.policy;

import java.math.BigDecimal;

/** Words and number formats the rules use in their conditions and messages. Stateless. */
public final class Text {

    /** Below this, a whole double is an exact long: whole dollars skip the decimal conversion. */
    private static final double WHOLE_EXACTLY = 0x1p53;

    private Text() {
    }

    /**
     * Whether {@code text} is missing, empty or only white space: "blank" in the policy brief. White
     * space includes Unicode spaces such as the no-break space.
     */
    public static boolean blank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * A dollar amount for a message, with every decimal it has so a message never rounds a value onto
     * its threshold: {@code $22,000}, {@code $14,999.99}, {@code $14,999.999}.
     */
    public static String usd(double amount) {
        if (!Double.isFinite(amount)) {
            return "$" + amount;
        }
        double magnitude = Math.abs(amount);
        String plain;
        if (magnitude < WHOLE_EXACTLY && magnitude == Math.rint(magnitude)) {
            plain = Long.toString((long) magnitude);
        } else {
            // The shortest decimal that reads back as this double: the digits BigDecimal.valueOf takes.
            // Without an exponent it is already plain, with no trailing zero after its point.
            String shortest = Double.toString(magnitude);
            plain = shortest.indexOf('E') < 0 ? shortest : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        int dot = plain.indexOf('.');
        int whole = dot < 0 ? plain.length() : dot;
        StringBuilder text = new StringBuilder(plain.length() + 8);
        if (amount < 0) {
            text.append('-');
        }
        text.append('$');
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return dot < 0 ? text.toString() : text.append(plain, dot, plain.length()).toString();
    }

    /** A plain number for a message without a trailing {@code .0}: {@code 8} or {@code 7.5}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
