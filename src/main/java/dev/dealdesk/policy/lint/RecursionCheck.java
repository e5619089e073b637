package dev.dealdesk.policy.lint;

import dev.dealdesk.decision.PolicyProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.FunctionDescr;

/**
 * Refuses recursion among the policy's functions: a function that calls itself, directly or
 * through others, can run as deep and as long as its argument asks ({@code fib(70)}), and rules
 * have no loops for the same reason. Functions of all files share one package, so calls are
 * followed across files.
 */
final class RecursionCheck {

    private record Function(LintFile file, FunctionDescr descr, Set<String> calls) {
    }

    private RecursionCheck() {
    }

    static void check(List<PolicyLint.ParsedFile> files, List<PolicyProblem> problems) {
        Map<String, Function> functions = new LinkedHashMap<>();
        for (PolicyLint.ParsedFile parsed : files) {
            for (FunctionDescr descr : parsed.descr().getFunctions()) {
                functions.putIfAbsent(descr.getName(), new Function(new LintFile(parsed, problems), descr, new LinkedHashSet<>()));
            }
        }
        for (Function function : functions.values()) {
            for (ExpressionScanner.Name name : ExpressionScanner.scan(function.descr().getBody(), LintAllowlist.TYPES.keySet())) {
                if (name.called() && !name.member() && functions.containsKey(name.text())) {
                    function.calls().add(name.text());
                }
            }
        }
        for (Map.Entry<String, Function> function : functions.entrySet()) {
            List<String> cycle = pathBack(function.getKey(), functions);
            if (!cycle.isEmpty()) {
                function.getValue().file().error(function.getValue().descr(), "function " + function.getKey()
                        + " calls itself (" + String.join(" -> ", cycle) + "): recursion is not allowed in rules,"
                        + " since its depth and cost have no bound");
            }
        }
    }

    /** The shortest chain of calls from {@code start} back to itself, or empty when there is none. */
    private static List<String> pathBack(String start, Map<String, Function> functions) {
        Map<String, String> cameFrom = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String caller = queue.poll();
            for (String callee : functions.get(caller).calls()) {
                if (callee.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = caller; !at.equals(start); at = cameFrom.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(callee)) {
                    cameFrom.put(callee, caller);
                    queue.add(callee);
                }
            }
        }
        return List.of();
    }
}
