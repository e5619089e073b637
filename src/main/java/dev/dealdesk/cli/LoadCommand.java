package dev.dealdesk.cli;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.examples.PolicyExample;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dealdesk load}: a bounded load test of a decision service on this machine. It posts the
 * deals of the examples directory to 127.0.0.1 only, for a fixed time and at most a fixed number of
 * requests, and prints the throughput and latency percentiles.
 */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {"Load-tests a decision service on this machine.", "Posts example deals to a decision service on 127.0.0.1 (loopback only) from several threads, "
            + "for a bounded time and number of requests, then prints requests/s and latency percentiles."})
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", required = true, description = "The service's port on 127.0.0.1.")
    private int port;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Client threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "How long to run, at most 300 (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "1000000", description = "Stop after this many requests (default: ${DEFAULT-VALUE}).")
    private long maxRequests;

    @Option(names = "--examples", paramLabel = "DIR", defaultValue = "policy-examples", description = "Where the deals come from (default: ${DEFAULT-VALUE}).")
    private Path examples;

    @Option(names = "--token-file", paramLabel = "F", description = "Bearer token for the service.")
    private Path tokenFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || seconds > 300 || threads < 1 || threads > 64) {
            spec.commandLine().getErr().print("dealdesk: --seconds must be 1 to 300 and --threads 1 to 64\n");
            return 2;
        }
        List<String> deals = deals();
        String token = tokenFile == null ? null : Files.readString(tokenFile).strip();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/decisions");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[(int) Math.min(maxRequests, 2_000_000)];
            latencies.add(mine);
            int offset = t;
            Thread worker = new Thread(() -> {
                int done = 0;
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests && done < mine.length) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(deals.get((offset + done) % deals.size())));
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "HTTP " + response.statusCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    }
                    mine[done++] = System.nanoTime() - sent;
                }
                mine[mine.length - 1] = done;
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        out.print(String.format(Locale.ROOT, "%d requests in %.1f s from %d threads: %.0f requests/s, %d failed%n",
                all.length, elapsed, threads, all.length / elapsed, failed.get()));
        if (all.length > 0) {
            out.print(String.format(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                    percentile(all, 50), percentile(all, 90), percentile(all, 99), all[all.length - 1] / 1e6));
        }
        if (firstFailure.get() != null) {
            out.print("first failure: " + firstFailure.get() + "\n");
        }
        return failed.get() == 0 ? 0 : 1;
    }

    private List<String> deals() throws Exception {
        List<String> deals = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                deals.add(JsonWriter.text(DealJson.toJson(PolicyExample.read(StrictJson.parse(Files.readAllBytes(file))).deal())));
            }
        }
        return deals;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
