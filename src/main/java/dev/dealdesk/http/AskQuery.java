package dev.dealdesk.http;

import dev.dealdesk.DealDesk;
import dev.dealdesk.approval.Ask;
import dev.dealdesk.audit.AuditFormatException;
import dev.dealdesk.audit.AuditRecord;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a post of deals asks for besides the decisions, from its query string:
 * {@code pathToApproval=true} (on one deal or a batch) and {@code previous=DECISION_ID} (on one
 * deal: that logged decision is the one its sign-offs may carry over from).
 */
final class AskQuery {

    /** A query the service refuses: a 400 {@code invalid-query} problem with this detail. */
    static final class Refused extends Exception {

        Refused(String detail) {
            super(detail, null, false, false);
        }

        Problem problem() {
            return Problem.of(400, "invalid-query", "The query is not valid", getMessage());
        }
    }

    private AskQuery() {
    }

    /**
     * @param query the raw query string, or {@code null}
     * @param batch whether the deals are a batch, which cannot name one previous decision
     */
    static Ask parse(String query, boolean batch, DealDesk engine) throws Refused {
        Map<String, String> parameters = parameters(query);
        boolean path = false;
        JsonObject previous = null;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            switch (parameter.getKey()) {
                case "pathToApproval" -> path = flag(parameter.getValue());
                case "previous" -> {
                    if (batch) {
                        throw new Refused("previous names one deal's previous decision: post that deal to /v1/decisions");
                    }
                    previous = previous(parameter.getValue(), engine);
                }
                default -> throw new Refused("unknown query parameter \"" + parameter.getKey()
                        + "\"; expected pathToApproval=true|false or previous=DECISION_ID");
            }
        }
        return new Ask(path, previous);
    }

    private static Map<String, String> parameters(String query) throws Refused {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new Refused("the query is not URL-encoded text: " + badEscape.getMessage());
            }
            if (parameters.put(name, value) != null) {
                throw new Refused("query parameter \"" + name + "\" is given more than once");
            }
        }
        return parameters;
    }

    private static boolean flag(String value) throws Refused {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Refused("pathToApproval must be true or false, not \"" + value + "\"");
        };
    }

    private static JsonObject previous(String decisionId, DealDesk engine) throws Refused {
        if (decisionId.isEmpty()) {
            throw new Refused("previous must name a decision id");
        }
        Optional<String> line = engine.auditRecord(decisionId);
        if (line.isEmpty()) {
            throw new Refused("the audit log has no decision " + decisionId
                    + " (previous needs the service to keep an audit log: serve --audit FILE)");
        }
        try {
            return AuditRecord.parse(line.get()).asPreviousDecision();
        } catch (AuditFormatException e) {
            throw new Refused("the audit record of decision " + decisionId + " cannot be read: " + e.getMessage());
        }
    }
}
