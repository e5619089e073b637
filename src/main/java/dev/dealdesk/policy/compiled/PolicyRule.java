package dev.dealdesk.policy.compiled;

import static java.util.Objects.requireNonNull;

/**
 * One rule of a compiled policy and where it is written.
 *
 * @param name the rule's name, unique in the policy
 * @param code the finding code it reports
 * @param file the rules file, relative to the rules directory
 * @param line the 1-based line of its {@code rule} keyword
 */
public record PolicyRule(String name, String code, String file, int line) {

    public PolicyRule {
        requireNonNull(name, "name");
        requireNonNull(code, "code");
        requireNonNull(file, "file");
    }
}
