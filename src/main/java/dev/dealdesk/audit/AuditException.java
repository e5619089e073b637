package dev.dealdesk.audit;

/**
 * The audit log cannot be used: it is locked by another process, cannot be written, or its last
 * record cannot be read. Decisions are not returned while their records cannot be stored.
 */
public final class AuditException extends RuntimeException {

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditException(String message) {
        super(message);
    }
}
