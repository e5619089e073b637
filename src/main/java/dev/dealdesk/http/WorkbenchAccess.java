package dev.dealdesk.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Who may use the service when it has a token: a client that sends it as {@code Authorization:
 * Bearer <token>}, or a browser that signed in to the workbench with it. Signing in starts a session:
 * the browser holds a random session id in a cookie (HttpOnly, SameSite=Strict, Path=/; a browser
 * cannot send a bearer header when it opens a page), never the token, and signing out (or in again)
 * ends every session the browser's cookies name on the service. A session lasts {@link #SESSION_HOURS} hours at most and ends when the
 * service stops. A request the cookie authorises that changes something must come from the
 * service's own pages: when it names an {@code Origin}, that origin's host is the request's
 * {@code Host}. Every comparison with the token takes the same time however much of it is right.
 * Thread-safe.
 */
final class WorkbenchAccess {

    /** The session cookie's name. */
    static final String COOKIE = "dealdesk_session";
    /** Where the workbench's sign-in form posts. */
    static final String SIGN_IN = "/workbench/sign-in";
    /** How long a session lasts at most. */
    static final int SESSION_HOURS = 12;
    /** Sessions kept at most: signing in past it ends the oldest. */
    private static final int MAX_SESSIONS = 1_000;

    private final byte[] token;
    private final SecureRandom random = new SecureRandom();
    /** Each open session's id and when it ends, oldest first. */
    private final Map<String, Instant> sessions = new LinkedHashMap<>();

    /** @param token the token clients must send, or {@code null} when everything is open */
    WorkbenchAccess(byte[] token) {
        this.token = token == null ? null : token.clone();
    }

    boolean required() {
        return token != null;
    }

    /**
     * Whether the request carries the token in its bearer header, or the id of an open session in its
     * cookie (for a request that changes something, only from the service's own origin).
     */
    boolean authorized(String method, HttpFields headers) {
        if (token == null) {
            return true;
        }
        String header = headers.get(HttpHeader.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token)) {
            return true;
        }
        return sessions(headers).stream().anyMatch(this::open)
                && (method.equals("GET") || method.equals("HEAD") || sameOrigin(headers));
    }

    /**
     * Whether the request is refused only for where it comes from: its cookie names an open session,
     * but it changes something and its {@code Origin} is not the service's own.
     */
    boolean fromAnotherOrigin(String method, HttpFields headers) {
        return token != null && !method.equals("GET") && !method.equals("HEAD") && !sameOrigin(headers)
                && sessions(headers).stream().anyMatch(this::open);
    }

    /**
     * A new session's Set-Cookie value when the sign-in form posted ({@code token=...}, form-encoded)
     * the right token, else {@code null}. A browser signing in again holds one session from then on:
     * those its request's cookies name end.
     */
    String signIn(byte[] form, HttpFields headers) {
        String posted = null;
        for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("token=")) {
                try {
                    posted = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8).strip();
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        if (posted == null || token == null || !MessageDigest.isEqual(posted.getBytes(StandardCharsets.UTF_8), token)) {
            return null;
        }
        endSessions(headers);
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        synchronized (sessions) {
            Instant now = Instant.now();
            sessions.values().removeIf(ends -> !ends.isAfter(now));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.remove(sessions.keySet().iterator().next());
            }
            sessions.put(session, now.plus(Duration.ofHours(SESSION_HOURS)));
        }
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_HOURS * 3600;
    }

    /**
     * Ends every session the request's cookies name. Signing out does this, and so does signing in
     * again, so that a session left in a copied cookie does not outlive the browser's.
     */
    void endSessions(HttpFields headers) {
        List<String> named = sessions(headers);
        synchronized (sessions) {
            sessions.keySet().removeAll(named);
        }
    }

    /** The Set-Cookie value that ends the session in the browser. */
    static String endedCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private boolean open(String session) {
        synchronized (sessions) {
            Instant ends = sessions.get(session);
            return ends != null && ends.isAfter(Instant.now());
        }
    }

    /** The session ids the request's cookies name: a browser may send more than one cookie of that name. */
    private static List<String> sessions(HttpFields headers) {
        List<String> named = new ArrayList<>();
        for (HttpField field : headers.getFields(HttpHeader.COOKIE)) {
            for (String cookie : field.getValue().split(";")) {
                String pair = cookie.strip();
                if (pair.startsWith(COOKIE + "=")) {
                    named.add(pair.substring(COOKIE.length() + 1));
                }
            }
        }
        return named;
    }

    /** Whether the request names no {@code Origin}, or one whose host and port are the request's {@code Host}. */
    private static boolean sameOrigin(HttpFields headers) {
        String origin = headers.get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equals(headers.get(HttpHeader.HOST));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
