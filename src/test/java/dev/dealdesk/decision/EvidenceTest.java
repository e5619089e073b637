package dev.dealdesk.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A finding's evidence behaves as a sorted, immutable map. */
class EvidenceTest {

    @Test
    void copyOf_isTheSortedMapOfTheSameItems_inAnyInputOrder() {
        Random random = new Random(5);
        for (int n = 0; n < 2000; n++) {
            Map<String, Object> input = new HashMap<>();
            for (int i = random.nextInt(9); i > 0; i--) {
                input.put("field" + random.nextInt(30), random.nextInt(4) == 0 ? null : random.nextDouble());
            }
            Map<String, Object> evidence = Evidence.copyOf(input);
            TreeMap<String, Object> expected = new TreeMap<>(input);
            assertEquals(expected, evidence);
            assertEquals(evidence, expected);
            assertEquals(expected.hashCode(), evidence.hashCode());
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(evidence.keySet()));
            assertEquals(expected.toString(), evidence.toString());
        }
    }

    @Test
    void fromNamesAndValues_isTheMapThatPutsThemInOrder_soARepeatedNameKeepsItsLastValue() {
        Random random = new Random(11);
        for (int n = 0; n < 2000; n++) {
            int size = random.nextInt(9);
            String[] names = new String[size];
            Object[] values = new Object[size];
            Map<String, Object> expected = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                names[i] = "field" + random.nextInt(6); // repeats often
                values[i] = random.nextInt(4) == 0 ? null : random.nextInt(100);
                expected.put(names[i], values[i]);
            }
            Map<String, Object> evidence = Finding.evidence(names, values);
            assertEquals(expected, evidence);
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(evidence.keySet()));
            if (size > 0) {
                names[0] = "changed"; // the arrays are read, not kept
                assertEquals(expected, evidence);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Finding.evidence(new String[] {"a"}, new Object[0]));
        assertThrows(NullPointerException.class, () -> Finding.evidence(new String[] {null}, new Object[] {1}));
    }

    @Test
    void get_findsValuesIncludingNull_andNothingElse() {
        Map<String, Object> input = new HashMap<>();
        input.put("acv", 22000.0);
        input.put("segment", "MID_MARKET");
        input.put("sizing.seatsPurchased", null);
        Map<String, Object> evidence = Evidence.copyOf(input);

        assertEquals(22000.0, evidence.get("acv"));
        assertTrue(evidence.containsKey("sizing.seatsPurchased"));
        assertNull(evidence.get("sizing.seatsPurchased"));
        assertFalse(evidence.containsKey("missing"));
        assertFalse(evidence.containsKey(42));
        assertEquals(List.of("acv", "segment", "sizing.seatsPurchased"), List.copyOf(evidence.keySet()));
    }

    @Test
    void evidence_isImmutable_andNotCopiedAgain() {
        Map<String, Object> input = new HashMap<>(Map.of("acv", 1));
        Map<String, Object> evidence = Evidence.copyOf(input);
        input.put("later", 2);

        assertEquals(Map.of("acv", 1), evidence);
        assertThrows(UnsupportedOperationException.class, () -> evidence.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> evidence.entrySet().iterator().next().setValue(2));
        assertThrows(UnsupportedOperationException.class, () -> evidence.keySet().clear());
        assertSame(evidence, Evidence.copyOf(evidence));
    }

    @Test
    void copyOf_refusesANullName() {
        Map<String, Object> input = new HashMap<>();
        input.put(null, 1);
        assertThrows(NullPointerException.class, () -> Evidence.copyOf(input));
    }
}
