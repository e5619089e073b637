package dev.dealdesk.http;

import dev.dealdesk.DealDesk;
import dev.dealdesk.approval.Ask;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.DealSchema;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.PolicyStatusJson;
import dev.dealdesk.json.StrictJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * The service's endpoints: which method and path does what, and what it answers. Knows nothing of
 * the server underneath: it takes a method, a path and, for deals, the body's bytes.
 */
final class Routes {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A response to send. */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

        Response(int status, String contentType, String body, Map<String, String> headers) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
        }

        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }
    }

    private static final String DECISIONS = "/v1/decisions";
    private static final String BATCH = "/v1/decisions/batch";
    private static final String DEAL_SCHEMA = "/v1/schema/deal.json";

    /** The deal schema served and described, as text: kept while the schema is the same document. */
    private record Described(JsonObject schema, String text, String openApi) {
    }

    private final DealDesk engine;
    private final Metrics metrics;
    private final int maxBodyBytes;
    private final boolean tokenRequired;
    private final WorkbenchRoutes workbench;
    private volatile Described described;

    /** @param tokenRequired whether clients must send a bearer token: only then does the description declare it */
    Routes(DealDesk engine, Metrics metrics, int maxBodyBytes, boolean tokenRequired, WorkbenchRoutes workbench) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.tokenRequired = tokenRequired;
        this.workbench = workbench;
    }

    /** The schema deals are read by: the one place to name it, for the schema and the OpenAPI endpoints. */
    private JsonObject dealSchema() {
        return engine.dealSchema().document();
    }

    /** The deal schema and the OpenAPI description made from it, made again when the schema is another document. */
    private Described described() {
        JsonObject schema = dealSchema();
        Described last = described;
        if (last == null || last.schema() != schema) {
            last = new Described(schema, JsonWriter.text(schema), JsonWriter.text(OpenApiDescription.of(schema, tokenRequired)));
            described = last;
        }
        return last;
    }

    /** Requests open without a token: probes must work without credentials, and signing in gives one. */
    static boolean isOpen(String method, String path) {
        return path.equals("/healthz") || path.equals("/readyz") || WorkbenchRoutes.isOpen(method, path);
    }

    /** Whether the request has a body to read (deals, one or a batch, or the workbench's), then given to {@link #post}. */
    static boolean takesBody(String method, String path) {
        return method.equals("POST") && (path.equals(DECISIONS) || path.equals(BATCH)) || WorkbenchRoutes.takesBody(method, path);
    }

    /** The answer to a request without the token: the workbench's sign-in page for a page, else a 401 problem. */
    Response unauthorized(String method, String path) {
        Response signIn = workbench.unauthorized(method, path);
        return signIn != null ? signIn : new Response(401, "application/problem+json", Problem.of(401, "unauthorized",
                "Missing or wrong bearer token", "send Authorization: Bearer <token>").json(), Map.of("WWW-Authenticate", "Bearer"));
    }

    /** The answer to a change a session's cookie authorises, sent from another origin than the service's. */
    static Response fromAnotherOrigin() {
        return problem(Problem.of(401, "unauthorized", "Request from another origin",
                "the session's cookie authorises a change only from the workbench's own pages: the request's Origin is not"
                        + " this service's Host; send the bearer token, or keep the Host header behind a proxy"));
    }

        static Response problem(Problem problem) {
        return new Response(problem.status(), "application/problem+json", problem.json(), Map.of());
    }

    /** The answer to every request without a body to read. */
    Response handle(String method, String path, String query) {
        if (WorkbenchRoutes.serves(path)) {
            return workbench.get(method, path, query);
        }
        if (path.equals(DECISIONS) || path.equals(BATCH)) {
            return notAllowed("POST");
        }
        if (path.startsWith(DECISIONS + "/") && path.length() > DECISIONS.length() + 1) {
            return method.equals("GET") ? receipt(path.substring(DECISIONS.length() + 1)) : notAllowed("GET");
        }
        boolean known = switch (path) {
            case "/v1/policy", "/healthz", "/readyz", "/metrics", "/v1/openapi.json", DEAL_SCHEMA -> true;
            default -> false;
        };
        if (!known) {
            return problem(Problem.of(404, "not-found", "No such resource", "nothing is served at " + path));
        }
        if (!method.equals("GET")) {
            return notAllowed("GET");
        }
        return switch (path) {
            case "/v1/policy" -> Response.json(200, PolicyStatusJson.toText(engine.status()));
            case "/healthz" -> Response.json(200, "{\"status\":\"ok\"}");
            case "/readyz" -> readiness();
            case "/metrics" -> new Response(200, "text/plain; version=0.0.4; charset=utf-8", metrics.text(), Map.of());
            case DEAL_SCHEMA -> new Response(200, "application/schema+json", described().text(), Map.of());
            default -> Response.json(200, described().openApi());
        };
    }

    /**
     * The refusal of a post before its body is read (not JSON, or not the form a page posts, or
     * declared longer than the limit), or {@code null} when the body should be read.
     *
     * @param declaredLength the Content-Length, or -1 when the client did not declare one
     */
    Response refuseBeforeReading(String path, String contentType, long declaredLength) {
        String expected = WorkbenchRoutes.takesForm(path) ? "application/x-www-form-urlencoded" : "application/json";
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith(expected)) {
            return problem(Problem.of(415, "unsupported-media-type", WorkbenchRoutes.takesForm(path) ? "Send the form" : "Send JSON",
                    "Content-Type must be " + expected + ", not " + (contentType == null ? "absent" : contentType)));
        }
        return declaredLength > maxBodyBytes ? tooLarge() : null;
    }

    Response tooLarge() {
        return problem(Problem.of(413, "too-large", "Request body too large",
                "the body must be at most " + maxBodyBytes + " bytes"));
    }

    /** The answer to a post with its body and headers: the workbench's, or deals decided. */
    Response post(String path, String query, byte[] body, HttpFields headers) {
        return WorkbenchRoutes.serves(path) ? workbench.post(path, query, body, headers) : decide(path, query, body);
    }

    /**
     * Decides what was posted to {@code path}: the one deal posted to {@code /v1/decisions}, or each
     * deal of the array (at most {@link DealJson#MAX_BATCH}) posted to {@code /v1/decisions/batch}.
     * The other shape is a 400 saying where to send it.
     */
    Response decide(String path, String query, byte[] body) {
        Ask ask;
        try {
            ask = AskQuery.parse(query, path.equals(BATCH), engine);
        } catch (AskQuery.Refused e) {
            metrics.invalidInput();
            return problem(e.problem());
        }
        try {
            JsonValue document = StrictJson.parse(body);
            boolean array = document.getValueType() == JsonValue.ValueType.ARRAY;
            if (path.equals(DECISIONS) && array) {
                return invalid("", "expected one deal (an object), got an array: send a batch to POST " + BATCH);
            }
            if (path.equals(BATCH) && !array) {
                return invalid("", "expected an array of deals, got " + (document.getValueType() == JsonValue.ValueType.OBJECT
                        ? "an object: send one deal to POST " + DECISIONS : kind(document)));
            }
            Optional<JsonArray> batch = DealJson.batch(document);
            return batch.isPresent() ? decideEach(batch.get(), ask)
                    : Response.json(200, DecisionJson.toLine(decide(DealJson.read(document, ""), ask, "")));
        } catch (InvalidDealException e) {
            return invalid(e.path(), e.problem());
        }
    }

    private Response invalid(String path, String detail) {
        metrics.invalidInput();
        return problem(Problem.badInput(path, detail));
    }

    /** The results of a batch in order: a decision, or an error entry for a deal that is invalid or cannot be decided. */
    private Response decideEach(JsonArray deals, Ask ask) {
        // Each result is written as soon as it is made, so a batch holds text, not decisions.
        List<String> results = new ArrayList<>(deals.size());
        for (int i = 0; i < deals.size(); i++) {
            JsonValue result;
            try {
                result = DecisionJson.toJson(decide(DealJson.read(deals.get(i), "/" + i), ask, "/" + i));
            } catch (InvalidDealException e) {
                metrics.invalidInput();
                result = DecisionJson.error(null, e.path(), e.problem());
            } catch (EvaluationException e) {
                // One deal the policy cannot decide does not lose the others' decisions.
                result = DecisionJson.error(null, "/" + i, "the policy failed while deciding this deal: " + e.getMessage());
            }
            results.add(JsonWriter.text(result));
        }
        return Response.json(200, "[" + String.join(",", results) + "]");
    }

    /** What kind of JSON value {@code value} is, as a message names it. */
    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    /** The decision of the deal found at {@code path}: custom fields the policy refuses are named at their place in the body. */
    private Decision decide(dev.dealdesk.facts.Deal deal, Ask ask, String path) {
        long start = System.nanoTime();
        Decision decision;
        try {
            decision = engine.evaluate(deal, ask);
        } catch (InvalidDealException e) {
            throw e.under(path);
        }
        metrics.decided(decision.outcome(), System.nanoTime() - start);
        return decision;
    }

    /** 200 with the live policy when the engine can do its whole job, else 503 with every reason it cannot. */
    private Response readiness() {
        List<String> reasons = engine.unready();
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (reasons.isEmpty()) {
            body.add("status", "ready");
        } else {
            body.add("status", "unready").add("reasons", JSON.createArrayBuilder(reasons));
        }
        body.add("policy", engine.policy().version());
        return Response.json(reasons.isEmpty() ? 200 : 503, JsonWriter.text(body.build()));
    }

    private Response receipt(String decisionId) {
        return engine.auditRecord(decisionId)
                .map(record -> Response.json(200, record))
                .orElseGet(() -> problem(Problem.of(404, "not-found", "No such decision",
                        "the audit log has no decision " + decisionId)));
    }

    static Response notAllowed(String allowed) {
        return new Response(405, "application/problem+json", Problem.of(405, "method-not-allowed", "Method not allowed",
                "use " + allowed).json(), Map.of("Allow", allowed));
    }
}
