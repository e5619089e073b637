package dev.dealdesk.workbench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.json.PolicyStatusJson;
import dev.dealdesk.policy.RuleMetadata;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicyRule;
import dev.dealdesk.policy.compiled.PolicySource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy page's data: the live policy's status (version, when it went live, the last reload
 * attempt and its problems), every rule grouped by its file with its metadata, where it is written
 * and how many logged decisions it fired in, and every threshold. Stateless.
 */
final class PolicyOverview {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PolicyOverview() {
    }

    /**
     * @param index    the audit log's index, or {@code null} when the engine keeps no log
     * @param reading  whether the log is still being read: the counts are of the records read so far
     * @param examples the golden examples drafts are tested against, or {@code null}
     */
    static JsonObject of(DealDesk engine, LogIndex index, boolean reading, Path examples) {
        CompiledPolicy live = engine.livePolicy();
        Map<String, Long> fired = index == null ? Map.of() : index.firedIn();
        JsonArrayBuilder files = JSON.createArrayBuilder();
        for (PolicySource.RuleFile file : live.source().ruleFiles()) {
            List<PolicyRule> rules = live.rules().stream().filter(rule -> rule.file().equals(file.path())).toList();
            if (rules.isEmpty()) {
                continue;
            }
            JsonArrayBuilder described = JSON.createArrayBuilder();
            rules.forEach(rule -> described.add(rule(rule, live.metadata(rule), fired.getOrDefault(rule.name(), 0L))));
            files.add(JSON.createObjectBuilder().add("file", file.path()).add("about", about(file.text()))
                    .add("rules", described));
        }
        JsonObjectBuilder log = JSON.createObjectBuilder().add("present", index != null);
        if (index != null) {
            log.add("records", index.records()).add("unreadable", index.unreadable()).add("reading", reading);
        }
        JsonObjectBuilder tested = JSON.createObjectBuilder().add("configured", examples != null);
        if (examples != null) {
            tested.add("directory", examples.toString());
        }
        return JSON.createObjectBuilder()
                .add("status", PolicyStatusJson.toJson(engine.status()))
                .add("ruleCount", live.rules().size())
                .add("files", files)
                .add("thresholds", thresholds(live))
                .add("log", log)
                .add("examples", tested)
                .build();
    }

    private static JsonObject rule(PolicyRule rule, RuleMetadata metadata, long firedIn) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("name", rule.name()).add("code", rule.code())
                .add("file", rule.file()).add("line", rule.line()).add("firedIn", firedIn);
        if (metadata != null) {
            json.add("severity", metadata.severity().name()).add("concerns", JSON.createArrayBuilder(metadata.concerns()));
            if (metadata.approver() == null) {
                json.addNull("approver");
            } else {
                json.add("approver", metadata.approver().name());
            }
        }
        return json.build();
    }

    /** The thresholds of the live policy's {@code thresholds.drl}, with the file's name; none when it has no such file. */
    private static JsonObject thresholds(CompiledPolicy live) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        String text = live.source().ruleFiles().stream().filter(file -> file.path().equals(Thresholds.FILE))
                .map(PolicySource.RuleFile::text).findFirst().orElse("");
        for (Thresholds.Threshold threshold : Thresholds.read(text)) {
            items.add(JSON.createObjectBuilder().add("name", threshold.name()).add("type", threshold.type())
                    .add("value", threshold.value()).add("comment", threshold.comment()).add("section", threshold.section())
                    .add("line", threshold.line()));
        }
        return JSON.createObjectBuilder().add("file", Thresholds.FILE).add("items", items).build();
    }

    /** The comment a rules file opens with, before its {@code package} line: what mechanic or failure mode it encodes. */
    static String about(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("//")) {
                lines.add(stripped.substring(2).strip());
            } else if (!stripped.isEmpty()) {
                break;
            }
        }
        return String.join(" ", lines);
    }
}
