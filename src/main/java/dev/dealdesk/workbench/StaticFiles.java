package dev.dealdesk.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench's pages, styles, scripts and images, served from the jar
 * ({@code dev/dealdesk/workbench/} on the class path): nothing is fetched from anywhere else. Only
 * plain names of known kinds are served. Thread-safe; each file is read once.
 */
final class StaticFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|png|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml");
    /**
     * Pages run only the workbench's own scripts and styles and talk only to this service; no page
     * may frame them.
     */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                    + " form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    /** The file {@code name}, or empty when there is none of that name. */
    Optional<Answer> get(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return files.computeIfAbsent(name, StaticFiles::read)
                .map(bytes -> new Answer(200, TYPES.get(matcher.group(1)), bytes, HEADERS));
    }

    /** The sign-in page, saying {@code message} (plain text) when it is not empty, as a 401. */
    Answer signIn(String message) {
        String page = new String(files.computeIfAbsent("sign-in.html", StaticFiles::read).orElseThrow(), StandardCharsets.UTF_8);
        String note = message.isEmpty() ? "" : "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>";
        return new Answer(401, TYPES.get("html"), page.replace("<!--message-->", note).getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff", "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"));
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
