package dev.dealdesk.json;

import dev.dealdesk.facts.InvalidDealException;
import dev.dealdesk.json.SchemaNode.ArrayNode;
import dev.dealdesk.json.SchemaNode.NumberNode;
import dev.dealdesk.json.SchemaNode.ObjectNode;
import dev.dealdesk.json.SchemaNode.StringNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON Schema (draft 2020-12) that the reader enforces, keyword for keyword. The deal's shape is
 * declared once, in {@code deal.schema.json} beside this class ({@link #deal()}); the same code
 * checks any other schema written in the same subset.
 *
 * <p>The subset, and nothing else: a schema holding any other keyword, or a keyword where it has no
 * effect (a {@code minimum} on a string, say), is refused when it loads, so a schema never says more
 * than the reader enforces.
 * <ul>
 * <li>{@code $schema} (required at the root, {@code https://json-schema.org/draft/2020-12/schema})
 *     and {@code $id} (at the root, an absolute URI); {@code title}, {@code description} and
 *     {@code default} (which must itself conform) anywhere, as annotations.</li>
 * <li>{@code type} (required): one of {@code object}, {@code array}, {@code string}, {@code number},
 *     {@code integer}, {@code boolean}, alone or as {@code [type, "null"]}. An {@code integer} is a
 *     whole number an {@code int} holds, however written ({@code 18.0}, {@code 1e2}); a
 *     {@code number}, one a double holds.</li>
 * <li>Objects: {@code properties}, {@code required} (declared properties only),
 *     {@code additionalProperties: false} (no other value).</li>
 * <li>Arrays: {@code items} (one schema for every item) and {@code maxItems}.</li>
 * <li>Strings, with at most one of: {@code enum} (strings, listing {@code null} exactly when the type
 *     allows it), {@code format: "date"} (a calendar day {@code YYYY-MM-DD}), {@code pattern} (an
 *     ECMA-262 expression, found anywhere in the string as the standard says, with a {@code title}
 *     that names the form in messages).</li>
 * <li>Numbers and integers: {@code minimum}.</li>
 * </ul>
 *
 * <p>Checking reports the first value that does not conform as an {@link InvalidDealException}
 * with its JSON Pointer and what was expected, in words taken from the keywords: "a number >= 0",
 * "an integer >= 1", "one of LAND, EXPANSION, RENEWAL", "a date YYYY-MM-DD", "true or false", "an
 * object", "an array", or a pattern's title. An object's unknown members are reported first, then its
 * properties in declared order. Immutable and thread-safe.
 */
public final class DealSchema {

    private static final DealSchema DEAL = fromResource("deal.schema.json");

    private final JsonObject document;
    private final SchemaNode root;

    private DealSchema(JsonObject document) {
        this.document = document;
        this.root = SchemaLoader.load(document);
    }

    /** The schema of a deal (policy brief, section 2), shipped with the engine. */
    public static DealSchema deal() {
        return DEAL;
    }

    /**
     * Loads a schema from its JSON text.
     *
     * @throws IllegalArgumentException when the text is not one JSON object, or the schema uses what
     *                                  the subset above does not hold, naming the schema location
     */
    public static DealSchema parse(String json) {
        JsonValue document;
        try {
            document = StrictJson.parse(json);
        } catch (InvalidDealException e) {
            throw new IllegalArgumentException("schema " + (e.path().isEmpty() ? "document" : e.path()) + ": " + e.problem(), e);
        }
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("schema document: expected an object, got " + JsonFields.describe(document));
        }
        return new DealSchema(document.asJsonObject());
    }

    private static DealSchema fromResource(String name) {
        try (InputStream in = DealSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + name, e);
        }
    }

    /**
     * Checks {@code value}, found at {@code path} (a JSON Pointer, empty for the document root) so
     * errors name the path within the enclosing document.
     *
     * @throws InvalidDealException naming the JSON Pointer of the first value that does not conform
     */
    public void validate(JsonValue value, String path) throws InvalidDealException {
        root.check(value, path, null);
    }

    /** The schema document as it was loaded. */
    public JsonObject document() {
        return document;
    }

    /**
     * The {@code maxItems} of the array at {@code pointer}, a JSON Pointer into the documents this
     * schema describes ({@code /expansionMap}).
     *
     * @throws IllegalArgumentException when the schema declares no array with a maxItems there
     */
    public int maxItems(String pointer) {
        if (node(pointer) instanceof ArrayNode array && array.maxItems() != ArrayNode.UNBOUNDED) {
            return array.maxItems();
        }
        throw new IllegalArgumentException("the schema declares no array with maxItems at " + pointer);
    }

    /**
     * The type of the value at {@code pointer} ({@code /contract/termMonths}; array items are
     * reached through any index): {@code object}, {@code array}, {@code string}, {@code date} (a
     * string of format date), {@code number}, {@code integer} or {@code boolean}.
     *
     * @throws IllegalArgumentException when the schema declares nothing there
     */
    public String type(String pointer) {
        SchemaNode node = node(pointer);
        if (node instanceof StringNode string) {
            return string.date() ? "date" : "string";
        }
        if (node instanceof NumberNode number) {
            return number.integer() ? "integer" : "number";
        }
        return node instanceof ObjectNode ? "object" : node instanceof ArrayNode ? "array" : "boolean";
    }

    /**
     * Whether the value at {@code pointer} is free text: a string with no {@code enum}, no
     * {@code pattern} and no {@code format}, so any text conforms (a placeholder such as
     * {@code "<sponsor>"} does).
     *
     * @throws IllegalArgumentException when the schema declares nothing there
     */
    public boolean freeText(String pointer) {
        return node(pointer) instanceof StringNode string && string.constants() == null && string.pattern() == null
                && !string.date();
    }

    /**
     * The names of the properties the object at {@code pointer} declares, in declared order; empty
     * when it declares none.
     *
     * @throws IllegalArgumentException when the schema declares no object there
     */
    public List<String> properties(String pointer) {
        if (node(pointer) instanceof ObjectNode object) {
            return List.copyOf(object.byName().keySet());
        }
        throw new IllegalArgumentException("the schema declares no object at " + pointer);
    }

    /**
     * Whether the object at {@code pointer} is closed ({@code additionalProperties: false}): it may
     * hold only the properties it declares.
     *
     * @throws IllegalArgumentException when the schema declares no object there
     */
    public boolean closed(String pointer) {
        if (node(pointer) instanceof ObjectNode object) {
            return object.closed();
        }
        throw new IllegalArgumentException("the schema declares no object at " + pointer);
    }

    private SchemaNode node(String pointer) {
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON Pointer: \"" + pointer + "\"");
        }
        SchemaNode node = root;
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (node instanceof ObjectNode object && object.byName().containsKey(name)) {
                node = object.byName().get(name);
            } else if (node instanceof ArrayNode array && array.items() != null) {
                node = array.items();
            } else {
                throw new IllegalArgumentException("the schema declares nothing at " + pointer);
            }
        }
        return node;
    }
}
