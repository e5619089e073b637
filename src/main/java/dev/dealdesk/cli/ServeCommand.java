package dev.dealdesk.cli;

import dev.dealdesk.DealDesk;
import dev.dealdesk.http.DecisionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dealdesk serve}: the HTTP decision service for approval flows. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves decisions over HTTP for approval flows.",
            "Serves decisions over HTTP (JSON, under /v1) with the rules hot-reloaded and, with --audit, every "
            + "decision recorded before it is returned. Slow and idle clients are cut off; every error is an "
            + "RFC 9457 problem. Stops gracefully on SIGTERM or Ctrl-C: stops accepting, finishes requests in "
            + "flight, flushes and closes the audit log. Serves the policy workbench at / for a browser: the "
            + "policy, trying a deal, drafting a change and its what-if over the audit log, the decisions."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped", "1:the policy cannot load, or the address or audit log cannot be used"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "Rules directory (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--examples", paramLabel = "DIR", description = "Examples every reloaded policy must pass before it goes live, and the workbench's drafts are tested against.")
    private Path examples;

    @Option(names = "--audit", paramLabel = "FILE", description = "Record every decision in this audit log.")
    private Path audit;

    @Mixin
    private BudgetOptions budget;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--token-file", paramLabel = "F", description = "File holding the bearer token clients must send.")
    private Path tokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    private int maxBody;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads deciding single deals and small batches (default: two per core); batches over 16 KiB are decided one at a time.")
    private Integer workers;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DealDesk.Builder builder = DealDesk.builder().rules(rules).watch(true).budget(budget.budget(spec));
        if (examples != null) {
            builder.examples(examples);
        }
        if (audit != null) {
            builder.audit(audit);
        }
        Optional<DealDesk> built = CommandSupport.build(builder, rules, err);
        if (built.isEmpty()) {
            return 1;
        }
        DealDesk engine = built.get();
        DecisionService.Options defaults = DecisionService.Options.defaults();
        DecisionService service;
        try {
            service = DecisionService.start(engine, new DecisionService.Options(host, port, tokenFile, maxBody,
                    workers == null ? defaults.workers() : workers, Duration.ofSeconds(10)), examples);
        } catch (IOException | IllegalArgumentException e) {
            engine.close();
            err.print("dealdesk: cannot serve on " + host + ":" + port + ": " + e.getMessage() + "\n");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            engine.close();
            stopped.countDown();
            out.flush();
            err.flush();
            // A stop on SIGTERM is the normal end of a service: exit 0, not the signal's 143.
            Runtime.getRuntime().halt(0);
        }, "dealdesk-shutdown"));
        out.print("dealdesk serving policy " + engine.policy().version() + " on http://" + host + ":"
                + service.address().getPort() + "/v1/decisions\n");
        out.print("dealdesk workbench at http://" + host + ":" + service.address().getPort() + "/\n");
        out.flush();
        stopped.await();
        return 0;
    }
}
