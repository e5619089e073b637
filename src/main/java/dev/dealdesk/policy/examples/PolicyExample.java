package dev.dealdesk.policy.examples;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.Outcome;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.facts.InvalidDealException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A golden example of the policy: a deal and the decision it must get. On disk, one JSON file:
 * <pre>{"description": "...", "deal": {...}, "expect": {"outcome": "FLAG", "codes": ["...", ...]}}</pre>
 * where {@code codes} lists every finding code in the decision's order. {@code expect} may also
 * hold {@code pathToApproval}, in the decision's shape, with at least {@code reachable},
 * {@code changes} and {@code signOffs} (and optionally {@code verified}, {@code reason} and
 * {@code toClose}, in the same shape with {@code rejectAtClose}):
 * <pre>"pathToApproval": {"reachable": true, "changes": [{"path": "/acv", "from": 5000, "to": 25600,
 *     "clears": ["land.below-minimum", "land.cs-cost-not-covered"]}], "signOffs": []}</pre>
 * The example then also asks for the deal's path to approval, and the members given must be the
 * decision's (numbers compared by value). Immutable.
 *
 * @param description    what the example shows
 * @param deal           the deal
 * @param outcome        the expected outcome
 * @param codes          the expected finding codes, in order
 * @param pathToApproval the expected members of the path to approval, or {@code null} when the
 *                       example states none
 */
public record PolicyExample(String description, Deal deal, Outcome outcome, List<String> codes, JsonObject pathToApproval) {

    private static final Set<String> MEMBERS = Set.of("description", "deal", "expect");
    private static final Set<String> EXPECT_MEMBERS = Set.of("outcome", "codes", "pathToApproval");
    private static final Set<String> PATH_MEMBERS = Set.of("verified", "reachable", "changes", "signOffs", "reason", "toClose");
    private static final Set<String> TO_CLOSE_MEMBERS = Set.of("verified", "reachable", "changes", "signOffs", "reason",
            "rejectAtClose");
    private static final List<String> PATH_REQUIRED = List.of("reachable", "changes", "signOffs");

    public PolicyExample {
        requireNonNull(description, "description");
        requireNonNull(deal, "deal");
        requireNonNull(outcome, "outcome");
        codes = List.copyOf(codes);
    }

    /**
     * Whether a parsed JSON document is an example rather than a bare deal: it has a {@code deal}
     * member and no {@code dealId} (a deal with a stray {@code deal} member stays a deal, and its
     * reader names the unknown field).
     */
    public static boolean isExample(JsonValue document) {
        return document.getValueType() == JsonValue.ValueType.OBJECT && document.asJsonObject().containsKey("deal")
                && !document.asJsonObject().containsKey("dealId");
    }

    /**
     * Reads an example from a parsed JSON document.
     *
     * @throws InvalidDealException naming the JSON path of the first problem, deal or expectation
     */
    public static PolicyExample read(JsonValue document) throws InvalidDealException {
        JsonObject example = object(document, "");
        unknownMembers(example, "", MEMBERS);
        Deal deal = DealJson.read(required(example, "deal", ""), "/deal");
        JsonObject expect = object(required(example, "expect", ""), "/expect");
        unknownMembers(expect, "/expect", EXPECT_MEMBERS);
        JsonValue path = expect.get("pathToApproval");
        return new PolicyExample(string(required(example, "description", ""), "/description"), deal,
                outcome(required(expect, "outcome", "/expect")), codes(required(expect, "codes", "/expect")),
                path == null ? null : path(path, "/expect/pathToApproval", PATH_MEMBERS));
    }

    /** An expected path to approval: an object with the required members, and only the decision's. */
    private static JsonObject path(JsonValue value, String at, Set<String> members) throws InvalidDealException {
        JsonObject path = object(value, at);
        unknownMembers(path, at, members);
        for (String name : PATH_REQUIRED) {
            required(path, name, at);
        }
        if (path.containsKey("toClose")) {
            path(path.get("toClose"), at + "/toClose", TO_CLOSE_MEMBERS);
        }
        return path;
    }

    private static Outcome outcome(JsonValue value) throws InvalidDealException {
        String text = string(value, "/expect/outcome");
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(text)) {
                return outcome;
            }
        }
        throw new InvalidDealException("/expect/outcome", "expected one of APPROVE, FLAG, REJECT, got \"" + text + "\"");
    }

    private static List<String> codes(JsonValue value) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidDealException("/expect/codes", "expected an array of finding codes");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < value.asJsonArray().size(); i++) {
            codes.add(string(value.asJsonArray().get(i), "/expect/codes/" + i));
        }
        return codes;
    }

    private static JsonObject object(JsonValue value, String path) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidDealException(path, "expected an object");
        }
        return value.asJsonObject();
    }

    private static JsonValue required(JsonObject object, String name, String path) throws InvalidDealException {
        JsonValue value = object.get(name);
        if (value == null) {
            throw new InvalidDealException(path + "/" + name, "required field is missing");
        }
        return value;
    }

    private static String string(JsonValue value, String path) throws InvalidDealException {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidDealException(path, "expected a string");
        }
        return ((JsonString) value).getString();
    }

    private static void unknownMembers(JsonObject object, String path, Set<String> allowed) throws InvalidDealException {
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidDealException(path + "/" + name, "unknown field; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }
}
