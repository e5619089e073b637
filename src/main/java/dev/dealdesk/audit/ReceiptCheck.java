package dev.dealdesk.audit;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.decision.PolicyLoadException;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies one receipt where it stands, without reading the whole log: the line is a record as a
 * writer writes it, its content matches its hash, it follows the record before it in the chain
 * (or starts the chain), the record after it follows it, and the policy it names is pinned beside
 * the log with files that still give that version. {@link AuditVerifier} proves the whole log;
 * this proves one receipt and its two links. Stateless.
 */
public final class ReceiptCheck {

    /** One check and what it found, for a person. */
    public record Check(String name, boolean passed, String detail) {
    }

    /**
     * The verdict on one receipt.
     *
     * @param record the receipt, or {@code null} when its line is not a record
     * @param checks every check made, in order
     */
    public record Result(AuditRecord record, List<Check> checks) {

        public Result {
            checks = List.copyOf(checks);
        }

        public boolean verified() {
            return record != null && checks.stream().allMatch(Check::passed);
        }
    }

    private ReceiptCheck() {
    }

    /**
     * Checks the receipt on line {@code line} of {@code log}.
     *
     * @param previous the line before it, or {@code null} when it is the first line
     * @param record   its line
     * @param next     the line after it, or {@code null} when it is the last complete line
     */
    public static Result verify(Path log, long line, byte[] previous, byte[] record, byte[] next) {
        requireNonNull(log, "log");
        requireNonNull(record, "record");
        List<Check> checks = new ArrayList<>();
        AuditRecord receipt;
        try {
            receipt = AuditRecord.parse(record);
        } catch (AuditFormatException e) {
            checks.add(new Check("record", false, "line " + line + " is not a valid record: " + e.getMessage()));
            return new Result(null, checks);
        }
        checks.add(new Check("record", true, "line " + line + " is a schema-" + AuditRecord.SCHEMA
                + " record, written as a writer writes it"));
        boolean hashed = receipt.computedHash().equals(receipt.hash());
        checks.add(new Check("hash", hashed, hashed ? "its content gives its hash " + receipt.hash()
                : "its content gives " + receipt.computedHash() + ", not the " + receipt.hash() + " it carries: edited"));
        checks.add(previous == null ? first(receipt)
                : link("previous", previous, line - 1, receipt.previousHash(), true));
        checks.add(next == null ? new Check("next", true, "it is the newest record in the log")
                : link("next", next, line + 1, receipt.hash(), false));
        checks.add(pinned(log, receipt.policy().version()));
        return new Result(receipt, checks);
    }

    private static Check first(AuditRecord receipt) {
        boolean genesis = receipt.previousHash().equals(AuditRecord.GENESIS);
        return new Check("previous", genesis, genesis ? "it is the first record: it starts the chain"
                : "it is on the first line but follows " + receipt.previousHash() + ": records before it were deleted");
    }

    /** Whether the neighbour on {@code at} links to the receipt: it is the record the receipt follows, or it follows the receipt. */
    private static Check link(String name, byte[] neighbour, long at, String hash, boolean before) {
        AuditRecord other;
        try {
            other = AuditRecord.parse(neighbour);
        } catch (AuditFormatException e) {
            return new Check(name, false, "line " + at + " is not a valid record: " + e.getMessage());
        }
        boolean linked = before ? other.hash().equals(hash) : other.previousHash().equals(hash);
        String relation = before ? "it follows line " + at + " (" + other.hash() + ")"
                : "line " + at + " follows it";
        return new Check(name, linked, linked ? relation : before
                ? "it follows " + hash + ", but line " + at + " is " + other.hash() + ": the chain is broken here"
                : "line " + at + " follows " + other.previousHash() + ", not this record: the chain is broken here");
    }

    private static Check pinned(Path log, String version) {
        Path snapshot = PolicySnapshots.beside(log).of(version);
        if (!Files.isDirectory(snapshot)) {
            return new Check("policy", false, "the policy " + version + " is not pinned beside the log, so it cannot be replayed");
        }
        try {
            String read = PolicySource.read(snapshot).version().version();
            return new Check("policy", read.equals(version), read.equals(version)
                    ? "the policy " + version + " is pinned beside the log, its files unchanged"
                    : "the pinned files of " + version + " now give " + read + ": altered");
        } catch (PolicyLoadException e) {
            return new Check("policy", false, "the pinned policy " + version + " cannot be read: " + e.getMessage());
        }
    }
}
