package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

/**
 * One problem in the rules files, located as editors expect ({@code file:line:column}).
 *
 * @param file    path of the rules file relative to the rules directory; empty when the problem is
 *                not in one file (a missing directory, say)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param level   error or warning; only errors stop a policy from loading
 * @param message what is wrong
 */
public record PolicyProblem(String file, int line, int column, Level level, String message) {

    /** How serious a problem is. */
    public enum Level { ERROR, WARNING }

    public PolicyProblem {
        requireNonNull(file, "file");
        requireNonNull(level, "level");
        requireNonNull(message, "message");
    }

    /** An error in {@code file} at {@code line}. */
    public static PolicyProblem error(String file, int line, String message) {
        return new PolicyProblem(file, line, 0, Level.ERROR, message);
    }

    /** {@code file:line:column: error|warning: message}, omitting unknown parts. */
    @Override
    public String toString() {
        return located(file);
    }

    /** As {@link #toString()}, with the file named by its path under {@code rulesDirectory}. */
    public String toString(java.nio.file.Path rulesDirectory) {
        return located(file.isEmpty() ? "" : rulesDirectory.resolve(file).toString());
    }

    private String located(String where) {
        StringBuilder text = new StringBuilder(where);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        if (!text.isEmpty()) {
            text.append(": ");
        }
        return text.append(level.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(message).toString();
    }
}
