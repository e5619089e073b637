package dev.dealdesk.facts;

/**
 * Bad input: the deal cannot be decided. Carries the JSON Pointer of the offending value (for
 * example {@code /contract/termMonths}; empty for the whole document) and what was expected.
 * Unchecked: a deal the reader took can still be refused when it is decided, if its {@code custom}
 * fields do not conform to the deciding policy's declaration ({@code DealDesk.evaluate} says so).
 */
public final class InvalidDealException extends RuntimeException {

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

    /** The same problem at {@code prefix + path()}: a deal's error placed within an enclosing document. */
    public InvalidDealException under(String prefix) {
        return prefix.isEmpty() ? this : new InvalidDealException(prefix + path, problem);
    }

    /** What was wrong and what was expected, without the path. */
    public String problem() {
        return problem;
    }
}
