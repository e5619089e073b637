package dev.dealdesk.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Who may use the service when it has a token: a client that sends it as {@code Authorization:
 * Bearer <token>}, or a browser that signed in to the workbench and holds it in the session cookie
 * (HttpOnly, SameSite=Strict, Path=/; a browser cannot send a bearer header when it opens a page).
 * Every comparison takes the same time however much of the token is right. Thread-safe.
 */
final class WorkbenchAccess {

    /** The session cookie's name. */
    static final String COOKIE = "dealdesk_session";
    /** Where the workbench's sign-in form posts. */
    static final String SIGN_IN = "/workbench/sign-in";

    private final byte[] token;

    /** @param token the token clients must send, or {@code null} when everything is open */
    WorkbenchAccess(byte[] token) {
        this.token = token == null ? null : token.clone();
    }

    boolean required() {
        return token != null;
    }

    /** Whether the request carries the token, in its bearer header or its session cookie. */
    boolean authorized(HttpFields headers) {
        if (token == null) {
            return true;
        }
        String header = headers.get(HttpHeader.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token)) {
            return true;
        }
        boolean found = false;
        for (HttpField field : headers.getFields(HttpHeader.COOKIE)) {
            for (String cookie : field.getValue().split(";")) {
                String pair = cookie.strip();
                if (pair.startsWith(COOKIE + "=")) {
                    found |= MessageDigest.isEqual(decode(pair.substring(COOKIE.length() + 1)), token);
                }
            }
        }
        return found;
    }

    /**
     * The token posted by the sign-in form ({@code token=...}, form-encoded) if it is the right one,
     * else {@code null}.
     */
    String signIn(byte[] form) {
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
        return posted != null && token != null && MessageDigest.isEqual(posted.getBytes(StandardCharsets.UTF_8), token)
                ? posted : null;
    }

    /** The Set-Cookie value that keeps {@code token} for the browser's session. */
    static String sessionCookie(String token) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that ends the session. */
    static String endedCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private static byte[] decode(String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
