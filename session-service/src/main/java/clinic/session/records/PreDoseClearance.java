package clinic.session.records;

import java.time.Instant;

/**
 * A clinician's confirmation to dose although the pre-dose blood pressure taken at {@code readingTakenAt} was above
 * the clinic's limit: who, when and why. A later elevated reading needs a confirmation of its own.
 */
public record PreDoseClearance(Instant readingTakenAt, String reason, String clearedBy, Instant clearedAt) {
}
