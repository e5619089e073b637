package dev.dealdesk.http;

import java.time.Duration;

/**
 * What one client, slow or hostile, can hold or cost the service. The body size limit and the
 * number of workers are {@link DecisionService.Options}; these are fixed. The memory bounds are
 * sized for the launcher's 256 MB heap (the workbench's log index and a draft's what-if share it) and the default 1 MiB body limit: a body's parsed JSON tree
 * can take some 50 times the body, so one large body is parsed at a time, and each of the other
 * workers parses at most a small one.
 */
final class Limits {

    /** A connection that sends nothing for this long is closed, between requests or within one. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * A request line and headers must arrive in full within this of the connection opening or of
     * its previous response, or the connection is closed. The idle timeout alone cannot catch a
     * client that trickles one byte at a time: each byte restarts it.
     */
    static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(10);

    /** A request body must arrive in full within this of its headers, or the request gets a 408. */
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    /** The request line and headers together, at most: 414 or 431 beyond. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    /**
     * Open connections at most; at the limit the service stops accepting (new clients wait in the
     * operating system's backlog) until one closes.
     */
    static final int MAX_CONNECTIONS = 1_000;

    /** Connections waiting in the operating system's backlog to be accepted. */
    static final int ACCEPT_QUEUE = 128;

    /**
     * A body over this is large: a batch (a single deal is a few KB). Large bodies are decided one at
     * a time, by a worker of their own, which bounds the memory their parsed trees take; a flood of
     * them cannot turn away or hold up single deals, which the other workers decide.
     */
    static final int LARGE_BODY = 16 * 1024;

    /**
     * Large bodies held in memory at once (being received, waiting, or being decided): a post of one
     * more gets a 503 at once.
     */
    static final int LARGE_BODIES_HELD = 4;

    /** Small bodies held in memory at once, in {@link #LARGE_BODY}s: a post of one more gets a 503 at once. */
    static final int SMALL_BODIES_HELD = 256;

    /** Small posts received and waiting for a worker, at most: beyond, a 503. */
    static final int WAITING_FOR_A_WORKER = 64;

    /**
     * Threads of the server itself, apart from the workers: they accept connections, read requests
     * and answer everything but posts of deals. A slow client holds none of them.
     */
    static final int SERVER_THREADS = 12;

    /** What a client that gets a 503 for a full service is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private Limits() {
    }
}
