package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.http.OpenApiDescription;
import dev.dealdesk.json.CustomFieldsSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dealdesk schema}: what the service serves at /v1/openapi.json and /v1/schema/deal.json, without a service. */
class SchemaCommandTest {

    @TempDir
    Path temp;

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void schema_printsTheOpenApiDescriptionOfAServiceWithoutAToken_onOneLine() {
        CliRunner.Result run = CliRunner.run("", "schema");

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals(1, run.lines().size());
        assertEquals(OpenApiDescription.of(CustomFieldsSchema.NONE.dealSchema().document(), false), run.line(0));
        assertTrue(!run.line(0).containsKey("security"), "no bearer auth without a token");
    }

    @Test
    void schema_tokenRequired_declaresBearerAuth() {
        CliRunner.Result run = CliRunner.run("", "schema", "--token-required");

        assertEquals(0, run.status(), run.err());
        assertEquals(OpenApiDescription.of(CustomFieldsSchema.NONE.dealSchema().document(), true), run.line(0));
        assertEquals("bearer", run.line(0).getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
    }

    @Test
    void schema_deal_printsTheDealsJsonSchema() {
        CliRunner.Result run = CliRunner.run("", "schema", "--deal");

        assertEquals(0, run.status(), run.err());
        assertEquals(CustomFieldsSchema.NONE.dealSchema().document(), run.line(0));
    }

    @Test
    void schema_output_writesTheFileInADirectoryItMakes() throws Exception {
        Path file = temp.resolve("openapi/dealdesk.json");

        CliRunner.Result run = CliRunner.run("", "schema", "--output", file.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(OpenApiDescription.of(CustomFieldsSchema.NONE.dealSchema().document(), false), json(Files.readString(file)));
    }

    @Test
    void schema_outputThatCannotBeWritten_exits1SayingWhy() {
        CliRunner.Result run = CliRunner.run("", "schema", "--output", temp.toString());

        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("dealdesk: cannot write " + temp + ": "), run.err());
    }

    @Test
    void schema_unknownOption_exits2() {
        CliRunner.Result run = CliRunner.run("", "schema", "--yaml");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("Unknown option: '--yaml'"), run.err());
    }
}
