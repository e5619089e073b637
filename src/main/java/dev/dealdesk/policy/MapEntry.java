package dev.dealdesk.policy;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.facts.ExpansionTarget;

/**
 * An expansion-map entry with its position in the deal's map, as the rules see it: one fact per
 * entry, so a rule can report one finding per offending entry.
 *
 * @param index  0-based position in {@code expansionMap}
 * @param target the entry
 */
public record MapEntry(int index, ExpansionTarget target) {

    public MapEntry {
        requireNonNull(target, "target");
    }

    /** The evidence name of one of the entry's fields, such as {@code expansionMap[2].sponsor}. */
    public String field(String name) {
        return "expansionMap[" + index + "]." + name;
    }

    /** How a message names the entry: {@code entry 3 (Finance)}. */
    public String label() {
        return "entry " + (index + 1) + " (" + target.team() + ")";
    }
}
