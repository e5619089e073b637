package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestEngines;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the shipped thresholds, and editing one value without touching anything else. */
class ThresholdsTest {

    private static String shipped() throws Exception {
        return Files.readString(TestEngines.SHIPPED_RULES.resolve(Thresholds.FILE));
    }

    @Test
    void read_findsEveryFunctionWithItsValueCommentSectionAndLine() throws Exception {
        String text = shipped();
        List<Thresholds.Threshold> thresholds = Thresholds.read(text);
        assertEquals(text.lines().filter(line -> line.startsWith("function ")).count(), thresholds.size());
        Thresholds.Threshold window = thresholds.get(0);
        assertEquals(new Thresholds.Threshold("valueProofMaxWindowDays", "int", "90",
                "The value proof must land inside this many days of close (\"prove measurable value inside 90 days\").",
                "Land is a real 90-day workflow win", text.lines().toList().indexOf(
                        "function int valueProofMaxWindowDays() { return 90; }") + 1), window);
        Thresholds.Threshold midMarket = thresholds.stream().filter(t -> t.name().equals("minimumLandAcvMidMarket")).findFirst().orElseThrow();
        assertEquals("", midMarket.comment(), "the comment above minimumLandAcvSmb is that line's");
        assertEquals("40_000", midMarket.value());
    }

    @Test
    void apply_changesOnlyTheValuesNamed() throws Exception {
        String text = shipped();
        String edited = Thresholds.apply(text, Map.of("minimumLandAcvSmb", "10000", "flatFeeMaxTermMonths", "24"));
        List<String> before = text.lines().toList();
        List<String> after = edited.lines().toList();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        assertEquals(List.of("function double minimumLandAcvSmb() { return 10_000; }",
                "function int flatFeeMaxTermMonths() { return 24; }"), changed);
        assertEquals(text.length() - "15_000".length() + "10_000".length(), edited.length());
    }

    @Test
    void apply_leavesAValueGivenAsItIsWritten_asWritten_andGroupsANewOneAsTheFileDid() throws Exception {
        String text = shipped();
        for (String same : List.of("15000", "15_000", "15000.0", "15000.00")) {
            assertEquals(text, Thresholds.apply(text, Map.of("minimumLandAcvSmb", same, "flatFeeMaxTermMonths", "12")), same);
        }
        Map<String, String> values = new java.util.HashMap<>();
        Thresholds.read(Thresholds.apply(text, Map.of("csmNominatesAeClosesFromArr", "12500000", "minimumLandAcvSmb", "999",
                "minimumLandAcvMidMarket", "-1000", "minimumLandAcvEnterprise", "45000.5", "strategyMinPhases", "1000")))
                .forEach(threshold -> values.put(threshold.name(), threshold.value()));
        assertEquals("12_500_000", values.get("csmNominatesAeClosesFromArr"));
        assertEquals("999", values.get("minimumLandAcvSmb"));
        assertEquals("-1_000", values.get("minimumLandAcvMidMarket"));
        assertEquals("45000.5", values.get("minimumLandAcvEnterprise"), "a fraction as given");
        assertEquals("1000", values.get("strategyMinPhases"), "written without underscores before, so without them now");
    }

    @Test
    void apply_writesAWholeNumberBeyondAnIntAsADoubleLiteral_forADoubleThresholdOnly() throws Exception {
        List<Thresholds.Threshold> read = Thresholds.read(Thresholds.apply(shipped(),
                Map.of("minimumLandAcvSmb", "123456789012345678", "minimumLandAcvEnterprise", "2147483647",
                        "flatFeeMaxTermMonths", "123456789012345678")));
        Map<String, String> values = new java.util.HashMap<>();
        read.forEach(threshold -> values.put(threshold.name(), threshold.value()));
        assertEquals("123_456_789_012_345_678.0", values.get("minimumLandAcvSmb"));
        assertEquals("2_147_483_647", values.get("minimumLandAcvEnterprise"), "an int literal holds it");
        assertEquals("123456789012345678", values.get("flatFeeMaxTermMonths"), "the compiler says an int cannot hold it");
    }

    @Test
    void apply_refusesAValueThatIsNotANumber_orANameThereIsNot() throws Exception {
        for (String value : List.of("ten", "", "1e3", "15 000", "15;", "0x10", "return 1", "012", "0010000", "09", "-07", "0_1")) {
            Refusal refused = assertThrows(Refusal.class, () -> Thresholds.apply(shipped(), Map.of("minimumLandAcvSmb", value)), value);
            assertEquals("/thresholds/minimumLandAcvSmb", refused.path());
        }
        assertTrue(assertThrows(Refusal.class, () -> Thresholds.apply(shipped(), Map.of("minimumLandAcvSmb", "012"))).detail()
                .contains("with no leading zero (012 would not be read as twelve)"));
        Refusal unknown = assertThrows(Refusal.class, () -> Thresholds.apply(shipped(), Map.of("a/b", "1")));
        assertEquals("/thresholds/a~1b", unknown.path());
        assertEquals("no threshold named a/b in thresholds.drl", unknown.detail());
    }
}
