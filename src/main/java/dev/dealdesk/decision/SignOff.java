package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

/**
 * A FLAG finding no change of facts clears: it goes to its approver to sign.
 *
 * @param code     the finding code
 * @param approver who signs it
 */
public record SignOff(String code, ApproverRole approver) {

    public SignOff {
        requireNonNull(code, "code");
        requireNonNull(approver, "approver");
    }
}
