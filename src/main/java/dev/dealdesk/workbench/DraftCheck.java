package dev.dealdesk.workbench;

import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.audit.WhatIfJson;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.json.PolicyStatusJson;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.policy.examples.PolicyTester;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a draft against the live policy without touching it: the live policy's files are copied
 * into a temporary folder, the draft's threshold values and files applied there, and that folder
 * read, linted and compiled as any rules directory is; the golden examples are run against it and
 * what-if compares it with every logged decision, as {@code dealdesk what-if} does. The folder is
 * deleted before the answer is given. One check at a time is the caller's to ensure.
 */
final class DraftCheck {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Changed decisions listed in the answer at most; the counts cover all of them. */
    static final int LISTED = 1_000;

    private DraftCheck() {
    }

    /**
     * The answer to {@code draft}: {@code compiles}, {@code problems} (each {@code file:line:column}),
     * {@code files} (those the draft changes, with their text, to download), and once it compiles its
     * {@code version}, {@code examples} and {@code whatIf}.
     *
     * @param log      the logged decisions what-if reads, or {@code null} for none
     * @param examples the golden examples, or {@code null} for none
     * @throws Refusal when a threshold edit names no threshold or is not a number
     */
    static JsonObject run(Draft draft, CompiledPolicy live, WhatIf.Source log, Path examples) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        live.source().files().forEach(file -> texts.put(file.path(), file.text()));
        Map<String, String> changed = new LinkedHashMap<>();
        if (!draft.thresholds().isEmpty()) {
            String thresholds = texts.get(Thresholds.FILE);
            if (thresholds == null) {
                throw Refusal.badInput("invalid-draft", "/thresholds", "the live policy has no " + Thresholds.FILE);
            }
            changed.put(Thresholds.FILE, Thresholds.apply(thresholds, draft.thresholds()));
        }
        changed.putAll(draft.files());
        texts.putAll(changed);
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("files", files(changed, live));
        Path folder = Files.createTempDirectory("dealdesk-draft");
        try {
            for (Map.Entry<String, String> file : texts.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalStateException("a policy file outside its folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            CompiledPolicy candidate;
            try {
                candidate = CompiledPolicy.compile(PolicySource.read(folder));
            } catch (PolicyLoadException e) {
                String thresholds = changed.get(Thresholds.FILE);
                List<PolicyProblem> problems = thresholds == null ? e.problems() : e.problems().stream()
                        .map(problem -> Thresholds.located(problem, thresholds, draft.thresholds().keySet())).toList();
                return answer.add("compiles", false).add("problems", PolicyStatusJson.problems(problems)).build();
            }
            String version = candidate.version().version();
            answer.add("compiles", true).add("version", version).add("problems", PolicyStatusJson.problems(candidate.warnings()));
            answer.add("examples", examples(candidate, examples));
            if (log == null) {
                answer.addNull("whatIf");
            } else {
                long start = System.nanoTime();
                WhatIf.Report report = WhatIf.run(log, candidate);
                long millis = (System.nanoTime() - start) / 1_000_000;
                answer.add("whatIf", WhatIfJson.of(report, version, LISTED)
                        .add("changeCount", report.changes().size())
                        .add("flipCount", report.changes().stream().filter(change -> !change.from().equals(change.to())).count())
                        .add("errors", JSON.createArrayBuilder(report.errors().stream().limit(20).toList()))
                        .add("errorCount", report.errors().size())
                        .add("millis", millis));
            }
            return answer.build();
        } finally {
            delete(folder);
        }
    }

    /** The files the draft changes, each {@code edited} (a threshold), {@code replaced} or {@code added}. */
    private static JsonArrayBuilder files(Map<String, String> changed, CompiledPolicy live) {
        JsonArrayBuilder files = JSON.createArrayBuilder();
        changed.forEach((name, text) -> {
            boolean existed = live.source().files().stream().anyMatch(file -> file.path().equals(name));
            String change = !existed ? "added" : name.equals(Thresholds.FILE) ? "edited" : "replaced";
            files.add(JSON.createObjectBuilder().add("name", name).add("change", change).add("text", text));
        });
        return files;
    }

    private static JsonObject examples(CompiledPolicy candidate, Path examples) throws IOException {
        if (examples == null || !Files.isDirectory(examples)) {
            return JSON.createObjectBuilder().add("configured", false).build();
        }
        PolicyTester.Report report = PolicyTester.run(candidate, examples);
        JsonArrayBuilder failures = JSON.createArrayBuilder();
        report.results().stream().filter(result -> !result.passed())
                .forEach(result -> failures.add(JSON.createObjectBuilder().add("file", result.file())
                        .add("explanation", result.explanation())));
        return JSON.createObjectBuilder().add("configured", true).add("directory", examples.toString())
                .add("passed", report.passed()).add("failed", report.failed()).add("failures", failures).build();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
