package dev.dealdesk.cli;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.DealReader;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.Utf8Buffer;
import dev.dealdesk.policy.examples.PolicyExample;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
            decideAll(engine, output(out), err);
        }
        return failed ? 1 : invalid ? 2 : 0;
    }

    /**
     * Decides every record on every core and prints its line in input order (see
     * {@link OrderedBatches}): with an audit log, a line is printed only once its decision is on
     * storage, and the log is forced about once per window of decisions, not once per deal.
     */
    private void decideAll(DealDesk engine, OrderedBatches.Output out, PrintWriter err) {
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "dealdesk-evaluate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            OrderedBatches batches = new OrderedBatches(workers, record -> decide(engine, record, err), cause -> {
                failed = true;
                err.print("dealdesk: " + cause.getMessage() + "\n");
                return errorLine("(audit)", "", "the decision could not be recorded: " + cause.getMessage());
            }, out);
            InputRecords.read(inputs, main.stdin(), batches);
            batches.finish();
        } finally {
            workers.shutdown();
        }
    }

    /**
     * Standard output as bytes, written a batch at a time, when the command runs as a program
     * (cheaper than a writer's char buffers and encoder for millions of lines); else the command
     * line's writer.
     */
    private OrderedBatches.Output output(PrintWriter out) {
        Optional<PrintStream> stdout = main.stdout();
        out.flush();
        return new OrderedBatches.Output() {
            @Override
            public void print(Utf8Buffer batch) {
                if (stdout.isPresent()) {
                    try {
                        batch.writeTo(stdout.get());
                    } catch (IOException e) {
                        throw new UncheckedIOException("a PrintStream reports no errors", e);
                    }
                } else {
                    out.print(batch.toString());
                }
            }

            @Override
            public void flush() {
                stdout.ifPresent(PrintStream::flush);
                out.flush();
            }
        };
    }

    private CompletableFuture<OrderedBatches.Text> decide(DealDesk engine, InputRecords.Record record, PrintWriter err) {
        if (record.problem() != null) {
            return done(errorLine(record.source(), "", record.problem()));
        }
        try {
            return engine.submit(read(record.text())).thenApply(decision -> batch -> {
                if (format == Format.json) {
                    DecisionJson.appendLine(decision, batch);
                } else {
                    batch.append(TextFormat.render(decision));
                }
                batch.ascii('\n');
            });
        } catch (CharacterCodingException e) {
            return done(errorLine(record.source(), "", "not valid UTF-8 text"));
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

    private static CompletableFuture<OrderedBatches.Text> done(String line) {
        return CompletableFuture.completedFuture(batch -> batch.append(line));
    }

    private static Deal read(String text) throws InvalidDealException {
        if (text.isBlank()) {
            throw new InvalidDealException("", "empty record; expected a deal object");
        }
        Optional<Deal> plain = DealReader.readPlain(text);
        if (plain.isPresent()) {
            return plain.get();
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
