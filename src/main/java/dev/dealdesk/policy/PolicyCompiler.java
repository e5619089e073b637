package dev.dealdesk.policy;

import dev.dealdesk.PolicyLoadException;
import dev.dealdesk.PolicyProblem;
import dev.dealdesk.PolicyProblem.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles rules files into a Drools KieBase on the classic DRL path, and checks what the engine
 * relies on: every rule carries valid metadata, rule names are unique, and the policy declares the
 * {@code findings} global. Every problem is collected with its file and line before failing.
 */
final class PolicyCompiler {

    static final String FINDINGS_GLOBAL = "findings";

    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine:? (\\d+)(?::|, [Cc]olumn:) ?(\\d+)");

    private PolicyCompiler() {
    }

    /** A compiled KieBase with its checked rule metadata. */
    record Compiled(KieBase kieBase, Map<String, RuleMetadata> rules) {
    }

    static Compiled compile(PolicySource source) throws PolicyLoadException {
        List<PolicyProblem> problems = new ArrayList<>();
        List<PolicyLint.ParsedFile> parsed = new ArrayList<>();
        for (PolicySource.RuleFile file : source.files()) {
            PackageDescr descr = parse(file, problems);
            if (descr != null) {
                parsed.add(new PolicyLint.ParsedFile(file, descr));
            }
        }
        // Nothing is compiled until the whole policy passes the safety lint.
        problems.addAll(PolicyLint.check(parsed));
        Map<String, RuleLocation> locations = new HashMap<>();
        for (PolicyLint.ParsedFile file : parsed) {
            for (RuleDescr rule : file.descr().getRules()) {
                RuleLocation previous = locations.putIfAbsent(rule.getName(), new RuleLocation(file.file().path(), rule.getLine()));
                if (previous != null) {
                    problems.add(PolicyProblem.error(file.file().path(), rule.getLine(), "rule \"" + rule.getName()
                            + "\" is already defined at " + previous.file() + ":" + previous.line()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw sortedFailure(problems);
        }
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem();
        Map<String, String> kiePaths = new HashMap<>();
        for (PolicyLint.ParsedFile file : parsed) {
            // A path whose folder matches the DRL package keeps Drools from warning once per file.
            String resource = file.descr().getNamespace().replace('.', '/') + "/" + file.file().path().replace('/', '_');
            kiePaths.put(resource, file.file().path());
            files.write("src/main/resources/" + resource, file.file().text());
        }
        ReleaseId release = kie.newReleaseId("dev.dealdesk.policy", "policy-" + UUID.randomUUID(), "1");
        files.generateAndWritePomXML(release);
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR || message.getLevel() == Message.Level.WARNING) {
                problems.add(problem(message, kiePaths));
            }
        }
        if (problems.stream().anyMatch(problem -> problem.level() == Level.ERROR)) {
            throw sortedFailure(problems);
        }
        KieBase kieBase;
        try {
            kieBase = kie.newKieContainer(release).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(release);
        }
        Map<String, RuleMetadata> rules = checkRules(kieBase, locations, problems);
        checkFindingsGlobal(kieBase, source, problems);
        if (!problems.isEmpty()) {
            throw sortedFailure(problems);
        }
        return new Compiled(kieBase, Map.copyOf(rules));
    }

    private static PackageDescr parse(PolicySource.RuleFile file, List<PolicyProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            problems.add(PolicyProblem.error(file.path(), 0, e.getMessage()));
            return null;
        }
        if (parser.hasErrors()) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError located ? located.getRow() : 0;
                int column = error instanceof ParserError located ? located.getCol() + 1 : 0;
                problems.add(new PolicyProblem(file.path(), line, line > 0 ? column : 0, Level.ERROR, error.getMessage()));
            }
            return null;
        }
        if (parsed == null || parsed.getNamespace() == null || parsed.getNamespace().isEmpty()) {
            problems.add(PolicyProblem.error(file.path(), 1, "missing package declaration, such as: package dealdesk.policy;"));
            return null;
        }
        return parsed;
    }

    private static Map<String, RuleMetadata> checkRules(KieBase kieBase, Map<String, RuleLocation> locations,
                                                        List<PolicyProblem> problems) {
        Map<String, RuleMetadata> rules = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleLocation at = locations.getOrDefault(rule.getName(), new RuleLocation("", 0));
                RuleMetadata.Parsed parsed = RuleMetadata.parse(rule.getMetaData());
                for (String problem : parsed.problems()) {
                    problems.add(PolicyProblem.error(at.file(), at.line(), "rule \"" + rule.getName() + "\": " + problem));
                }
                if (parsed.metadata() != null) {
                    rules.put(rule.getName(), parsed.metadata());
                }
            }
        }
        return rules;
    }

    private static void checkFindingsGlobal(KieBase kieBase, PolicySource source, List<PolicyProblem> problems) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if (global.getName().equals(FINDINGS_GLOBAL) && global.getType().equals(Findings.class.getName())) {
                    return;
                }
            }
        }
        problems.add(PolicyProblem.error(source.files().get(0).path(), 0,
                "the policy must declare: global " + Findings.class.getName() + " " + FINDINGS_GLOBAL + ";"));
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
        return new PolicyProblem(file, Math.max(line, 0), Math.max(column, 0), level, text.replaceAll("\\s+", " "));
    }

    private static PolicyLoadException sortedFailure(List<PolicyProblem> problems) {
        return new PolicyLoadException(problems.stream()
                .sorted(Comparator.comparing(PolicyProblem::file).thenComparingInt(PolicyProblem::line)
                        .thenComparingInt(PolicyProblem::column))
                .toList());
    }

    private record RuleLocation(String file, int line) {
    }
}
