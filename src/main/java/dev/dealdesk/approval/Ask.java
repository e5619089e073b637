package dev.dealdesk.approval;

import jakarta.json.JsonObject;

/**
 * What a caller asks of a decision beyond its findings. Immutable.
 *
 * @param pathToApproval whether to find the changes that would make the deal APPROVE
 * @param previous       the deal's previous decision, as its JSON (a decision line, or an audit
 *                       record's {@code decision}), to say which sign-offs carry over; or {@code null}
 */
public record Ask(boolean pathToApproval, JsonObject previous) {

    /** The decision alone. */
    public static final Ask DECISION = new Ask(false, null);
}
