package dev.dealdesk.cli;

import dev.dealdesk.DealDesk;
import dev.dealdesk.EvaluationException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.DealReader;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.policy.PolicyExample;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dealdesk evaluate}: decides deals and prints one decision (or error) per input record. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Decides deals: one decision (or error) per input record, in input order.",
            "A record is a deal JSON file, each *.json file of a directory, or each line of standard input (-).",
            "A policy example file ({\"description\", \"deal\", \"expect\"}) is decided on its deal.",
            "A bad record prints {\"error\": {\"source\", \"path\", \"message\"}} in its place and the others go on."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every record got a decision",
            "1:the policy cannot load, or a rule failed while deciding",
            "2:a record was invalid, or the command line was wrong"})
final class EvaluateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, text }

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules directory (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json: one compact decision per line (default); text: for a person.")
    private Format format;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Record every decision in this audit log before printing it.")
    private Path audit;

    @Option(names = "--watch", description = "Reload the rules when they change while reading a long input (hot reload).")
    private boolean watch;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Deal JSON file, directory of them, or - for JSON Lines on stdin.")
    private List<String> inputs;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    private static final int WINDOW = 256;

    private volatile boolean invalid;
    private volatile boolean failed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DealDesk.Builder builder = DealDesk.builder().rules(rules).watch(watch);
        if (audit != null) {
            builder.audit(audit);
        }
        Optional<DealDesk> built = CommandSupport.build(builder, rules, err);
        if (built.isEmpty()) {
            return 1;
        }
        try (DealDesk engine = built.get()) {
            decideAll(engine, out, err);
        }
        return failed ? 1 : invalid ? 2 : 0;
    }

    /**
     * Decides every record, keeping up to a window of decisions in flight so an audited batch
     * forces the log once per window, not once per deal; each line is printed, in input order, only
     * once its decision may be returned (with an audit log: once it is on storage).
     */
    private void decideAll(DealDesk engine, PrintWriter out, PrintWriter err) {
        Deque<CompletableFuture<String>> inFlight = new ArrayDeque<>();
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "dealdesk-evaluate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            InputRecords.read(inputs, main.stdin(), new InputRecords.Sink() {
                @Override
                public void accept(InputRecords.Record record) {
                    // Records are read, decided and formatted on every core; lines still come out in input order.
                    inFlight.add(CompletableFuture.supplyAsync(() -> decide(engine, record, err), workers)
                            .thenCompose(line -> line));
                    // Hand out only the oldest line when the window is full, so the workers never run dry.
                    while (inFlight.size() >= WINDOW || !inFlight.isEmpty() && inFlight.peek().isDone()) {
                        printOldest(inFlight, out, err);
                    }
                }

                @Override
                public void idle() {
                    print(inFlight, out, err);
                    out.flush();
                }
            });
            print(inFlight, out, err);
        } finally {
            workers.shutdown();
        }
    }

    private void print(Deque<CompletableFuture<String>> inFlight, PrintWriter out, PrintWriter err) {
        while (!inFlight.isEmpty()) {
            printOldest(inFlight, out, err);
        }
    }

    private void printOldest(Deque<CompletableFuture<String>> inFlight, PrintWriter out, PrintWriter err) {
        try {
            out.print(inFlight.poll().join());
        } catch (CompletionException e) {
            failed = true;
            err.print("dealdesk: " + e.getCause().getMessage() + "\n");
            out.print(errorLine("(audit)", "", "the decision could not be recorded: " + e.getCause().getMessage()));
        }
    }

    private CompletableFuture<String> decide(DealDesk engine, InputRecords.Record record, PrintWriter err) {
        if (record.problem() != null) {
            return done(errorLine(record.source(), "", record.problem()));
        }
        try {
            return engine.submit(read(record.text())).thenApply(decision -> format == Format.json
                    ? DecisionJson.toLine(decision) + "\n" : TextFormat.render(decision) + "\n");
        } catch (InvalidDealException e) {
            return done(errorLine(record.source(), e.path(), e.problem()));
        } catch (EvaluationException e) {
            failed = true;
            err.print("dealdesk: " + record.source() + ": " + e.getMessage() + "\n");
            return done(errorLine(record.source(), "", "the policy failed while deciding this deal: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A defect, not bad input: keep the batch going, say so, and exit non-zero.
            failed = true;
            err.print("dealdesk: " + record.source() + ": internal error: " + e + "\n");
            return done(errorLine(record.source(), "", "internal error while deciding this deal: " + e));
        }
    }

    private static CompletableFuture<String> done(String line) {
        return CompletableFuture.completedFuture(line);
    }

    private static Deal read(String text) throws InvalidDealException {
        if (text.isBlank()) {
            throw new InvalidDealException("", "empty record; expected a deal object");
        }
        JsonValue document = DealReader.parse(text);
        return PolicyExample.isExample(document) ? PolicyExample.read(document).deal() : DealReader.read(document, "");
    }

    private String errorLine(String source, String path, String message) {
        invalid = true;
        if (format == Format.json) {
            return Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("source", source).add("path", path).add("message", message)).build() + "\n";
        }
        return "Error in " + source + (path.isEmpty() ? "" : " at " + path) + ": " + message + "\n\n";
    }
}
