package dev.dealdesk.decision;

/**
 * A rule failed while deciding a deal, or the policy broke its contract with the engine (no
 * ownership model, a malformed finding). The deal gets no decision: the engine never fails open.
 */
public final class EvaluationException extends RuntimeException {

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    public EvaluationException(String message) {
        super(message);
    }
}
