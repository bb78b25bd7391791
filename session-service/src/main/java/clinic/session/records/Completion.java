package clinic.session.records;

import java.math.BigDecimal;
import java.time.Instant;

/** How the session ended: the dose actually given, the PHQ-9 total taken before dosing (if any), notes. */
public record Completion(BigDecimal doseMg, Integer phq9Total, String notes, String completedBy,
		Instant completedAt) {
}
