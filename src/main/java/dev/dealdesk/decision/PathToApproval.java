package dev.dealdesk.decision;

import java.util.List;

/**
 * The changes to a deal's facts that make it APPROVE under the same policy, and the findings that
 * only a sign-off clears. Immutable.
 *
 * @param verified      the changed deal was decided again under the same policy and came out as
 *                      this path says: APPROVE, or FLAG with exactly the sign-offs
 * @param reachable     whether a path exists: {@code false} when a REJECT finding remains that no
 *                      stated fix clears, with {@code reason} saying which
 * @param changes       the fewest changes found, each number moved only as far as its threshold
 * @param signOffs      the FLAG findings left, by code, with who signs each
 * @param reason        why no path exists or it could not be verified; {@code null} otherwise
 * @param rejectAtClose for {@link #toClose()} only: the codes that are FLAG now and REJECT at close
 * @param toClose       for a deal before {@code CLOSED_WON}: the path that would let it close, or
 *                      {@code null}
 */
public record PathToApproval(boolean verified, boolean reachable, List<Change> changes, List<SignOff> signOffs,
                             String reason, List<String> rejectAtClose, PathToApproval toClose) {

    public PathToApproval {
        changes = List.copyOf(changes);
        signOffs = List.copyOf(signOffs);
        rejectAtClose = List.copyOf(rejectAtClose);
    }

    /** This path with {@code toClose} set. */
    public PathToApproval withToClose(PathToApproval close) {
        return new PathToApproval(verified, reachable, changes, signOffs, reason, rejectAtClose, close);
    }
}
