package dev.dealdesk.policy.lint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.RulesCopy;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safety lint refuses rules files that step outside the policy, at load, with the exact file,
 * line, column and reason. Each hostile file is added to a copy of the shipped rules.
 */
class PolicyLintTest {

    private static final String HEADER = """
            package dealdesk.policy;
            import dev.dealdesk.facts.Deal;
            global dev.dealdesk.policy.Findings findings;
            """;

    @org.junit.jupiter.api.Test
    void allowlist_offersNoMemberThatLeadsOutOfThePolicy() {
        for (String member : java.util.List.of("forName", "getMethod", "getDeclaredMethod", "invoke", "newInstance",
                "getConstructor", "getClassLoader", "exec", "exit", "halt", "getRuntime", "getProperty", "getenv",
                "start", "createNewFile", "delete", "getKieRuntime", "getDeclaringClass", "getClass", "currentTimeMillis")) {
            org.junit.jupiter.api.Assertions.assertFalse(LintAllowlist.MEMBERS.contains(member), member);
        }
    }

    private static final String NOT_ALLOWED = " is not allowed in rules: not part of the fact model, the findings API"
            + " or the allowed JDK value types";
    private static final String UNBOUNDED = "its cost grows with its arguments without bound, and every evaluation"
            + " must end quickly";
    private static final String REGEX = "a regular expression can take exponential time on input text; use contains,"
            + " startsWith, endsWith or ==";
    private static final String INSERT = "insert may add only the rule API's own facts (insert(new SellerOwnershipModel(...))):"
            + " a rule that inserts a Deal or a number changes what every other rule sees";
    private static final String UNKNOWN = ": rules may name only facts, bound variables, policy functions and allowed"
            + " types (no fully qualified names)";

    @TempDir
    Path temp;

    /** A rule whose condition is on line 7 and whose consequence is on line 9. */
    private static String rule(String condition, String consequence) {
        return HEADER + """
                rule "Hostile"
                    @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence);
    }

    static Stream<Arguments> hostileRules() {
        return Stream.of(
                Arguments.of("System.exit in a consequence", rule("Deal()", "System.exit(0);"),
                        "hostile.drl:9:5: error: System" + NOT_ALLOWED),
                Arguments.of("fully qualified name", rule("Deal()", "java.lang.System.exit(0);"),
                        "hostile.drl:9:5: error: unknown name java" + UNKNOWN),
                Arguments.of("file I/O", rule("Deal()", "new java.io.File(\"/tmp/x\").delete();"),
                        "hostile.drl:9:9: error: unknown name java" + UNKNOWN),
                Arguments.of("Runtime.exec", rule("Deal()", "Runtime.getRuntime().exec(\"rm -rf /\");"),
                        "hostile.drl:9:5: error: Runtime" + NOT_ALLOWED),
                Arguments.of("ProcessBuilder", rule("Deal()", "new ProcessBuilder(\"sh\").start();"),
                        "hostile.drl:9:9: error: ProcessBuilder" + NOT_ALLOWED),
                Arguments.of("a thread", rule("Deal()", "new Thread().start();"),
                        "hostile.drl:9:9: error: Thread" + NOT_ALLOWED),
                Arguments.of("system property in a condition", rule("Deal(eval(System.getProperty(\"user.home\") != null))", ""),
                        "hostile.drl:7:15: error: System" + NOT_ALLOWED),
                Arguments.of("environment in a constraint", rule("Deal(dealId == System.getenv(\"X\"))", ""),
                        "hostile.drl:7:20: error: System" + NOT_ALLOWED),
                Arguments.of("Integer.getInteger reads a system property", rule("Deal()", "int n = Integer.getInteger(\"n\");"),
                        "hostile.drl:9:21: error: .getInteger is not allowed: rules must not read system properties"),
                Arguments.of("getClass", rule("$d : Deal()", "String n = $d.getClass().getName();"),
                        "hostile.drl:9:19: error: .getClass is not allowed: reflection is not allowed in rules"),
                Arguments.of("class literal", rule("Deal()", "String.class.getClassLoader();"),
                        "hostile.drl:9:12: error: .class is not allowed: reflection is not allowed in rules"),
                Arguments.of("the clock", rule("Deal(asOf == LocalDate.now())", ""),
                        "hostile.drl:7:28: error: .now is not allowed: rules never read the clock: use the deal's asOf"),
                Arguments.of("randomness", rule("Deal()", "double r = Math.random();"),
                        "hostile.drl:9:21: error: .random is not allowed: rules must be deterministic"),
                Arguments.of("a case change that depends on the host's locale",
                        rule("$deal : Deal()", "String id = $deal.dealId().toUpperCase();"),
                        "hostile.drl:9:32: error: .toUpperCase is not allowed: its result depends on the host's locale"
                                + " (a Turkish i, a decimal comma); rules must decide alike everywhere"),
                Arguments.of("a number format that depends on the host's locale",
                        rule("$deal : Deal()", "String acv = String.format(\"%,.2f\", $deal.acv());"),
                        "hostile.drl:9:25: error: .format is not allowed: its result depends on the host's locale"
                                + " (a Turkish i, a decimal comma); rules must decide alike everywhere"),
                Arguments.of("the KIE runtime", rule("Deal()", "kcontext.getKieRuntime().halt();"),
                        "hostile.drl:9:5: error: kcontext may only be the first argument of a findings call (add,"
                                + " addForEntry, ownershipModel, fixAtLeast, fixAtMost, fixTo, fixFill, fixAdd, fixEntries)"),
                Arguments.of("the drools helper", rule("Deal()", "drools.halt();"),
                        "hostile.drl:9:5: error: unknown name drools" + UNKNOWN),
                Arguments.of("a unicode escape hiding code in a string",
                        rule("Deal()", "String s = \"\\u0022 + System.exit(0) + \\u0022\";"),
                        "hostile.drl:9:17: error: unicode escapes are not allowed in rules: write the character itself"),
                Arguments.of("an import outside the policy", HEADER + "import java.io.File;\n",
                        "hostile.drl:4:1: error: import of java.io.File is not allowed: rules may use only the fact model,"
                                + " the findings API and JDK value types (see README, \"What rules may use\")"),
                Arguments.of("a second global", HEADER + "global java.util.List sink;\n",
                        "hostile.drl:4:1: error: global java.util.List sink is not allowed; the only global is"
                                + " dev.dealdesk.policy.Findings findings"),
                Arguments.of("a declared type", HEADER + "declare Foo\n  x : int\nend\n",
                        "hostile.drl:4:9: error: declare is not allowed: the fact model is fixed"),
                Arguments.of("a function doing I/O",
                        HEADER + "function void wipe() {\n    java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));\n}\n",
                        "hostile.drl:5:5: error: unknown name java" + UNKNOWN),
                Arguments.of("a clock-reading attribute", HEADER + """
                        rule "Dated"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                            date-effective "1-Jan-2027"
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:6:20: error: rule attribute date-effective is not allowed; allowed: activation-group,"
                                + " dialect, lock-on-active, no-loop, salience"),
                Arguments.of("a salience expression, evaluated at run time", HEADER + """
                        rule "Salience"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                            salience (System.exit(0) == null ? 1 : 0)
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:6:14: error: salience must be a whole number of at most nine digits, not an expression"),
                Arguments.of("a salience too large for the engine", HEADER + """
                        rule "Salience"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                            salience 99999999999999999999
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:6:14: error: salience must be a whole number of at most nine digits, not an expression"),
                Arguments.of("a dialect the engine does not have", HEADER + """
                        rule "Dialect"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                            dialect "foo"
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:6:13: error: dialect must be \"java\" or \"mvel\""),
                Arguments.of("a builder's text, an identity", rule("Deal()", "findings.add(kcontext, \"b=\" + Deal.builder(), \"r\");"),
                        "hostile.drl:9:40: error: .builder is not allowed: its text is an object identity, different on every run"),
                Arguments.of("a named consequence", HEADER + """
                        rule "Named"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                        when
                            $d : Deal()
                            if ($d.acv() > 0) do[hidden]
                        then
                        then[hidden]
                            System.exit(3);
                        end
                        """,
                        "hostile.drl:4:1: error: named consequences are not allowed: a rule has one then block"),
                Arguments.of("code inside collect", HEADER + """
                        rule "Collect"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                        when
                            java.util.List() from collect(Deal(System.exit(1) == null))
                        then
                        end
                        """,
                        "hostile.drl:7:40: error: System" + NOT_ALLOWED),
                Arguments.of("metadata that Drools would evaluate while compiling", HEADER + """
                        rule "Metadata"
                            @code("test.hostile") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                            @foo( new java.io.File("/tmp/x").createNewFile() )
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:4:1: error: rule metadata @foo is not allowed; allowed: @code, @concerns, @severity,"
                                + " @approver"),
                Arguments.of("metadata that is not a string literal", HEADER + """
                        rule "Metadata"
                            @code(System.exit(0)) @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                        when
                            Deal()
                        then
                        end
                        """,
                        "hostile.drl:4:1: error: rule metadata @code must be a string literal, such as @code(\"...\")"),
                Arguments.of("reflection through an enum constant", rule("Deal()",
                        "Object c = Motion.LAND.getDeclaringClass();"),
                        "hostile.drl:9:5: error: Object" + NOT_ALLOWED),
                Arguments.of("a member no allowed type has", rule("$d : Deal()", "String s = $d.dealId().forName(\"x\");"),
                        "hostile.drl:9:28: error: .forName is not allowed: it is not a member of the fact model, the"
                                + " findings API or the allowed JDK value types"),
                Arguments.of("a function named like a package", HEADER + "function void java() { }\n",
                        "hostile.drl:4:1: error: function name java is not allowed: start it with a lower-case letter and do"
                                + " not use a package name"),
                Arguments.of("a local variable named like a package", rule("Deal()", "{ int java = 0; }"),
                        "hostile.drl:9:11: error: a variable may not be named java"),
                Arguments.of("kcontext kept in a variable", rule("Deal()",
                        "findings.add(kcontext, \"m\", \"r\", \"k\", (kcontext).getKieRuntime());"),
                        "hostile.drl:9:44: error: kcontext may only be the first argument of a findings call (add,"
                                + " addForEntry, ownershipModel, fixAtLeast, fixAtMost, fixTo, fixFill, fixAdd, fixEntries)"),
                Arguments.of("a lambda", rule("Deal()", "List.of(1, 2).forEach(i -> { });"),
                        "hostile.drl:9:29: error: lambdas are not allowed in rules"),
                Arguments.of("shuffling", rule("Deal()", "Collections.shuffle(new ArrayList());"),
                        "hostile.drl:9:17: error: .shuffle is not allowed: rules must be deterministic"),
                Arguments.of("a type argument outside the policy", HEADER + "function void f(List<java.io.File> files) { }\n",
                        "hostile.drl:4:1: error: type java.io.File is not allowed in rules"),
                Arguments.of("a label that would make a type name pass", rule("Deal()", "ClassLoader: ;"),
                        "hostile.drl:9:5: error: labels are not allowed in rules"),
                Arguments.of("a variable named like a type", rule("Deal()", "String ClassLoader = \"\";"),
                        "hostile.drl:9:12: error: a variable must start with a lower-case letter or $, not ClassLoader"),
                Arguments.of("an anonymous class, whose methods need no dot", rule("Deal()",
                        "findings.add(kcontext, \"m\" + new Quarter(2026, 1) {{ }}, \"r\");"),
                        "hostile.drl:9:55: error: anonymous classes and blocks after a call are not allowed in rules"),
                Arguments.of("calling a method without an object", rule("Deal()", "String defineClass = \"\"; defineClass(null);"),
                        "hostile.drl:9:30: error: defineClass(...) is not allowed: only policy functions, imported functions"
                                + " and insert can be called without an object"),
                Arguments.of("an array, whose text is an identity hash", rule("Deal()", "String s = \"\" + new int[0];"),
                        "hostile.drl:9:21: error: arrays are not allowed in rules"),
                Arguments.of("findings used other than to report", rule("Deal()", "String s = \"\" + findings;"),
                        "hostile.drl:9:21: error: findings may only be used to report and state fixes: findings.add,"
                                + " findings.addForEntry, findings.ownershipModel, findings.fixAtLeast, findings.fixAtMost,"
                                + " findings.fixTo, findings.fixFill, findings.fixAdd, findings.fixEntries"),
                Arguments.of("a Class through a constant", rule("Deal()", "String s = \"\" + Integer.TYPE;"),
                        "hostile.drl:9:29: error: .TYPE is not allowed: reflection is not allowed in rules"),
                Arguments.of("a set whose order changes every run", HEADER + "import java.util.Set;\n",
                        "hostile.drl:4:1: error: import of java.util.Set is not allowed: rules may use only the fact model,"
                                + " the findings API and JDK value types (see README, \"What rules may use\")"),
                Arguments.of("a binding named like a package", rule("java : Deal()", ""),
                        "hostile.drl:7:5: error: a binding may not be named java"),
                Arguments.of("a string repeated without bound", rule("Deal()", "String s = \"x\".repeat(2000000000);"),
                        "hostile.drl:9:20: error: .repeat is not allowed: " + UNBOUNDED),
                Arguments.of("a list of a billion copies", HEADER + "import java.util.Collections;\nfunction int many() { return Collections.nCopies(200000000, \"x\").size(); }\n",
                        "hostile.drl:5:42: error: .nCopies is not allowed: " + UNBOUNDED),
                Arguments.of("big-number arithmetic", HEADER + "import java.math.BigInteger;\n",
                        "hostile.drl:4:1: error: import of java.math.BigInteger is not allowed: rules may use only the fact model,"
                                + " the findings API and JDK value types (see README, \"What rules may use\")"),
                Arguments.of("a regular expression on input", rule("Deal(dealId matches \"(a+)+b\")", ""),
                        "hostile.drl:7:17: error: matches is not allowed: " + REGEX),
                Arguments.of("a regular expression in a consequence", rule("$d : Deal()", "String s = $d.dealId().replaceAll(\"(a+)+b\", \"\");"),
                        "hostile.drl:9:28: error: .replaceAll is not allowed: " + REGEX),
                Arguments.of("an iterator's text", rule("$d : Deal()", "findings.add(kcontext, \"m\" + $d.expansionMap().iterator(), \"r\");"),
                        "hostile.drl:9:52: error: .iterator is not allowed: its text is an object identity, different on every run"),
                Arguments.of("every date up to another", rule("$d : Deal()", "long n = $d.asOf().datesUntil($d.asOf()).count();"),
                        "hostile.drl:9:24: error: .datesUntil is not allowed: " + UNBOUNDED),
                Arguments.of("a recursive function", HEADER + "function int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n",
                        "hostile.drl:4:1: error: function fib calls itself (fib -> fib): recursion is not allowed in rules,"
                                + " since its depth and cost have no bound"),
                Arguments.of("functions that call each other", HEADER + "function int ping(int n) { return pong(n); }\n"
                                + "function int pong(int n) { return n == 0 ? 0 : ping(n - 1); }\n",
                        "hostile.drl:4:1: error: function ping calls itself (ping -> pong -> ping): recursion is not allowed"
                                + " in rules, since its depth and cost have no bound"),
                Arguments.of("an insert that changes what other rules see", rule("Deal()", "insert(Integer.valueOf(1));"),
                        "hostile.drl:9:5: error: " + INSERT),
                Arguments.of("an insert of a second deal", rule("$d : Deal()", "insert($d);"),
                        "hostile.drl:9:5: error: " + INSERT),
                Arguments.of("a fix of a field the deal lacks", rule("Deal()",
                                "findings.add(kcontext, \"m\", \"r\");\n    findings.fixTo(kcontext, \"/contract/discount\", 1);"),
                        "hostile.drl:10:31: error: fix path /contract/discount: the deal has no field there"),
                Arguments.of("a fix that does not fit its field", rule("Deal()",
                                "findings.add(kcontext, \"m\", \"r\");\n    findings.fixFill(kcontext, \"/expansionMap\");"),
                        "hostile.drl:10:33: error: fixFill applies to a string field, but /expansionMap is a array"),
                Arguments.of("a placeholder text where only certain values fit", rule("Deal()",
                                "findings.add(kcontext, \"m\", \"r\");\n    findings.fixFill(kcontext, \"/contract/pricingModel\");"),
                        "hostile.drl:10:33: error: fixFill writes a placeholder text, but /contract/pricingModel holds only"
                                + " certain values (an enum or a form): state the value with fixTo"),
                Arguments.of("another package", "package evil;\nimport dev.dealdesk.facts.Deal;\n",
                        "hostile.drl:1:1: error: package must be dealdesk.policy (all rules files share one package), not evil"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRules")
    void load_hostileRuleFile_isRefusedWithFileLineAndReason(String name, String drl, String expected) {
        RulesCopy copy = RulesCopy.of(temp).write("hostile.drl", drl);
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> DealDesk.builder().rules(copy.directory()).build());
        assertTrue(refused.problems().stream().anyMatch(problem -> problem.toString().equals(expected)),
                "expected " + expected + " among:\n" + refused.getMessage());
    }
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$arr : seller.arr", "$arr : seller!.arr", "$text : usd(acv)", "$first : expansionMap[0]"})
    void load_bindingToAPathOrACall_isRefusedAndTheFieldBindingSuggested(String binding) {
        RulesCopy copy = RulesCopy.of(temp).write("hostile.drl", rule("Deal(" + binding + ")", ""));
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> DealDesk.builder().rules(copy.directory()).build());
        String name = binding.substring(0, binding.indexOf(' '));
        assertTrue(refused.problems().stream().anyMatch(problem -> problem.toString().equals("hostile.drl:7:10: error: "
                + name + " binds a path or a call: bind a field of the pattern (like $proof : valueProof) and read"
                + " nested values in the then block; Drools re-evaluates such a binding at every use and binds a nested"
                + " decimal as a float")), refused.getMessage());
    }

    @ParameterizedTest(name = "dialect {0}")
    @ValueSource(strings = {"java", "mvel"})
    void load_eitherDialect_isAccepted(String dialect) {
        RulesCopy copy = RulesCopy.of(temp).write("dialect.drl", HEADER + """
                rule "Dialect"
                    @code("test.dialect") @concerns("failure:test") @severity("INFO")
                    dialect "%s"
                when
                    Deal(acv < 0)
                then
                end
                """.formatted(dialect));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> DealDesk.builder().rules(copy.directory()).build());
    }

    @org.junit.jupiter.api.Test
    void load_fixPathComputedFromAnEntry_isLeftToTheFixAndAccepted() {
        RulesCopy copy = RulesCopy.of(temp).write("computed.drl", HEADER + """
                import dev.dealdesk.policy.MapEntry;
                rule "Computed fix path"
                    @code("test.computed") @concerns("failure:test") @severity("FLAG") @approver("FINANCE")
                when
                    $entry : MapEntry(target.sponsor == null)
                then
                    findings.addForEntry(kcontext, $entry, "m", "r");
                    findings.fixFill(kcontext, "/expansionMap/" + $entry.index() + "/sponsor");
                end
                """);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> DealDesk.builder().rules(copy.directory()).build());
    }

    @org.junit.jupiter.api.Test
    void load_bindingsToFieldsAndConstraintsAfterThem_areAccepted() {
        RulesCopy copy = RulesCopy.of(temp).write("hostile.drl", rule(
                "$d : Deal($proof : valueProof, $acv : acv > 0, $m : motion != null, $s: seller)", ""));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> DealDesk.builder().rules(copy.directory()).build());
    }
}
