package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyStatus;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.decision.WatcherStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy status JSON of {@code GET /v1/policy}: its members, in order, and the watcher's state. */
class PolicyStatusJsonTest {

    private static final PolicyVersion LIVE = new PolicyVersion("sha256:" + "ab".repeat(32), 2);
    private static final Instant LOADED = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void toText_beforeAnyReload_notWatching() {
        assertEquals("{\"version\":\"sha256:" + "ab".repeat(32) + "\",\"files\":2,\"loadedAt\":\"2026-11-23T09:00:00Z\","
                + "\"fileNames\":[\"a.drl\",\"sub/b.drl\"],\"lastReload\":null,\"watcher\":{\"state\":\"OFF\",\"reason\":null}}",
                PolicyStatusJson.toText(new PolicyStatus(LIVE, LOADED, List.of("a.drl", "sub/b.drl"), null)));
    }

    @Test
    void toText_refusedReload_watcherStopped() {
        ReloadAttempt refused = new ReloadAttempt(Instant.parse("2026-11-23T09:05:00Z"), null, false,
                List.of(PolicyProblem.error("", 0, "rules directory not found: rules")));
        PolicyStatus status = new PolicyStatus(LIVE, LOADED, List.of("a.drl", "sub/b.drl"), refused,
                WatcherStatus.stopped("the watcher thread was interrupted"));
        assertEquals("{\"version\":\"sha256:" + "ab".repeat(32) + "\",\"files\":2,\"loadedAt\":\"2026-11-23T09:00:00Z\","
                + "\"fileNames\":[\"a.drl\",\"sub/b.drl\"],\"lastReload\":{\"at\":\"2026-11-23T09:05:00Z\",\"succeeded\":false,"
                + "\"problems\":[{\"file\":\"\",\"line\":0,\"column\":0,\"level\":\"error\",\"message\":\"rules directory not found:"
                + " rules\",\"text\":\"error: rules directory not found: rules\"}],\"version\":null},"
                + "\"watcher\":{\"state\":\"STOPPED\",\"reason\":\"the watcher thread was interrupted\"}}",
                PolicyStatusJson.toText(status));
    }
}
