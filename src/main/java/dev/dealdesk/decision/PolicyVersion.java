package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

/**
 * The policy a decision was made under.
 *
 * @param version {@code sha256:} followed by the hex digest that identifies the rules files
 * @param files   how many rules files the policy has
 */
public record PolicyVersion(String version, int files) {

    public PolicyVersion {
        requireNonNull(version, "version");
    }
}
