package dev.dealdesk.workbench;

import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.compiled.PolicySource;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A change to the live policy as the workbench posts it:
 * {@code {"thresholds": {"<name>": <number>, ...}, "files": [{"name": "x.drl", "text": "..."}]}}, both
 * optional. A threshold's value is a number, or a string holding one; a file's name is a plain
 * {@code *.drl} name (no folder, not hidden) and its text at most {@link PolicySource#MAX_FILE_BYTES}.
 * Immutable.
 *
 * @param thresholds threshold name to its new value, in the order given
 * @param files      rules files to add or replace: name to text, in the order given
 */
record Draft(Map<String, String> thresholds, Map<String, String> files) {

    /** Files one draft may add or replace. */
    static final int MAX_FILES = 20;

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.drl");
    private static final String KIND = "invalid-draft";

    Draft {
        thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * Reads a posted draft.
     *
     * @throws Refusal naming the JSON path of what is wrong and what was expected
     */
    static Draft read(byte[] body) {
        JsonValue document;
        try {
            document = StrictJson.parse(body);
        } catch (InvalidDealException e) {
            throw Refusal.badInput(KIND, e.path(), e.problem());
        }
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Refusal.badInput(KIND, "", "expected a draft: an object with thresholds and files");
        }
        JsonObject draft = document.asJsonObject();
        for (String member : draft.keySet()) {
            if (!Set.of("thresholds", "files").contains(member)) {
                throw Refusal.badInput(KIND, "/" + member.replace("~", "~0").replace("/", "~1"),
                        "unknown member; expected thresholds or files");
            }
        }
        return new Draft(thresholds(draft.get("thresholds")), files(draft.get("files")));
    }

    private static Map<String, String> thresholds(JsonValue value) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        if (!given(value, JsonValue.ValueType.OBJECT, "/thresholds", "expected an object of threshold names and numbers")) {
            return thresholds;
        }
        value.asJsonObject().forEach((name, given) -> {
            String text = switch (given.getValueType()) {
                case NUMBER -> ((JsonNumber) given).bigDecimalValue().toPlainString();
                case STRING -> ((JsonString) given).getString().strip();
                default -> throw Refusal.badInput(KIND, Thresholds.pointer(name), "expected a number, got " + given);
            };
            thresholds.put(name, text);
        });
        return thresholds;
    }

    private static Map<String, String> files(JsonValue value) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!given(value, JsonValue.ValueType.ARRAY, "/files", "expected an array of {name, text}")) {
            return files;
        }
        List<JsonValue> given = new ArrayList<>(value.asJsonArray());
        if (given.size() > MAX_FILES) {
            throw Refusal.badInput(KIND, "/files", "a draft may add or replace at most " + MAX_FILES + " files, got " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            String at = "/files/" + i;
            if (given.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw Refusal.badInput(KIND, at, "expected an object {name, text}");
            }
            JsonObject file = given.get(i).asJsonObject();
            for (String member : file.keySet()) {
                if (!member.equals("name") && !member.equals("text")) {
                    throw Refusal.badInput(KIND, at + "/" + member.replace("~", "~0").replace("/", "~1"),
                            "unknown member; expected name and text");
                }
            }
            String name = string(file, "name", at);
            String text = string(file, "text", at);
            if (!FILE_NAME.matcher(name).matches()) {
                throw Refusal.badInput(KIND, at + "/name", "expected a plain rules file name such as finance-terms.drl"
                        + " (letters, digits, - and _, ending in .drl; no folders, not hidden), got \"" + name + "\"");
            }
            if (files.containsKey(name)) {
                throw Refusal.badInput(KIND, at + "/name", "the draft names " + name + " twice");
            }
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > PolicySource.MAX_FILE_BYTES) {
                throw Refusal.badInput(KIND, at + "/text", "a rules file may hold at most " + PolicySource.MAX_FILE_BYTES
                        + " bytes, this one " + bytes);
            }
            files.put(name, text);
        }
        return files;
    }

    /** Whether {@code value} is given: absent or null is not, and a value of another type is refused at {@code path}. */
    private static boolean given(JsonValue value, JsonValue.ValueType type, String path, String expected) {
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value.getValueType() != type) {
            throw Refusal.badInput(KIND, path, expected);
        }
        return true;
    }

    private static String string(JsonObject file, String member, String at) {
        JsonValue value = file.get(member);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw Refusal.badInput(KIND, at + "/" + member, "expected a string");
        }
        return ((JsonString) value).getString();
    }
}
