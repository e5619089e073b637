package dev.dealdesk.audit;

/** A line of an audit log that is not a readable record. */
public final class AuditFormatException extends Exception {

    public AuditFormatException(String message) {
        super(message);
    }
}
