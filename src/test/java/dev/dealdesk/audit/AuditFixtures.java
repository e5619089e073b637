package dev.dealdesk.audit;

import dev.dealdesk.json.StrictJson;
import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.examples.PolicyExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Deals and audited engines for the audit tests. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    /** The deal of every golden example: between them, every finding code. */
    static List<Deal> exampleDeals() {
        List<Deal> deals = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("policy-examples"))) {
            for (Path file : files.sorted().toList()) {
                deals.add(PolicyExample.read(StrictJson.parse(Files.readString(file))).deal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return deals;
    }

    /** Decides {@code deals} with an engine over {@code rules} that audits to {@code log}. */
    static List<Decision> audit(Path rules, Path log, List<Deal> deals) throws PolicyLoadException {
        try (DealDesk engine = DealDesk.builder().rules(rules).audit(log).build()) {
            return deals.stream().map(engine::evaluate).toList();
        }
    }
}
