package clinic.scheduling.patients;

import java.time.Instant;
import java.util.UUID;

/** A patient as scheduling knows them; {@code version} is intake's aggregate version of the patient. */
public record Patient(UUID id, String name, Eligibility eligibility, long version, Instant updatedAt) {
}
