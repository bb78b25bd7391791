package clinic.intake.patients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Another system's identifier of a patient (another EHR's id, a GP's number): its system (a URI), its value, the
 * display of who assigned it, the patient it names, and who added it when. The clinic's own MRN is not one of these:
 * intake assigns it ({@link Patient#mrn()}). One system and value name one patient.
 */
public record PatientIdentifier(String system, String value, @Nullable String assigner, UUID patientId,
		String addedBy, Instant addedAt) {
}
