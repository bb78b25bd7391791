package clinic.intake.outcomes;

import java.time.Instant;
import java.util.UUID;

/** One questionnaire total for a patient at a point in time, and where it came from. */
public record OutcomeScore(UUID patientId, String instrument, int total, OutcomeScores.Source source, UUID sourceId,
		Instant recordedAt) {
}
