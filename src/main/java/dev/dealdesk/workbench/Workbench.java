package dev.dealdesk.workbench;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.DealDesk;
import jakarta.json.Json;
import jakarta.json.spi.JsonProvider;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The workbench's routes. Pages: {@code GET /} and {@code GET /workbench/<file>}. JSON:
 * <ul>
 * <li>{@code GET /v1/workbench/policy}: the live policy, its rules and thresholds;</li>
 * <li>{@code GET /v1/workbench/policy/files/<path>}: the text of one of its files;</li>
 * <li>{@code POST /v1/workbench/drafts}: a draft checked (compiled, tested, what-if);</li>
 * <li>{@code GET /v1/workbench/decisions}: the audit log searched;</li>
 * <li>{@code GET /v1/workbench/decisions/<id>}: a receipt, verified where it stands;</li>
 * <li>{@code POST /v1/workbench/decisions/<id>/replay}: a receipt replayed under its pinned policy;</li>
 * <li>{@code GET /v1/workbench/log/verification}: the whole log verified.</li>
 * </ul>
 * One draft, replay or verification runs at a time; another meanwhile is refused as busy.
 * Thread-safe.
 */
public final class Workbench {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String API = "/v1/workbench/";
    private static final String PAGES = "/workbench/";
    private static final String DECISIONS = API + "decisions";
    private static final String REPLAY = "/replay";
    private static final String FILES = API + "policy/files/";

    private final DealDesk engine;
    private final Path examples;
    private final Path log;
    private final LogIndex index;
    private final Decisions decisions;
    private final StaticFiles files = new StaticFiles();
    private final Semaphore heavy = new Semaphore(1);

    private final StartUpDraft startUp = new StartUpDraft();

    /**
     * @param examples the golden examples drafts are tested against, or {@code null} for none
     */
    public Workbench(DealDesk engine, Path examples) {
        this.engine = requireNonNull(engine, "engine");
        this.examples = examples;
        this.log = engine.auditLog().orElse(null);
        this.index = log == null ? null : new LogIndex(log);
        this.decisions = log == null ? null : new Decisions(log, index);
    }

    /** Readies the workbench as the service starts: see {@link StartUpDraft}. */
    public void warm() {
        if (index != null) {
            startUp.start(index, engine, examples);
        }
    }

    /** Whether {@code path} is the workbench's. */
    public static boolean serves(String path) {
        return isPage(path) || path.startsWith(API);
    }

    /** Whether {@code path} is a page or a file of one, which a browser opens (rather than a JSON endpoint). */
    public static boolean isPage(String path) {
        return path.equals("/") || path.startsWith(PAGES);
    }

    /** Whether a request has a body the workbench reads: a draft or a replay. */
    public static boolean takesBody(String method, String path) {
        return method.equals("POST") && (path.equals(API + "drafts") || isReplay(path));
    }

    private static boolean isReplay(String path) {
        return path.startsWith(DECISIONS + "/") && path.endsWith(REPLAY)
                && path.length() > DECISIONS.length() + 1 + REPLAY.length();
    }

    /** The sign-in page (a 401), saying {@code message} when it is not empty. */
    public Answer signIn(String message) {
        return files.signIn(message);
    }

    /**
     * The answer to a request without a body.
     *
     * @throws Refusal for a path it does not serve, another method, or a query it refuses
     */
    public Answer get(String method, String path, String query) {
        if (takesBody("POST", path)) {
            throw notAllowed("POST");
        }
        if (!method.equals("GET")) {
            throw notAllowed("GET");
        }
        if (isPage(path)) {
            String name = path.equals("/") || path.equals(PAGES) ? "index.html" : path.substring(PAGES.length());
            return files.get(name).orElseThrow(() -> Refusal.notFound("the workbench has no file " + name));
        }
        try {
            if (path.equals(DECISIONS)) {
                return Answer.json(logged().search(query(query)));
            }
            if (path.equals(API + "policy")) {
                noQuery(query);
                boolean whole = index == null || index.refreshUnlessReading();
                return Answer.json(PolicyOverview.of(engine, index, !whole, examples));
            }
            if (path.startsWith(FILES)) {
                noQuery(query);
                return Answer.json(liveFile(path.substring(FILES.length())));
            }
            if (path.startsWith(DECISIONS + "/") && path.indexOf('/', DECISIONS.length() + 1) < 0) {
                noQuery(query);
                return Answer.json(logged().receipt(path.substring(DECISIONS.length() + 1)));
            }
            if (path.equals(API + "log/verification")) {
                noQuery(query);
                Decisions logged = logged();
                return Answer.json(alone(logged::verifyAll));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw Refusal.notFound("nothing is served at " + path);
    }

    /**
     * The answer to a post with its body.
     *
     * @throws Refusal for bad input, or when another heavy request is running
     */
    public Answer post(String path, String query, byte[] body) {
        noQuery(query);
        if (path.equals(API + "drafts")) {
            Draft draft = Draft.read(body);
            startUp.await();
            return Answer.json(alone(() -> {
                if (index != null) {
                    index.refresh();
                }
                return DraftCheck.run(draft, engine.livePolicy(), index == null ? null : index.whatIfSource(), examples);
            }));
        }
        String decisionId = path.substring(DECISIONS.length() + 1, path.length() - REPLAY.length());
        emptyObject(body);
        Decisions logged = logged();
        return Answer.json(alone(() -> logged.replay(decisionId)));
    }

    /** Every operation but the search takes no query parameters: one given is refused, never ignored. */
    private static void noQuery(String query) {
        if (query != null && !query.isEmpty()) {
            throw Refusal.badQuery("this operation takes no query parameters");
        }
    }

    /** A replay takes nothing but an empty object: {@code {}}. */
    private static void emptyObject(byte[] body) {
        JsonValue value;
        try {
            value = StrictJson.parse(body);
        } catch (InvalidDealException e) {
            throw Refusal.badInput("invalid-request", e.path(), e.problem());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT || !value.asJsonObject().isEmpty()) {
            throw Refusal.badInput("invalid-request", "", "expected an empty object {}: a replay takes nothing else");
        }
    }

    /** Work that reads the whole log or compiles a policy. */
    private interface Heavy {
        JsonObject run() throws IOException;
    }

    private JsonObject alone(Heavy work) {
        if (!heavy.tryAcquire()) {
            throw Refusal.busy();
        }
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            heavy.release();
        }
    }

    private JsonObject liveFile(String name) {
        return engine.livePolicy().source().files().stream().filter(file -> file.path().equals(name)).findFirst()
                .map(file -> JSON.createObjectBuilder().add("name", file.path()).add("text", file.text()).build())
                .orElseThrow(() -> Refusal.notFound("the live policy has no file " + name));
    }

    private Decisions logged() {
        if (decisions == null) {
            throw Refusal.notFound("the service keeps no audit log: start it with dealdesk serve --audit FILE");
        }
        return decisions;
    }

    private static Refusal notAllowed(String allowed) {
        return new Refusal(405, "method-not-allowed", "Method not allowed", "use " + allowed, null, Map.of("Allow", allowed));
    }

    /** The query's parameters; a parameter given twice is refused. */
    static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw Refusal.badQuery("parameter " + name + " is given twice");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Refusal.badQuery("not valid percent-encoding: " + text);
        }
    }
}
