package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.facts.Contract;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.facts.Motion;
import dev.dealdesk.facts.PricingModel;
import dev.dealdesk.facts.Quarter;
import dev.dealdesk.facts.Segment;
import dev.dealdesk.facts.Seller;
import dev.dealdesk.facts.Stage;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The deal schema and the fact records describe the same deal: every component of every record in
 * {@code dev.dealdesk.facts} is a property of the matching schema object, of the matching type, and
 * every property is a component. Reflection, so a field added to one and not the other fails here.
 */
class DealSchemaFactsTest {

    private static final JsonObject SCHEMA = DealSchema.deal().document();

    @Test
    void schema_andFactRecords_haveTheSameMembersOfTheSameTypes() throws Exception {
        Set<Class<?>> reached = new HashSet<>();
        List<Executable> checks = new ArrayList<>();
        agree(Deal.class, SCHEMA, "", reached, checks);
        assertAll(checks.stream());

        Set<String> records = factRecords().stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = new TreeSet<>();
        reached.forEach(type -> described.add(type.getSimpleName()));
        described.add(Quarter.class.getSimpleName()); // a value, written as a string with the quarter pattern
        assertEquals(records, described, "fact records the schema describes");
    }

    @Test
    void touchModelDefault_isWhatADealWithoutOneGets() {
        Deal deal = Deal.builder().dealId("D-1").asOf(LocalDate.of(2026, 1, 1)).motion(Motion.LAND)
                .stage(Stage.PROPOSAL).segment(Segment.SMB).acv(1).seller(new Seller(1))
                .contract(new Contract(PricingModel.PER_SEAT, 12, null, null)).build();

        assertEquals(SCHEMA.getJsonObject("properties").getJsonObject("touchModel").getString("default"),
                deal.touchModel().name());
    }

    /** Adds the checks that {@code record} and the object {@code schema} at {@code at} agree, and of what they hold. */
    private static void agree(Class<?> record, JsonObject schema, String at, Set<Class<?>> reached, List<Executable> checks) {
        reached.add(record);
        JsonObject properties = schema.getJsonObject("properties");
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        checks.add(() -> assertEquals(components, new TreeSet<>(properties.keySet()),
                record.getSimpleName() + " components and schema properties at " + (at.isEmpty() ? "the root" : at)));
        List<String> required = schema.getJsonArray("required").getValuesAs(JsonString::getString);
        for (RecordComponent component : record.getRecordComponents()) {
            JsonObject property = properties.getJsonObject(component.getName());
            if (property == null) {
                continue;
            }
            String where = at + "/" + component.getName();
            Class<?> type = component.getType();
            boolean nullable = property.get("type").getValueType() == JsonValue.ValueType.ARRAY;
            String jsonType = nullable ? property.getJsonArray("type").getString(0) : property.getString("type");
            if (type.isPrimitive()) {
                checks.add(() -> assertTrue(required.contains(component.getName()) && !nullable,
                        where + " is a primitive, so the schema must require it and refuse null"));
            }
            if (type.isRecord() && type.getPackage().equals(Deal.class.getPackage()) && type != Quarter.class) {
                checks.add(() -> assertEquals("object", jsonType, where));
                agree(type, property, where, reached, checks);
            } else if (type == List.class) {
                Class<?> item = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                checks.add(() -> assertEquals("array", jsonType, where));
                agree(item, property.getJsonObject("items"), where + "/0", reached, checks);
            } else if (type == Map.class) {
                // The custom fields: an open object here, closed by each policy's own declaration.
                checks.add(() -> assertEquals("object", jsonType, where));
                checks.add(() -> assertFalse(property.containsKey("properties") || property.containsKey("additionalProperties"),
                        where + " is declared by the policy, not by the engine"));
            } else if (type.isEnum()) {
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                List<String> listed = property.getJsonArray("enum").stream()
                        .filter(value -> value != JsonValue.NULL).map(value -> ((JsonString) value).getString()).toList();
                checks.add(() -> assertEquals(constants, listed, where + " enum and " + type.getSimpleName()));
            } else {
                String described = jsonType + (property.containsKey("format") ? " format " + property.getString("format") : "")
                        + (type == Quarter.class ? " pattern " + property.getString("pattern", "(none)") : "");
                checks.add(() -> assertEquals(scalarType(type), described, where));
            }
        }
    }

    private static String scalarType(Class<?> type) {
        if (type == String.class) {
            return "string";
        } else if (type == double.class || type == Double.class) {
            return "number";
        } else if (type == int.class || type == Integer.class) {
            return "integer";
        } else if (type == Boolean.class) {
            return "boolean";
        } else if (type == LocalDate.class) {
            return "string format date";
        } else if (type == Quarter.class) {
            return "string pattern ^[0-9]{4}-Q[1-4]$";
        }
        return "no JSON type for " + type;
    }

    /** Every record type in the facts package. */
    private static Set<Class<?>> factRecords() throws Exception {
        Path classes = Path.of(Deal.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Deal.class.getPackageName().replace('.', '/'));
        Set<Class<?>> records = new HashSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(Deal.class.getPackageName() + "." + name.replace(".class", ""));
                    if (type.isRecord()) {
                        records.add(type);
                    }
                }
            }
        }
        assertFalse(records.isEmpty(), "no fact records found in " + classes);
        return records;
    }
}
