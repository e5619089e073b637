package dev.dealdesk.policy.lint;

import dev.dealdesk.policy.Findings;
import dev.dealdesk.policy.MapEntry;
import dev.dealdesk.policy.SellerOwnershipModel;
import dev.dealdesk.decision.OwnershipModel;
import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.CustomerStrategy;
import dev.dealdesk.facts.CustomerSuccess;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Expansion;
import dev.dealdesk.facts.ExpansionOwner;
import dev.dealdesk.facts.ExpansionTarget;
import dev.dealdesk.facts.ExpansionTrigger;
import dev.dealdesk.facts.Framing;
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.Ownership;
import dev.dealdesk.facts.Phase;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Sizing;
import dev.dealdesk.facts.Stage;
import dev.dealdesk.facts.TouchModel;
import dev.dealdesk.facts.ValueProof;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a rules file may name. Drools runs any Java in a rule and has no sandbox, so the
 * engine refuses rules that reach beyond the policy: only these types, functions, globals, rule
 * attributes and words are allowed, and nothing else.
 */
final class LintAllowlist {

    private static final String REFLECTION = "reflection is not allowed in rules";
    private static final String NONDETERMINISTIC = "rules must be deterministic";
    private static final String PROPERTIES_READ = "rules must not read system properties";
    private static final String THREADS = "rules must not start threads";
    private static final String UNBOUNDED = "its cost grows with its arguments without bound, and every evaluation must end quickly";
    private static final String REGEX = "a regular expression can take exponential time on input text; use contains,"
            + " startsWith, endsWith or ==";
    private static final String IDENTITY = "its text is an object identity, different on every run";
    private static final String HOST_LOCALE = "its result depends on the host's locale (a Turkish i, a decimal comma); rules must decide alike everywhere";

    /** The DRL package every rules file declares, so functions are shared between files. */
    static final String PACKAGE = "dealdesk.policy";

    /** The fact model and the rule API, by fully qualified name. */
    static final List<Class<?>> POLICY_TYPES = List.of(
            Deal.class, Seller.class, ValueProof.class, ExpansionTarget.class, Quarter.class, Phase.class,
            CustomerStrategy.class, Sizing.class, CustomerSuccess.class, Ownership.class, Contract.class,
            Expansion.class, Motion.class, Stage.class, Segment.class, TouchModel.class, Framing.class,
            ExpansionTrigger.class, ExpansionOwner.class, PricingModel.class, OwnershipModel.class,
            MapEntry.class, SellerOwnershipModel.class, Findings.class);

    /**
     * JDK value types: text, numbers, dates and collections. None reaches I/O, threads or
     * reflection. Not {@code BigDecimal} or {@code BigInteger}: their arithmetic costs as much as the
     * digits a rule asks for ({@code pow}, {@code setScale}, {@code new BigDecimal("1e999999999")});
     * money is multiplied exactly with {@code Money.multiply}.
     */
    static final List<String> JDK_TYPES = List.of(
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Boolean", "java.lang.Number", "java.lang.Character",
            "java.time.LocalDate", "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.Month",
            "java.time.DayOfWeek", "java.time.temporal.ChronoUnit",
            "java.util.List", "java.util.ArrayList",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.TreeSet", "java.util.Collections",
            "java.util.Arrays", "java.util.Objects", "java.util.Optional");

    /** JDK types usable without an import, as in Java. */
    static final Set<String> IMPLICIT_TYPES = Set.of("String", "Math", "Integer", "Long", "Double", "Boolean",
            "Number", "Character");

    /** Words that may be called without an object, besides policy functions. */
    static final Set<String> CALLABLE_WORDS = Set.of("insert", "insertLogical", "if", "switch", "return", "eval", "not",
            "exists", "forall", "accumulate", "collect", "from", "contains", "memberOf", "in", "and", "or");

    /**
     * The facts a rule may insert: the rule API's own. A rule that inserts a {@code Deal} or a
     * number changes what every other rule sees, or sets itself off without end.
     */
    static final Set<String> INSERTABLE = Set.of(SellerOwnershipModel.class.getSimpleName());

    /** Wildcard imports allowed: the whole fact model. */
    static final Set<String> WILDCARD_IMPORTS = Set.of("dev.dealdesk.facts.*");

    /** Static helpers the rules may import with {@code import function}. */
    static final Set<String> FUNCTIONS = Set.of("dev.dealdesk.policy.Text.blank", "dev.dealdesk.policy.Text.usd",
            "dev.dealdesk.policy.Text.number", "dev.dealdesk.policy.Money.multiply");

    /** The only global: where rules report findings. */
    static final String GLOBAL_NAME = Findings.GLOBAL;
    static final String GLOBAL_TYPE = Findings.class.getName();

    /** Rule attributes that neither read the clock nor depend on the host. */
    static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "dialect",
            "activation-group");

    /** Accumulate functions. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");

    /** Java and DRL words allowed in conditions, consequences and functions. Loops are not among them. */
    static final Set<String> WORDS = Set.of(
            "new", "return", "if", "else", "true", "false", "null", "this", "instanceof", "switch", "case",
            "default", "break", "final", "int", "long", "double", "float", "boolean", "char", "short",
            "byte", "void",
            "contains", "memberOf", "soundslike", "str", "in", "not", "excludes", "from",
            "accumulate", "collect", "exists", "forall", "eval", "or", "and",
            "insert", "insertLogical", "kcontext", GLOBAL_NAME);

    /**
     * Members never called, whatever the object: reflection ({@code getClass}, {@code .class}),
     * the clock ({@code now}), randomness ({@code random}) and system properties
     * ({@code getInteger}, {@code getLong}, {@code getBoolean}): rules must decide the same way on
     * any machine, on replay years later.
     */
    static final Map<String, String> FORBIDDEN_MEMBERS = Map.ofEntries(
            Map.entry("getClass", REFLECTION), Map.entry("class", REFLECTION),
            Map.entry("getDeclaringClass", REFLECTION), Map.entry("declaringClass", REFLECTION),
            Map.entry("describeConstable", REFLECTION), Map.entry("resolveConstantDesc", REFLECTION),
            Map.entry("now", "rules never read the clock: use the deal's asOf"),
            Map.entry("random", NONDETERMINISTIC), Map.entry("shuffle", NONDETERMINISTIC), Map.entry("hash", NONDETERMINISTIC),
            Map.entry("TYPE", REFLECTION),
            Map.entry("hashCode", NONDETERMINISTIC), Map.entry("identityHashCode", NONDETERMINISTIC),
            Map.entry("parallelStream", THREADS), Map.entry("parallel", THREADS), Map.entry("parallelSort", THREADS),
            Map.entry("parallelPrefix", THREADS), Map.entry("parallelSetAll", THREADS),
            Map.entry("getInteger", PROPERTIES_READ), Map.entry("getLong", PROPERTIES_READ),
            Map.entry("getBoolean", PROPERTIES_READ),
            Map.entry("wait", "rules must not block"), Map.entry("notify", "rules must not block"),
            Map.entry("notifyAll", "rules must not block"),
            Map.entry("toUpperCase", HOST_LOCALE), Map.entry("toLowerCase", HOST_LOCALE),
            Map.entry("format", HOST_LOCALE), Map.entry("formatted", HOST_LOCALE),
            Map.entry("getDisplayName", HOST_LOCALE),
            Map.entry("repeat", UNBOUNDED), Map.entry("nCopies", UNBOUNDED), Map.entry("datesUntil", UNBOUNDED),
            Map.entry("pow", UNBOUNDED), Map.entry("replace", UNBOUNDED), Map.entry("fill", UNBOUNDED),
            Map.entry("matches", REGEX), Map.entry("replaceAll", REGEX), Map.entry("replaceFirst", REGEX),
            Map.entry("split", REGEX),
            Map.entry("iterator", IDENTITY), Map.entry("listIterator", IDENTITY), Map.entry("spliterator", IDENTITY),
            Map.entry("stream", IDENTITY), Map.entry("comparator", IDENTITY), Map.entry("reverseOrder", IDENTITY),
            Map.entry("builder", IDENTITY));

    /**
     * The members of the JDK value types that rules may call or read: each costs little whatever
     * its arguments, reads neither the clock nor the locale, and returns a value whose text is its
     * value. An allowlist: a member not named here is refused, however harmless, until it is
     * added here with that judgement.
     */
    static final Set<String> JDK_MEMBERS = Set.of(
            // text
            "length", "isEmpty", "isBlank", "charAt", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf",
            "substring", "strip", "stripLeading", "stripTrailing", "trim", "equals", "equalsIgnoreCase", "compareTo",
            "compareToIgnoreCase", "valueOf", "join", "toString",
            // numbers
            "parseInt", "parseLong", "parseDouble", "parseBoolean", "intValue", "longValue", "doubleValue",
            "booleanValue", "compare", "isNaN", "isInfinite", "isFinite", "sum", "min", "max", "signum",
            "isDigit", "isLetter", "isLetterOrDigit", "isWhitespace", "MAX_VALUE", "MIN_VALUE", "POSITIVE_INFINITY",
            "NEGATIVE_INFINITY", "NaN", "abs", "floor", "ceil", "round", "rint", "sqrt", "floorDiv", "floorMod",
            "addExact", "subtractExact", "multiplyExact", "negateExact", "toIntExact",
            // dates
            "of", "parse", "ofEpochDay", "getYear", "getMonth", "getMonthValue", "getDayOfMonth", "getDayOfYear",
            "getDayOfWeek", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusWeeks",
            "minusMonths", "minusYears", "isBefore", "isAfter", "isEqual", "lengthOfMonth", "lengthOfYear",
            "isLeapYear", "toEpochDay", "withDayOfMonth", "withMonth", "withYear", "until", "between", "getDays",
            "getMonths", "getYears", "toTotalMonths", "isNegative", "isZero", "ofDays", "ofWeeks", "ofMonths",
            "ofYears", "getValue", "atDay", "atEndOfMonth", "atMonth", "isLeap", "firstMonthOfQuarter", "plus",
            "minus", "name", "ordinal", "values", "DAYS", "WEEKS", "MONTHS", "YEARS", "EPOCH",
            // collections
            "size", "get", "getOrDefault", "containsKey", "containsValue", "containsAll", "add", "addAll", "put",
            "putIfAbsent", "remove", "keySet", "subList", "first", "last", "firstKey",
            "lastKey", "copyOf", "emptyList", "emptyMap", "singletonList", "unmodifiableList", "frequency", "sort",
            "asList", "isNull", "nonNull", "requireNonNull", "requireNonNullElse", "empty", "ofNullable",
            "isPresent", "orElse");

    /** Names a rule may not declare: package roots would let a fully qualified name through. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "dev", "io",
            "kotlin", "scala", "groovy");

    /** Rule metadata the engine reads; values must be string literals. */
    static final Set<String> ANNOTATIONS = Set.of("code", "concerns", "severity", "approver");


    /**
     * The members code may name after a dot: every public method, field and enum constant of the
     * allowed types, and the property names MVEL derives from their getters, less the forbidden ones.
     * Nothing else can be called, so no path leads from an allowed value to reflection or I/O.
     */
    static final Set<String> MEMBERS;

    /** Simple name to fully qualified name of every allowed type. */
    static final Map<String, String> TYPES;

    /** Names of fact properties, usable as the start of a condition such as {@code acv < minimumLandAcvSmb()}. */
    static final Set<String> PROPERTIES;

    static {
        Map<String, String> types = new HashMap<>();
        Set<String> properties = new HashSet<>();
        for (Class<?> type : POLICY_TYPES) {
            types.put(type.getSimpleName(), type.getName());
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    properties.add(component.getName());
                }
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == type && method.getParameterCount() == 0
                        && !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class) {
                    properties.add(method.getName());
                }
            }
        }
        for (String name : JDK_TYPES) {
            types.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
        // The result of an accumulate is a Number: Number(intValue < 4) from accumulate(...).
        properties.addAll(Set.of("intValue", "longValue", "doubleValue"));
        properties.removeAll(FORBIDDEN_MEMBERS.keySet());
        properties.removeAll(Set.of("hashCode", "toString", "equals"));
        TYPES = Map.copyOf(types);
        PROPERTIES = Set.copyOf(properties);
        Set<String> members = new HashSet<>();
        for (Class<?> type : POLICY_TYPES) {
            addMembers(type, null, members);
        }
        Set<String> jdkMembers = new HashSet<>();
        for (String name : JDK_TYPES) {
            try {
                addMembers(Class.forName(name), JDK_MEMBERS, jdkMembers);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("allowlisted type is missing: " + name, e);
            }
        }
        Set<String> unknown = new HashSet<>(JDK_MEMBERS);
        unknown.removeAll(jdkMembers);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("allowlisted members no allowed JDK type has: " + unknown);
        }
        members.addAll(jdkMembers);
        members.removeAll(FORBIDDEN_MEMBERS.keySet());
        MEMBERS = Set.copyOf(members);
    }

    private LintAllowlist() {
    }

    /**
     * Adds the public methods, fields and getter-derived property names of {@code type} to
     * {@code members}: all of them, or only those in {@code allowed} (and the properties of those).
     */
    private static void addMembers(Class<?> type, Set<String> allowed, Set<String> members) {
        for (Method method : type.getMethods()) {
            if (allowed != null && !allowed.contains(method.getName())) {
                continue;
            }
            members.add(method.getName());
            String getter = method.getName().startsWith("get") ? method.getName().substring(3)
                    : method.getName().startsWith("is") ? method.getName().substring(2) : "";
            if (!getter.isEmpty() && method.getParameterCount() == 0) {
                members.add(Character.toLowerCase(getter.charAt(0)) + getter.substring(1));
            }
        }
        for (java.lang.reflect.Field field : type.getFields()) {
            if (allowed == null || allowed.contains(field.getName())) {
                members.add(field.getName());
            }
        }
    }

    /** Whether {@code fullName} names an allowed type. */
    static boolean allowedType(String fullName) {
        return TYPES.containsValue(fullName);
    }
}
