package clinic.intake.screening;

import java.time.Instant;
import java.util.UUID;

import clinic.intake.eligibility.Proposal;

/** A completed intake screening with the rules' proposal. Stored once, never edited. */
public record Screening(UUID id, UUID patientId, Phq9 phq9, Vitals vitals, String notes, Proposal proposal,
		String screenedBy, Instant screenedAt) {
}
