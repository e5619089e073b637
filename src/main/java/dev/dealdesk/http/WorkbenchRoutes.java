package dev.dealdesk.http;

import dev.dealdesk.workbench.Answer;
import dev.dealdesk.workbench.Refusal;
import dev.dealdesk.workbench.Workbench;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import java.util.function.Supplier;

/**
 * The workbench's pages and endpoints in the service: its answers and refusals as responses and
 * problems, and signing in and out of it when the service has a token. Thread-safe.
 */
final class WorkbenchRoutes {

    static final String SIGN_OUT = "/workbench/sign-out";

    private final Workbench workbench;
    private final WorkbenchAccess access;

    WorkbenchRoutes(Workbench workbench, WorkbenchAccess access) {
        this.workbench = workbench;
        this.access = access;
    }

    static boolean serves(String path) {
        return Workbench.serves(path);
    }

    /** Whether the request's body is read: a draft, a replay, or the sign-in and sign-out forms. */
    static boolean takesBody(String method, String path) {
        return Workbench.takesBody(method, path) || isOpen(method, path);
    }

    /** Signing in and out need no token. */
    static boolean isOpen(String method, String path) {
        return method.equals("POST") && (path.equals(WorkbenchAccess.SIGN_IN) || path.equals(SIGN_OUT));
    }

    static boolean isSignOut(String method, String path) {
        return method.equals("POST") && path.equals(SIGN_OUT);
    }

    /** The answer to signing out: back to the workbench, the session's cookie ended. */
    static Routes.Response signedOut() {
        return seeOther(WorkbenchAccess.endedCookie());
    }

    /** Whether a post to {@code path} is a form a page posts, rather than JSON. */
    static boolean takesForm(String path) {
        return path.equals(WorkbenchAccess.SIGN_IN) || path.equals(SIGN_OUT);
    }

    /** The answer to a request without a token: the sign-in page for a page, else {@code null} (the API's 401). */
    Routes.Response unauthorized(String method, String path) {
        return method.equals("GET") && Workbench.isPage(path) ? response(workbench.signIn("")) : null;
    }

    Routes.Response get(String method, String path, String query) {
        return takesForm(path) ? Routes.notAllowed("POST") : respond(() -> workbench.get(method, path, query));
    }

    Routes.Response post(String path, String query, byte[] body, HttpFields headers) {
        if (path.equals(WorkbenchAccess.SIGN_IN)) {
            if (!access.required()) {
                return seeOther(null);
            }
            String session = access.signIn(body, headers);
            if (session == null) {
                return response(workbench.signIn("That is not the service's token. Try again."));
            }
            return seeOther(session);
        }
        return respond(() -> workbench.post(path, query, body));
    }

    /** A 303 to the workbench, setting {@code cookie} when not {@code null}. */
    private static Routes.Response seeOther(String cookie) {
        Map<String, String> headers = new HashMap<>(Map.of("Location", "/", "Cache-Control", "no-store"));
        if (cookie != null) {
            headers.put("Set-Cookie", cookie);
        }
        return new Routes.Response(303, "text/plain; charset=utf-8", "See /", headers);
    }

    /** What {@code answer} gives, or the problem it was refused with. */
    private static Routes.Response respond(Supplier<Answer> answer) {
        try {
            return response(answer.get());
        } catch (Refusal refusal) {
            Problem problem = new Problem(refusal.status(), Problem.TYPES + refusal.kind(), refusal.title(), refusal.detail(),
                    refusal.path());
            return new Routes.Response(problem.status(), "application/problem+json", problem.json(), refusal.headers());
        }
    }

    private static Routes.Response response(Answer answer) {
        return new Routes.Response(answer.status(), answer.contentType(), answer.body(), answer.headers());
    }
}
