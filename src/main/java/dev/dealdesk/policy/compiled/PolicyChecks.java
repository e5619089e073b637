package dev.dealdesk.policy.compiled;

import dev.dealdesk.policy.Findings;
import dev.dealdesk.policy.RuleMetadata;
import dev.dealdesk.policy.lint.PolicyLint;
import dev.dealdesk.decision.PolicyProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;

/**
 * What the policy as a whole must hold beyond each file's lint: every rule's metadata, one meaning per
 * code, a rule that names the ownership model, and the {@code findings} global.
 */
final class PolicyChecks {

    /** Where a rule is defined. */
    record RuleLocation(String file, int line) {
    }

    private PolicyChecks() {
    }

    /**
     * Reads every rule's metadata from the parse tree, and finds rule names used twice and a code
     * whose rules disagree on what it means (its severity, approver or concerns).
     */
    static Map<String, RuleMetadata> rules(List<PolicyLint.ParsedFile> parsed,
                                                        Map<String, RuleLocation> locations,
                                                        List<PolicyProblem> duplicates,
                                                        List<PolicyProblem> problems) {
        Map<String, RuleMetadata> rules = new HashMap<>();
        Map<String, String> firstOfCode = new HashMap<>();
        for (PolicyLint.ParsedFile file : parsed) {
            for (RuleDescr rule : file.descr().getRules()) {
                String path = file.path();
                RuleLocation previous = locations.putIfAbsent(rule.getName(), new RuleLocation(path, rule.getLine()));
                if (previous != null) {
                    duplicates.add(PolicyProblem.error(path, rule.getLine(), "rule \"" + rule.getName()
                            + "\" is already defined at " + previous.file() + ":" + previous.line()));
                    continue;
                }
                Map<String, Object> metadata = new HashMap<>();
                for (AnnotationDescr annotation : rule.getAnnotations()) {
                    metadata.put(annotation.getName(), annotation.getValue());
                }
                RuleMetadata.Parsed checked = RuleMetadata.parse(metadata);
                for (String problem : checked.problems()) {
                    problems.add(PolicyProblem.error(path, rule.getLine(), "rule \"" + rule.getName() + "\": " + problem));
                }
                if (checked.metadata() != null) {
                    rules.put(rule.getName(), checked.metadata());
                    String first = firstOfCode.putIfAbsent(checked.metadata().code(), rule.getName());
                    if (first != null && !rules.get(first).equals(checked.metadata())) {
                        RuleLocation at = locations.get(first);
                        problems.add(PolicyProblem.error(path, rule.getLine(), "rule \"" + rule.getName() + "\" reports "
                                + checked.metadata().code() + " with other metadata than rule \"" + first + "\" at "
                                + at.file() + ":" + at.line() + ": a code is one kind of finding, with one severity, "
                                + "approver and concerns"));
                    }
                }
            }
        }
        return rules;
    }

    /** Whether some rule names the deal's ownership model, as every decision needs. */
    static boolean namesOwnershipModel(List<PolicyLint.ParsedFile> parsed) {
        return parsed.stream().flatMap(file -> file.descr().getRules().stream())
                .anyMatch(rule -> String.valueOf(rule.getConsequence()).contains(Findings.GLOBAL + ".ownershipModel("));
    }

    /** Adds a problem unless the compiled policy declares the {@code findings} global. */
    static void findingsGlobal(KieBase kieBase, PolicySource source, List<PolicyProblem> problems) {
        if (kieBase == null) {
            return;
        }
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if (global.getName().equals(Findings.GLOBAL) && global.getType().equals(Findings.class.getName())) {
                    return;
                }
            }
        }
        problems.add(PolicyProblem.error(source.files().get(0).path(), 0,
                "the policy must declare: global " + Findings.class.getName() + " " + Findings.GLOBAL + ";"));
    }
}
