package dev.dealdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI description the service serves is valid OpenAPI, as a standard parser reads it. */
class OpenApiContractTest {

    @Test
    void description_parsesWithoutAMessage_andEveryOperationHasAnId() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                Files.readString(Path.of("src/main/resources/openapi.json")), null, options);
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        List<String> ids = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertNotNull(operation.getOperationId(), method + " " + path);
            ids.add(operation.getOperationId());
        }));
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
    }
}
