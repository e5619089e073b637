package dev.dealdesk.policy.compiled;

import dev.dealdesk.policy.RuleMetadata;
import dev.dealdesk.policy.lint.PolicyLint;
import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.json.DealSchema;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyProblem.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles rules files into a Drools KieBase on the classic DRL path, and checks what the engine
 * relies on: every rule carries valid metadata, rule names are unique, and the policy declares the
 * {@code findings} global. Every problem is collected with its file and line before failing.
 */
final class PolicyCompiler {


    private static final Pattern BROKEN_FUNCTION = Pattern.compile("\\[ function (\\w+) \\(line:\\d+\\)");
    /** The longest compiler message kept whole. */
    private static final int MAX_MESSAGE = 500;
    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine:? (\\d+)(?::|, [Cc]olumn:) ?(\\d+)");

    private PolicyCompiler() {
    }

    /** A compiled KieBase with its checked rule metadata, where each rule is, and the compiler's warnings. */
    record Compiled(KieBase kieBase, Map<String, RuleMetadata> rules, List<PolicyRule> located,
                    List<PolicyProblem> warnings, CustomFieldsSchema customFields) {
    }

    /**
     * Parses, lints and checks the rules, then compiles them, or takes the compiled policy of the
     * same version from {@code cache} (a folder, or {@code null} for none) and keeps it there after
     * compiling.
     */
    static Compiled compile(PolicySource source, Path cache) throws PolicyLoadException {
        // The compiled policy of these files is read from the cache while the rules are parsed and
        // linted, and used only once they pass.
        CompletableFuture<KieBase> cached = cache == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> PolicyCache.load(cache, source)).exceptionally(unreadable -> null);
        List<PolicyProblem> problems = new ArrayList<>();
        int before = problems.size();
        CustomFieldsSchema customFields = customFields(source, problems);
        // A refused declaration leaves custom names unchecked rather than reporting each as unknown.
        DealSchema deal = problems.size() > before ? DealSchema.deal() : customFields.dealSchema();
        List<PolicyLint.ParsedFile> parsed = new ArrayList<>();
        for (PolicySource.RuleFile file : source.ruleFiles()) {
            PackageDescr descr = parse(file, problems);
            if (descr != null) {
                parsed.add(new PolicyLint.ParsedFile(file.path(), file.text(), descr));
            }
        }
        // Nothing is compiled unless every file parses and the whole policy passes the safety lint.
        problems.addAll(PolicyLint.check(parsed, parsed.size() == source.ruleFiles().size(), deal));
        Map<String, PolicyChecks.RuleLocation> locations = new HashMap<>();
        List<PolicyProblem> metadataProblems = new ArrayList<>();
        Map<String, RuleMetadata> rules = PolicyChecks.rules(parsed, locations, problems, metadataProblems);
        if (parsed.size() == source.ruleFiles().size() && !PolicyChecks.namesOwnershipModel(parsed)) {
            problems.add(PolicyProblem.error("", 0, "no rule names the ownership model:"
                    + " every decision needs one, so a rule must call findings.ownershipModel(kcontext, model, message, ...)"));
        }
        // Bad metadata does not stop the compiler, so one run reports it together with type errors.
        boolean compilable = problems.isEmpty();
        problems.addAll(metadataProblems);
        if (!compilable) {
            throw failure(problems);
        }
        KieBase kieBase = cached.join();
        if (kieBase == null) {
            kieBase = buildWithinTheStack(parsed, problems);
            if (kieBase != null && cache != null) {
                PolicyCache.store(cache, source, kieBase);
            }
        }
        PolicyChecks.findingsGlobal(kieBase, source, problems);
        if (problems.stream().anyMatch(problem -> problem.level() == Level.ERROR)) {
            throw failure(problems);
        }
        List<PolicyRule> located = rules.entrySet().stream()
                .map(rule -> new PolicyRule(rule.getKey(), rule.getValue().code(),
                        locations.get(rule.getKey()).file(), locations.get(rule.getKey()).line()))
                .sorted(Comparator.comparing(PolicyRule::file).thenComparingInt(PolicyRule::line))
                .toList();
        return new Compiled(kieBase, Map.copyOf(rules), located, sorted(problems), customFields);
    }

    /** The policy's custom fields, or none when it declares none or the declaration is refused (a problem then). */
    private static CustomFieldsSchema customFields(PolicySource source, List<PolicyProblem> problems) {
        try {
            return source.customFields().map(CustomFieldsSchema::parse).orElse(CustomFieldsSchema.NONE);
        } catch (IllegalArgumentException refused) {
            problems.add(PolicyProblem.error(CustomFieldsSchema.FILE, 0, refused.getMessage()));
            return CustomFieldsSchema.NONE;
        }
    }

    /**
     * As {@link #build}, turning a stack the compiler ran out of (rules nested thousands deep, which
     * the parser accepts) into a problem of the policy rather than an Error out of the engine.
     */
    private static KieBase buildWithinTheStack(List<PolicyLint.ParsedFile> parsed, List<PolicyProblem> problems) {
        try {
            return build(parsed, problems);
        } catch (RuntimeException | StackOverflowError failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof StackOverflowError) {
                    problems.add(PolicyProblem.error("", 0, "the rules are nested too deeply to compile (the stack ran out):"
                            + " reduce the parentheses, brackets or blocks within one another"));
                    return null;
                }
            }
            throw failure;
        }
    }

    /** Compiles the parsed files into a KieBase, adding the compiler's problems; null when it has errors. */
    private static KieBase build(List<PolicyLint.ParsedFile> parsed, List<PolicyProblem> problems) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem();
        Map<String, String> kiePaths = new HashMap<>();
        for (PolicyLint.ParsedFile file : parsed) {
            // A path whose folder matches the DRL package keeps Drools from warning once per file.
            String resource = file.descr().getNamespace().replace('.', '/') + "/" + file.path().replace('/', '_');
            kiePaths.put(resource, file.path());
            files.write("src/main/resources/" + resource, file.text());
        }
        ReleaseId release = kie.newReleaseId("dev.dealdesk.policy", "policy-" + UUID.randomUUID(), "1");
        files.generateAndWritePomXML(release);
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<PolicyProblem> compiled = new ArrayList<>();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR || message.getLevel() == Message.Level.WARNING) {
                compiled.add(problem(message, kiePaths));
            }
        }
        problems.addAll(withoutCascade(compiled));
        if (compiled.stream().anyMatch(problem -> problem.level() == Level.ERROR)) {
            return null;
        }
        try {
            return kie.newKieContainer(release).newKieBase(kieBaseConfiguration());
        } finally {
            kie.getRepository().removeKieModule(release);
        }
    }

    /**
     * How every KieBase of a policy is built: immutable, since a new policy is a new KieBase, which
     * spares each insert and delete a check for queued changes.
     */
    static KieBaseConfiguration kieBaseConfiguration() {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    private static PackageDescr parse(PolicySource.RuleFile file, List<PolicyProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            problems.add(PolicyProblem.error(file.path(), 0, brief(e.getMessage())));
            return null;
        } catch (StackOverflowError e) {
            // The DRL parser descends once per nesting level: thousands of nested parentheses exhaust
            // the stack. The frames are gone once caught, so it is a problem of this file like any other.
            problems.add(PolicyProblem.error(file.path(), 0,
                    "nested too deeply to parse: reduce the parentheses, brackets or blocks within one another"));
            return null;
        }
        if (parser.hasErrors()) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError located ? located.getRow() : 0;
                int column = error instanceof ParserError located ? located.getCol() + 1 : 0;
                problems.add(new PolicyProblem(file.path(), line, line > 0 ? column : 0, Level.ERROR, brief(error.getMessage())));
            }
            return null;
        }
        if (parsed == null || parsed.getNamespace() == null || parsed.getNamespace().isEmpty()) {
            problems.add(PolicyProblem.error(file.path(), 1, "missing package declaration, such as: package dealdesk.policy;"));
            return null;
        }
        return parsed;
    }

    /**
     * Drops the errors a broken function causes elsewhere. A function that does not compile makes
     * every rule of the package fail to import it, so a missing semicolon in one threshold would
     * otherwise be reported once per rule; the function's own error says all there is to fix.
     */
    private static List<PolicyProblem> withoutCascade(List<PolicyProblem> problems) {
        Set<String> broken = new HashSet<>();
        for (PolicyProblem problem : problems) {
            Matcher function = BROKEN_FUNCTION.matcher(problem.message());
            if (function.find()) {
                // Drools prints the name twice: "function fooBar fooBar (line:10)" without the space.
                String doubled = function.group(1);
                broken.add(doubled.length() % 2 == 0 && doubled.substring(0, doubled.length() / 2)
                        .equals(doubled.substring(doubled.length() / 2)) ? doubled.substring(0, doubled.length() / 2) : doubled);
            }
        }
        if (broken.isEmpty()) {
            return problems;
        }
        List<PolicyProblem> causes = new ArrayList<>();
        for (PolicyProblem problem : problems) {
            Matcher function = BROKEN_FUNCTION.matcher(problem.message());
            if (function.find()) {
                String name = broken.stream().filter(function.group(1)::startsWith).findFirst().orElse(function.group(1));
                String reason = problem.message().substring(function.end()).replaceFirst("^:\\s*", "").replaceFirst("\\s*]$", "");
                causes.add(new PolicyProblem(problem.file(), problem.line(), problem.column(), problem.level(),
                        "function " + name + ": " + reason));
            } else if (broken.stream().noneMatch(name -> problem.message().contains(name)
                    || problem.message().contains(Character.toUpperCase(name.charAt(0)) + name.substring(1)))) {
                causes.add(problem);
            }
        }
        return causes;
    }

    private static PolicyProblem problem(Message message, Map<String, String> kiePaths) {
        String file = message.getPath() == null ? "" : kiePaths.getOrDefault(message.getPath(), message.getPath());
        String text = message.getText() == null ? "" : message.getText().strip();
        int line = message.getLine();
        int column = message.getColumn();
        Matcher at = LINE_COLUMN.matcher(text);
        if (at.find()) {
            line = line > 0 ? line : Integer.parseInt(at.group(1));
            column = column > 0 ? column : Integer.parseInt(at.group(2)) + 1;
        }
        Level level = message.getLevel() == Message.Level.ERROR ? Level.ERROR : Level.WARNING;
        return new PolicyProblem(file, Math.max(line, 0), Math.max(column, 0), level, brief(text.replaceAll("\\s+", " ")));
    }

    /**
     * A compiler message cut to a readable length: Drools quotes the text it stumbled on, which can
     * be a whole file.
     */
    private static String brief(String message) {
        String text = String.valueOf(message);
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "... (" + text.length() + " characters)";
    }

    private static PolicyLoadException failure(List<PolicyProblem> problems) {
        return new PolicyLoadException(sorted(problems));
    }

    private static List<PolicyProblem> sorted(List<PolicyProblem> problems) {
        return problems.stream()
                .sorted(Comparator.comparing(PolicyProblem::file).thenComparingInt(PolicyProblem::line)
                        .thenComparingInt(PolicyProblem::column))
                .toList();
    }

}
