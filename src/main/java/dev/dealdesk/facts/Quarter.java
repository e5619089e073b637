package dev.dealdesk.facts;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as {@code 2027-Q1}. Immutable; equal quarters are {@code equals}.
 *
 * @param year    the calendar year
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, got " + quarter);
        }
    }

    /** The quarter that contains {@code date}. */
    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Parses {@code YYYY-Qn}.
     *
     * @throws IllegalArgumentException when the text is not a quarter
     */
    public static Quarter parse(String text) {
        Matcher quarter = QUARTER.matcher(text);
        if (!quarter.matches()) {
            throw new IllegalArgumentException("not a quarter (YYYY-Qn): " + text);
        }
        return new Quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
    }

    /** The quarter after this one; Q4 is followed by Q1 of the next year. */
    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
