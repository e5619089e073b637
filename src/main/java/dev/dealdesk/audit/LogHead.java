package dev.dealdesk.audit;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.audit.AuditVerifier.Kind;
import dev.dealdesk.audit.AuditVerifier.Problem;
import java.util.Optional;

/**
 * How far an audit log reaches: how many records it holds and the last one's hash
 * ({@link AuditRecord#GENESIS} when it holds none). Kept by the writer in the head file beside the
 * log, and printed by {@code verify} so an operator can keep a copy elsewhere. Immutable.
 *
 * @param records how many records
 * @param hash    the hash of the last of them
 */
public record LogHead(long records, String hash) {

    public LogHead {
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative: " + records);
        }
        requireNonNull(hash, "hash");
    }

    /** The head of a log with no records. */
    public static LogHead empty() {
        return new LogHead(0, AuditRecord.GENESIS);
    }

    /**
     * What a log of {@code records} complete records lost after this head was written, or empty
     * when nothing: fewer records than the head names ({@link Kind#DELETED}), or another record at
     * its count ({@link Kind#REWRITTEN}). The writer refuses, and verify reports, the same problems.
     *
     * @param hashThere the hash of the record at this head's count, or {@code null} when there is
     *                  none or it cannot be read (an edit, reported on its own)
     */
    Optional<Problem> lostBy(long records, String hashThere) {
        if (records < this.records) {
            return Optional.of(new Problem(Kind.DELETED, records + 1, null, (records == 0 ? "the log is empty"
                    : "the log ends after " + records + " record" + (records == 1 ? "" : "s")) + ", but its head says "
                    + this.records + " were written, the last " + hash + ": records were deleted from its end"));
        }
        if (this.records > 0 && hashThere != null && !hashThere.equals(hash)) {
            return Optional.of(new Problem(Kind.REWRITTEN, this.records, null, "record " + this.records
                    + " is not the one the head names, " + hash + ": records were replaced, or the log rewritten"));
        }
        return Optional.empty();
    }
}
