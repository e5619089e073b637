package dev.dealdesk.policy.lint;

import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.json.DealSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The safety lint: an allowlist check over the parsed DRL ({@link LintAllowlist}). It runs on every
 * load, before anything is compiled, and refuses any rules file that imports, declares or names
 * something outside the policy, with the file, line and column of each offence.
 */
public final class PolicyLint {

    /**
     * A rules file with its parse tree.
     *
     * @param path  the file's path relative to the rules directory, as problems name it
     * @param text  the file's text, which the tree's offsets point into
     * @param descr the parse tree
     */
    public record ParsedFile(String path, String text, PackageDescr descr) {
    }

    /** Rule metadata values must be string literals: Drools evaluates anything else while compiling. */
    private static final Pattern STRING_LITERALS = Pattern.compile("\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*");

    /** A binding ({@code $x : ...}) and what follows its colon. */
    private static final Pattern BINDING = Pattern.compile("\\s*(\\$?\\w+)\\s*:(?!=)\\s*[\\w$]+\\s*(.{0,2})", Pattern.DOTALL);

    private final List<PolicyProblem> problems = new ArrayList<>();
    private final Set<String> functions = new HashSet<>();
    private CodeLint code;

    private PolicyLint() {
    }

    /**
     * Every safety problem in the policy, in file order.
     *
     * @param files    the policy's files that parse
     * @param allFiles whether those are all its files: when one does not parse, calls to functions no
     *                 parsed file declares are not reported (that file may declare them)
     * @param deal     the deal's schema under this policy, core and custom fields: the names rules may use
     */
    public static List<PolicyProblem> check(List<ParsedFile> files, boolean allFiles, DealSchema deal) {
        PolicyLint lint = new PolicyLint();
        for (ParsedFile parsed : files) {
            parsed.descr().getFunctions().forEach(function -> lint.functions.add(function.getName()));
            parsed.descr().getFunctionImports().forEach(imported ->
                    lint.functions.add(imported.getTarget().substring(imported.getTarget().lastIndexOf('.') + 1)));
        }
        lint.code = new CodeLint(lint.functions, allFiles, deal);
        for (ParsedFile parsed : files) {
            lint.checkFile(parsed);
        }
        RecursionCheck.check(files, lint.problems);
        return List.copyOf(lint.problems);
    }

    private void checkFile(ParsedFile parsed) {
        LintFile at = new LintFile(parsed, problems);
        PackageDescr pkg = parsed.descr();
        if (!LintAllowlist.PACKAGE.equals(pkg.getName())) {
            at.error(pkg, "package must be " + LintAllowlist.PACKAGE + " (all rules files share one package), not " + pkg.getName());
        }
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            if (!LintAllowlist.allowedType(target) && !LintAllowlist.WILDCARD_IMPORTS.contains(target)) {
                at.error(imported, "import of " + target + " is not allowed: rules may use only the fact model, the findings"
                        + " API and JDK value types (see README, \"What rules may use\")");
            }
        }
        for (FunctionImportDescr imported : pkg.getFunctionImports()) {
            if (!LintAllowlist.FUNCTIONS.contains(imported.getTarget())) {
                at.error(imported, "import function " + imported.getTarget() + " is not allowed; allowed: "
                        + String.join(", ", LintAllowlist.FUNCTIONS.stream().sorted().toList()));
            }
        }
        pkg.getAccumulateImports().forEach(imported -> at.error(imported, "import accumulate is not allowed"));
        for (GlobalDescr global : pkg.getGlobals()) {
            if (!global.getIdentifier().equals(LintAllowlist.GLOBAL_NAME) || !global.getType().equals(LintAllowlist.GLOBAL_TYPE)) {
                at.error(global, "global " + global.getType() + " " + global.getIdentifier() + " is not allowed; the only global is "
                        + LintAllowlist.GLOBAL_TYPE + " " + LintAllowlist.GLOBAL_NAME);
            }
        }
        pkg.getTypeDeclarations().forEach(declared -> at.error(declared, "declare is not allowed: the fact model is fixed"));
        pkg.getEnumDeclarations().forEach(declared -> at.error(declared, "declare enum is not allowed: the fact model is fixed"));
        pkg.getEntryPointDeclarations().forEach(declared -> at.error(declared, "entry points are not allowed"));
        pkg.getWindowDeclarations().forEach(declared -> at.error(declared, "windows are not allowed"));
        for (FunctionDescr function : pkg.getFunctions()) {
            checkFunction(at, function);
        }
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(at, rule);
        }
    }

    private void checkFunction(LintFile at, FunctionDescr function) {
        if (LintAllowlist.PACKAGE_ROOTS.contains(function.getName()) || !Character.isLowerCase(function.getName().charAt(0))) {
            at.error(function, "function name " + function.getName() + " is not allowed: start it with a lower-case"
                    + " letter and do not use a package name");
        }
        checkTypeName(at, function, function.getReturnType());
        function.getParameterTypes().forEach(type -> checkTypeName(at, function, type));
        Set<String> names = new HashSet<>(function.getParameterNames());
        int offset = at.text().indexOf(function.getBody(), Math.max(function.getStartCharacter(), 0));
        code.check(at, function.getBody(), offset, names, false, function);
    }

    private void checkRule(LintFile at, RuleDescr rule) {
        if (rule instanceof QueryDescr) {
            at.error(rule, "queries are not allowed");
            return;
        }
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            Object value = annotation.getValue();
            if (!LintAllowlist.ANNOTATIONS.contains(annotation.getName())) {
                at.error(rule, "rule metadata @" + annotation.getName() + " is not allowed; allowed: @code, @concerns,"
                        + " @severity, @approver");
            } else if (!(value instanceof String text) || !STRING_LITERALS.matcher(text.strip()).matches()) {
                // Drools evaluates metadata that is not a literal while it compiles.
                at.error(rule, "rule metadata @" + annotation.getName() + " must be a string literal, such as"
                        + " @" + annotation.getName() + "(\"...\")");
            }
        }
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            if (!LintAllowlist.ATTRIBUTES.contains(attribute.getKey())) {
                at.error(attribute.getValue(), "rule attribute " + attribute.getKey() + " is not allowed; allowed: "
                        + String.join(", ", LintAllowlist.ATTRIBUTES.stream().sorted().toList()));
            } else if (attribute.getKey().equals("salience") && !attribute.getValue().getValue().strip().matches("-?\\d{1,9}")) {
                // Drools evaluates a salience expression at run time: only a number is a number.
                at.error(attribute.getValue(), "salience must be a whole number of at most nine digits, not an expression");
            } else if (attribute.getKey().equals("dialect")
                    && !List.of("java", "mvel").contains(attribute.getValue().getValue().strip())) {
                at.error(attribute.getValue(), "dialect must be \"java\" or \"mvel\"");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            at.error(rule, "named consequences are not allowed: a rule has one then block");
        }
        Set<String> bound = new HashSet<>();
        List<Runnable> conditionChecks = new ArrayList<>();
        collect(at, rule.getLhs(), bound, conditionChecks);
        conditionChecks.forEach(Runnable::run);
        String consequence = String.valueOf(rule.getConsequence());
        int offset = at.text().indexOf(consequence, Math.max(rule.getStartCharacter(), 0));
        code.check(at, consequence, offset, new HashSet<>(bound), false, rule);
    }

    /** Walks the conditions, gathering bindings first so each check sees every name bound in the rule. */
    private void collect(LintFile at, BaseDescr descr, Set<String> bound, List<Runnable> checks) {
        if (descr instanceof PatternDescr pattern) {
            checkTypeName(at, pattern, pattern.getObjectType());
            if (!pattern.getAnnotations().isEmpty()) {
                at.error(pattern, "annotations on patterns are not allowed");
            }
            if (pattern.getIdentifier() != null) {
                bound.add(pattern.getIdentifier());
            }
            bound.addAll(pattern.getAllBoundIdentifiers());
            for (String name : pattern.getAllBoundIdentifiers()) {
                if (!Character.isLowerCase(name.charAt(0)) && !name.startsWith("$") || LintAllowlist.PACKAGE_ROOTS.contains(name)) {
                    at.error(pattern, "a binding may not be named " + name);
                }
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                collect(at, constraint, bound, checks);
            }
            if (pattern.getSource() != null) {
                collect(at, pattern.getSource(), bound, checks);
            }
        } else if (descr instanceof ExprConstraintDescr constraint) {
            checkBinding(at, constraint);
            checks.add(() -> code.check(at, constraint.getExpression(), constraint.getStartCharacter(), bound, true, constraint));
        } else if (descr instanceof FromDescr from) {
            checks.add(() -> code.check(at, from.getExpression(), at.find(from.getExpression(), from), bound, true, from));
        } else if (descr instanceof EvalDescr eval) {
            String content = String.valueOf(eval.getContent());
            checks.add(() -> code.check(at, content, at.find(content, eval), bound, true, eval));
        } else if (descr instanceof AccumulateDescr accumulate) {
            if (!accumulate.isExternalFunction()) {
                at.error(accumulate, "inline accumulate code is not allowed; use count, sum, min, max, average, collectList or collectSet");
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!LintAllowlist.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    at.error(accumulate, "accumulate function " + function.getFunction() + " is not allowed");
                }
                if (function.getBind() != null) {
                    bound.add(function.getBind());
                }
                for (String parameter : function.getParams()) {
                    checks.add(() -> code.check(at, parameter, at.find(parameter, accumulate), bound, true, accumulate));
                }
            }
            if (accumulate.getInput() != null) {
                collect(at, accumulate.getInput(), bound, checks);
            }
        } else if (descr instanceof CollectDescr collected) {
            collect(at, collected.getInputPattern(), bound, checks);
        } else if (descr instanceof EntryPointDescr entryPoint) {
            at.error(entryPoint, "entry points are not allowed");
        } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                collect(at, child, bound, checks);
            }
        } else if (descr != null) {
            // An allowlist: a construct this check does not know is refused, not waved through.
            at.error(descr, descr.getClass().getSimpleName().replace("Descr", "") + " is not allowed in rules");
        }
    }

    /**
     * A binding names a field of its pattern ({@code $proof : valueProof}), not a path or a call
     * ({@code $arr : seller.arr}): Drools evaluates such a binding in MVEL at every use and binds a
     * nested {@code double} as a {@code float}, so a value near a threshold would change.
     */
    private static void checkBinding(LintFile at, ExprConstraintDescr constraint) {
        Matcher binding = BINDING.matcher(constraint.getExpression());
        String next = binding.lookingAt() ? binding.group(2) : "";
        if (next.startsWith(".") || next.startsWith("(") || next.startsWith("[") || next.startsWith("#") || next.equals("!.")) {
            at.error(constraint, binding.group(1) + " binds a path or a call: bind a field of the pattern"
                    + " (like $proof : valueProof) and read nested values in the then block; Drools re-evaluates"
                    + " such a binding at every use and binds a nested decimal as a float");
        }
    }

    private void checkTypeName(LintFile at, BaseDescr where, String type) {
        if (type == null) {
            return;
        }
        // Every type named, type arguments included: List<java.io.File> names java.io.File.
        for (String part : type.split("[<>,\\[\\]\\s?]+")) {
            String name = part.strip();
            if (name.isEmpty() || name.equals("extends") || name.equals("super")) {
                continue;
            }
            boolean primitive = Set.of("int", "long", "double", "float", "boolean", "char", "short", "byte", "void").contains(name);
            if (!primitive && !LintAllowlist.TYPES.containsKey(name) && !LintAllowlist.allowedType(name)) {
                at.error(where, "type " + name + " is not allowed in rules");
            }
        }
    }

}
