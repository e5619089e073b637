package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.http.DecisionService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code dealdesk load}: bounded, loopback-only, and it prints throughput and latency. */
class LoadCommandTest {

    @Test
    void load_againstALocalService_printsThroughputAndPercentiles() throws Exception {
        try (DealDesk engine = DealDesk.builder().rules(Path.of("rules")).build()) {
            DecisionService service = DecisionService.start(engine, DecisionService.Options.defaults());
            try {
                CliRunner.Result run = CliRunner.run("", "load", "--port", String.valueOf(service.address().getPort()),
                        "--threads", "2", "--seconds", "1", "--max-requests", "200");
                assertEquals(0, run.status(), run.out() + run.err());
                assertTrue(run.out().matches("(?s)\\d+ requests in [\\d.]+ s from 2 threads: \\d+ requests/s, 0 failed\\n"
                        + "latency ms: p50 [\\d.]+  p90 [\\d.]+  p99 [\\d.]+  max [\\d.]+\\n"), run.out());
            } finally {
                service.close();
            }
        }
    }

    @Test
    void load_unboundedRequest_isRefused() {
        CliRunner.Result run = CliRunner.run("", "load", "--port", "1", "--seconds", "3600");
        assertEquals(2, run.status());
        assertEquals("dealdesk: --seconds must be 1 to 300 and --threads 1 to 64\n", run.err());
    }
}
