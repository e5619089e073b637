package dev.dealdesk.http;

import com.sun.net.httpserver.HttpExchange;
import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.PolicyStatusJson;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DecisionJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** The service's endpoints: which method and path does what, and what it answers. */
final class Routes {

    /** A response to send. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {

        static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }
    }

    private static final String DECISIONS = "/v1/decisions";

    private final DealDesk engine;
    private final Metrics metrics;
    private final int maxBodyBytes;
    private final String openApi;

    Routes(DealDesk engine, Metrics metrics, int maxBodyBytes) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        try (InputStream spec = Objects.requireNonNull(Routes.class.getResourceAsStream("/openapi.json"), "openapi.json")) {
            this.openApi = new String(spec.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths open without a token: probes must work without credentials. */
    static boolean isOpen(String path) {
        return path.equals("/healthz") || path.equals("/readyz");
    }

    static Response problem(Problem problem) {
        return new Response(problem.status(), "application/problem+json", problem.json(), Map.of());
    }

    Response handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(DECISIONS)) {
            return method.equals("POST") ? decide(exchange) : notAllowed("POST");
        }
        if (path.startsWith(DECISIONS + "/") && path.length() > DECISIONS.length() + 1) {
            return method.equals("GET") ? receipt(path.substring(DECISIONS.length() + 1)) : notAllowed("GET");
        }
        Response fixed = switch (path) {
            case "/v1/policy" -> Response.json(200, PolicyStatusJson.toText(engine.status()));
            case "/healthz" -> Response.json(200, "{\"status\":\"ok\"}");
            case "/readyz" -> Response.json(200, JsonWriter.text(Json.createObjectBuilder().add("status", "ready")
                    .add("policy", engine.policy().version()).build()));
            case "/metrics" -> new Response(200, "text/plain; version=0.0.4; charset=utf-8", metrics.text(), Map.of());
            case "/v1/openapi.json" -> Response.json(200, openApi);
            default -> null;
        };
        if (fixed == null) {
            return problem(Problem.of(404, "not-found", "No such resource", "nothing is served at " + path));
        }
        return method.equals("GET") ? fixed : notAllowed("GET");
    }

    private Response decide(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json")) {
            return problem(Problem.of(415, "unsupported-media-type", "Send JSON",
                    "Content-Type must be application/json, not " + (type == null ? "absent" : type)));
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && parseLong(declared) > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = readAtMost(exchange.getRequestBody(), maxBodyBytes);
        if (body == null) {
            return tooLarge();
        }
        JsonValue document;
        try {
            document = StrictJson.parse(body);
        } catch (InvalidDealException e) {
            metrics.invalidInput();
            return problem(Problem.badInput(e.path(), e.problem()));
        }
        if (document.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder results = Json.createArrayBuilder();
            for (int i = 0; i < document.asJsonArray().size(); i++) {
                try {
                    results.add(DecisionJson.toJson(decide(DealJson.read(document.asJsonArray().get(i), "/" + i))));
                } catch (InvalidDealException e) {
                    metrics.invalidInput();
                    results.add(DecisionJson.error(null, e.path(), e.problem()));
                } catch (EvaluationException e) {
                    // One deal the policy cannot decide does not lose the others' decisions.
                    results.add(DecisionJson.error(null, "/" + i, "the policy failed while deciding this deal: " + e.getMessage()));
                }
            }
            return Response.json(200, JsonWriter.text(results.build()));
        }
        try {
            return Response.json(200, DecisionJson.toLine(decide(DealJson.read(document, ""))));
        } catch (InvalidDealException e) {
            metrics.invalidInput();
            return problem(Problem.badInput(e.path(), e.problem()));
        }
    }

    private Decision decide(dev.dealdesk.facts.Deal deal) {
        long start = System.nanoTime();
        Decision decision = engine.evaluate(deal);
        metrics.decided(decision.outcome(), System.nanoTime() - start);
        return decision;
    }

    private Response receipt(String decisionId) {
        return engine.auditRecord(decisionId)
                .map(record -> Response.json(200, record))
                .orElseGet(() -> problem(Problem.of(404, "not-found", "No such decision",
                        "the audit log has no decision " + decisionId)));
    }

    private static Response notAllowed(String allowed) {
        return new Response(405, "application/problem+json", Problem.of(405, "method-not-allowed", "Method not allowed",
                "use " + allowed).json(), Map.of("Allow", allowed));
    }

    private Response tooLarge() {
        return problem(Problem.of(413, "too-large", "Request body too large",
                "the body must be at most " + maxBodyBytes + " bytes"));
    }

    /** The whole body, or {@code null} when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + read > limit) {
                return null;
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }


    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
