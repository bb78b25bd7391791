package clinic.scheduling.hl7;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an SIU message says of an appointment or a consultation, read in the transaction that changed it.
 * {@code placerId} is the first appointment of its chain of moves (a move makes a new appointment in scheduling; the
 * receiver keeps one appointment, keyed by SCH-1); {@code appointmentId} is scheduling's record now (SCH-2).
 * {@code status} is the FHIR code (booked, cancelled, noshow, ...); {@code changedBy} who made the latest change.
 */
record Visit(UUID appointmentId, UUID placerId, Kind kind, int sequence, int courseInfusions, Instant start,
		Instant end, String status, @Nullable String cancellationReason, UUID patientId, @Nullable String mrn,
		@Nullable String givenName, String familyName, @Nullable LocalDate birthDate, String siteName, ZoneId zone,
		@Nullable String roomName, @Nullable String chairName, @Nullable String clinician, String changedBy) {

	enum Kind {
		INFUSION, BOOSTER, CONSULTATION
	}
}
