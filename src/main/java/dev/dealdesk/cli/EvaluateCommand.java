package dev.dealdesk.cli;

import dev.dealdesk.DealDesk;
import dev.dealdesk.approval.Ask;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.decision.EvaluationException;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.DecisionJson;
import dev.dealdesk.json.JsonLines;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.policy.examples.PolicyExample;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
            "A bad record prints {\"error\": {\"source\", \"path\", \"message\"}} in its place and the others go on.",
            "Stops, with status 141, when standard output is closed (| head)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every record got a decision",
            "1:the policy cannot load, or a rule failed while deciding",
            "2:a record was invalid, or the command line was wrong",
            "141:standard output closed before every decision was printed"})
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
            description = "Record every decision in this audit log (its directory must exist) before printing it.")
    private Path audit;

    @Option(names = "--path-to-approval",
            description = "Give each FLAG or REJECT decision the changes to the deal that would make it APPROVE.")
    private boolean pathToApproval;

    @Option(names = "--previous", paramLabel = "AUDIT_LOG",
            description = "Say, for each deal, which sign-offs carry over from its latest decision in this audit log.")
    private Path previous;

    @Option(names = "--watch", description = "Reload the rules when they change while reading a long input (hot reload).")
    private boolean watch;

    @Mixin
    private BudgetOptions budget;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Deal JSON file, directory of them, or - for JSON Lines on stdin.")
    private List<String> inputs;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    /** The latest logged decision of each deal id, from {@code --previous}. */
    private Map<String, JsonObject> latest = Map.of();
    private volatile boolean invalid;
    private volatile boolean failed;

    /** The exit status when standard output closes early, as a shell reports a command ended by SIGPIPE. */
    static final int OUTPUT_CLOSED = 141;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DealDesk.Builder builder = DealDesk.builder().rules(rules).watch(watch).budget(budget.budget(spec));
        if (audit != null) {
            builder.audit(audit);
        }
        Optional<DealDesk> built = CommandSupport.build(builder, rules, err);
        if (built.isEmpty()) {
            return 1;
        }
        try (DealDesk engine = built.get()) {
            if (previous != null) {
                try {
                    latest = AuditRecord.latestByDeal(previous);
                } catch (IOException e) {
                    err.print("dealdesk: cannot read the previous decisions in " + previous + ": " + e.getMessage() + "\n");
                    return 2;
                }
            }
            boolean printed = InOrder.<Inputs.Record>run(
                    sink -> Inputs.read(inputs, main.stdin(), JsonLines.DEFAULT_LIMIT, sink),
                    record -> decide(engine, record, err),
                    failure -> internalError("(input)", failure, err),
                    out);
            if (!printed) {
                return OUTPUT_CLOSED;
            }
        }
        return failed ? 1 : invalid ? 2 : 0;
    }

    /**
     * A record's text: its decision, or the error in its place. With an audit log the future
     * completes once the decision is on storage.
     */
    private CompletableFuture<String> decide(DealDesk engine, Inputs.Record record, PrintWriter err) {
        if (record.problem() != null) {
            return done(error(record.source(), "", record.problem()));
        }
        JsonValue document;
        Optional<JsonArray> batch;
        try {
            document = StrictJson.parse(record.bytes());
            batch = DealJson.batch(document);
        } catch (InvalidDealException e) {
            return done(error(record.source(), e.path(), e.problem()));
        }
        if (batch.isEmpty()) {
            return decide(engine, record.source(), document, "", err);
        }
        // An array of deals is a batch, as over HTTP: each element's text in order, errors at /i.
        JsonArray deals = batch.get();
        List<CompletableFuture<String>> texts = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            texts.add(decide(engine, record.source(), deals.get(i), "/" + i, err));
        }
        return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new))
                .thenApply(all -> texts.stream().map(CompletableFuture::join).collect(Collectors.joining()));
    }

    /** The text of one deal (or golden example) found at {@code path} in the record from {@code source}. */
    private CompletableFuture<String> decide(DealDesk engine, String source, JsonValue value, String path, PrintWriter err) {
        boolean example = PolicyExample.isExample(value);
        try {
            Deal deal = example ? PolicyExample.read(value).deal() : DealJson.read(value, path);
            Ask ask = new Ask(pathToApproval, latest.get(deal.dealId()));
            return submit(engine, deal, ask, path + (example ? "/deal" : "")).handle((decision, failure) -> {
                if (failure == null) {
                    try {
                        return render(decision);
                    } catch (RuntimeException e) {
                        return internalError(source, e, err);
                    }
                }
                failed = true;
                Throwable cause = cause(failure);
                err.print("dealdesk: " + cause.getMessage() + "\n");
                return error(source, path, "the decision could not be recorded: " + cause.getMessage());
            });
        } catch (InvalidDealException e) {
            return done(error(source, e.path(), e.problem()));
        } catch (EvaluationException e) {
            failed = true;
            err.print("dealdesk: " + source + path + ": " + e.getMessage() + "\n");
            return done(error(source, path, "the policy failed while deciding this deal: " + e.getMessage()));
        } catch (RuntimeException e) {
            return done(internalError(source, e, err));
        }
    }

    /** A defect, not bad input: the batch goes on, says so, and exits non-zero. */
    private String internalError(String source, Throwable failure, PrintWriter err) {
        failed = true;
        Throwable cause = cause(failure);
        err.print("dealdesk: " + source + ": internal error: " + cause + "\n");
        return error(source, "", "internal error while deciding this deal: " + cause);
    }

    /** What a future's failure is about, without the wrapper a dependent stage adds. */
    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static CompletableFuture<String> done(String text) {
        return CompletableFuture.completedFuture(text);
    }

    /** Submits the deal found at {@code path}: custom fields the policy refuses are named at their place in the record. */
    private static CompletableFuture<Decision> submit(DealDesk engine, Deal deal, Ask ask, String path) {
        try {
            return engine.submit(deal, ask);
        } catch (InvalidDealException e) {
            throw e.under(path);
        }
    }

    private String render(Decision decision) {
        return format == Format.json ? DecisionJson.toLine(decision) + "\n" : TextFormat.render(decision);
    }

    private String error(String source, String path, String message) {
        invalid = true;
        if (format == Format.json) {
            return JsonWriter.text(DecisionJson.error(source, path, message)) + "\n";
        }
        return "Error in " + TextFormat.escape(source) + (path.isEmpty() ? "" : " at " + TextFormat.escape(path)) + ": "
                + TextFormat.escape(message) + "\n\n";
    }
}
