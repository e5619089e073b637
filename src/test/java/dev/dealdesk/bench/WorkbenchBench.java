package dev.dealdesk.bench;

import dev.dealdesk.DealDesk;
import dev.dealdesk.facts.Deal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The workbench's interactive speed, against {@code ./dealdesk serve} (the launcher's 256 MB heap)
 * on an audit log of 100,000 generated decisions: how long a page's first view takes (the page,
 * its styles and scripts, and the policy overview, fetched one after another as a browser's first
 * visit asks for them), just after the service starts and then as a median of several, and how long
 * a draft's what-if over the whole log takes, as the draft page asks for it: the first draft after
 * the service started and read the log (its code not yet compiled by the JIT), then the median of
 * three more.
 */
final class WorkbenchBench {

    /** What a browser fetches to show the policy page the first time. */
    private static final List<String> FIRST_VIEW = List.of("/", "/workbench/app.css", "/workbench/app.js", "/workbench/policy.js",
            "/workbench/try.js", "/workbench/chart.js", "/workbench/draft.js", "/workbench/decisions.js", "/v1/workbench/policy");

    /**
     * The figures.
     *
     * @param records         logged decisions
     * @param coldFirstViewMs the first view right after the service started (it reads the log first)
     * @param firstViewMs     the median first view after that
     * @param firstDraftSeconds the first draft's answer after the service started and read the log
     * @param firstWhatIfSeconds the what-if part of it
     * @param draftSeconds    a draft's answer, median of the three after it: compile, then what-if over every record
     * @param whatIfSeconds   the what-if part of it, as the answer reports it
     */
    record Figures(int records, double coldFirstViewMs, double firstViewMs, double firstDraftSeconds,
                   double firstWhatIfSeconds, double draftSeconds, double whatIfSeconds) {
    }

    private WorkbenchBench() {
    }

    static Figures measure(int records) throws Exception {
        Path folder = Files.createTempDirectory("dealdesk-bench-workbench");
        try {
            Path log = folder.resolve("decisions.jsonl");
            try (DealDesk engine = DealDesk.builder().rules(Path.of("rules")).audit(log).build()) {
                List<CompletableFuture<?>> recorded = new ArrayList<>();
                for (Deal deal : DealGenerator.generate(7, records)) {
                    recorded.add(engine.submit(deal));
                    if (recorded.size() == 1_000) {
                        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
                        recorded.clear();
                    }
                }
                CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
            }
            return againstService(log, records);
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Figures againstService(Path log, int records) throws Exception {
        Process server = new ProcessBuilder("./dealdesk", "serve", "--port", "0", "--audit", log.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String banner = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            String base = "http://127.0.0.1:" + banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1");
            HttpClient client = HttpClient.newHttpClient();
            double cold = firstView(client, base);
            List<Double> views = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                views.add(firstView(client, base));
            }
            // As an analyst would, the first draft comes once the page says the log is read.
            while (client.send(HttpRequest.newBuilder(URI.create(base + "/v1/workbench/policy")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"reading\":true")) {
                Thread.sleep(100);
            }
            List<Double> drafts = new ArrayList<>();
            List<Double> whatIfs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Each draft is a change of its own, as an analyst tries one value after another.
                String draft = "{\"thresholds\": {\"minimumLandAcvSmb\": " + (10_000 + i * 500) + "}}";
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/workbench/drafts"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(draft)).build(),
                        HttpResponse.BodyHandlers.ofString());
                drafts.add((System.nanoTime() - start) / 1e9);
                if (answer.statusCode() != 200 || !answer.body().contains("\"decisions\":" + records + ",")) {
                    throw new IllegalStateException("the draft was not checked over every record: " + answer.statusCode() + " "
                            + answer.body().substring(0, Math.min(400, answer.body().length())));
                }
                whatIfs.add(Long.parseLong(answer.body().replaceAll("(?s).*\"millis\":(\\d+).*", "$1")) / 1e3);
            }
            return new Figures(records, cold, median(views), drafts.get(0), whatIfs.get(0), median(drafts.subList(1, 4)),
                    median(whatIfs.subList(1, 4)));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Milliseconds to fetch everything the policy page's first view needs, one after another. */
    private static double firstView(HttpClient client, String base) throws Exception {
        long start = System.nanoTime();
        for (String path : FIRST_VIEW) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
