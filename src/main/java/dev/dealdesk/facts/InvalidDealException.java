package dev.dealdesk.facts;

/**
 * Bad input: the deal cannot be decided. Carries the JSON Pointer of the offending value (for
 * example {@code /contract/termMonths}; empty for the whole document) and what was expected.
 */
public final class InvalidDealException extends Exception {

    private final String path;
    private final String problem;

    public InvalidDealException(String path, String problem) {
        super((path.isEmpty() ? "(document)" : path) + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** JSON Pointer (RFC 6901) of the offending value; empty for the document itself. */
    public String path() {
        return path;
    }

    /** What was wrong and what was expected, without the path. */
    public String problem() {
        return problem;
    }
}
