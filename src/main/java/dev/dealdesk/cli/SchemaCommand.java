package dev.dealdesk.cli;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.http.OpenApiDescription;
import dev.dealdesk.json.CustomFieldsSchema;
import dev.dealdesk.policy.compiled.PolicySource;
import dev.dealdesk.json.JsonWriter;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dealdesk schema}: prints the service's OpenAPI description, or the deal's JSON Schema. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the service's OpenAPI 3.0.3 description, or the deal's JSON Schema.",
            "Prints what the service serves at GET /v1/openapi.json (or, with --deal, GET /v1/schema/deal.json), "
            + "as one line of JSON, for generating a client or validating deals without a running service."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "1:the policy's custom fields could not be read, or the output file could not be written",
            "2:the command line was wrong"})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "The policy whose custom fields the deal holds (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--deal", description = "Print the deal's JSON Schema (draft 2020-12) instead.")
    private boolean deal;

    @Option(names = "--token-required",
            description = "Describe a service started with --token-file: bearer auth on every endpoint but the probes.")
    private boolean tokenRequired;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (its directory is made if need be) instead of standard output.")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        JsonObject schema;
        try {
            schema = PolicySource.read(rules).customFields().map(CustomFieldsSchema::parse).orElse(CustomFieldsSchema.NONE)
                    .dealSchema().document();
        } catch (PolicyLoadException e) {
            spec.commandLine().getErr().print("dealdesk: " + e.getMessage() + "\n");
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().print("dealdesk: " + rules.resolve(CustomFieldsSchema.FILE) + ": " + e.getMessage() + "\n");
            return 1;
        }
        String text = JsonWriter.text(deal ? schema : OpenApiDescription.of(schema, tokenRequired)) + "\n";
        if (output == null) {
            spec.commandLine().getOut().print(text);
            return 0;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().print("dealdesk: cannot write " + output + ": " + e.getMessage() + "\n");
            return 1;
        }
    }
}
