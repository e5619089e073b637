package dev.dealdesk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.facts.Deal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The writer's exact bytes, which outside tools depend on: the decision line in the brief's member
 * order, and the canonical audit record whose hash an auditor recomputes. The golden files were
 * written by the writers this one replaced, so their hashes stay valid; the npm package
 * {@code canonicalize} (RFC 8785) gives the same hash for the golden record. An edit of the shipped
 * rules changes only the policy version in them, and so the record's hash: the SHA-256 of the
 * record's line without its {@code hash} member, recomputed outside Java.
 */
class DecisionJsonTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** A deal whose strings need escaping (a control character, a quote, a backslash, DEL, U+2028, an emoji) and whose numbers have fractions. */
    private static Deal goldenDeal() {
        return TestDeals.cleanLand().set("/dealId", "G\u00f6ld-\u0001\n\"\\-\ud83d\ude00-\u007f")
                .set("/acv", 14999.99).set("/valueProof/baseline", 0.25).set("/valueProof/target", 1.5e10)
                .set("/valueProof/champion", "Zo\u00eb \u2028 tab\there").deal();
    }

    private static Decision goldenDecision() throws Exception {
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES)
                .clock(Clock.fixed(Instant.parse("2026-11-23T10:15:30.123Z"), ZoneOffset.UTC))
                .decisionIds(() -> "golden-1").build()) {
            return engine.evaluate(goldenDeal());
        }
    }

    @Test
    void decisionLine_isByteForByteTheGoldenLine() throws Exception {
        byte[] golden = Files.readAllBytes(GOLDEN.resolve("decision-line.json"));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        JsonWriter.write(DecisionJson.toJson(goldenDecision()), written);
        written.write('\n');
        assertEquals(new String(golden, StandardCharsets.UTF_8), written.toString(StandardCharsets.UTF_8));
        assertEquals(new String(golden, StandardCharsets.UTF_8).strip(), DecisionJson.toLine(goldenDecision()));
    }

    @Test
    void auditRecord_isByteForByteTheGoldenRecord_andItsHashStillVerifies() throws Exception {
        String golden = Files.readString(GOLDEN.resolve("audit-record.jsonl")).strip();
        AuditRecord record = AuditRecord.of(goldenDeal(), goldenDecision(), "0.1.0", AuditRecord.GENESIS);
        assertEquals(golden, record.line());
        AuditRecord read = AuditRecord.parse(golden);
        assertEquals("sha256:59a28c706192c0ccfa1223059cd9465c799fbad0ec2c7db9909cd1954e4a6907", read.hash());
        assertEquals(read.hash(), read.computedHash());
        assertEquals(golden, read.line());
    }

    @Test
    void numbers_areWrittenByValue_withoutExponentOrSpuriousFraction() throws Exception {
        assertEquals("[18,18,14999.99,0.0000001,15000000000,-0.5,0]",
                JsonWriter.text(StrictJson.parse("[18, 18.0, 14999.990, 1e-7, 1.5E10, -0.50, 0.0]")));
    }

    @Test
    void canonical_sortsMembersByName_atEveryLevel() throws Exception {
        assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":true,\"\u00e9\":null}",
                JsonWriter.canonical(StrictJson.parse("{\"\u00e9\": null, \"b\": true, \"a\": [{\"y\": 2, \"x\": 1}]}")));
    }
}
