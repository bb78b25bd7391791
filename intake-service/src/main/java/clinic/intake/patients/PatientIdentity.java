package clinic.intake.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who a patient is besides the MRN: other systems' identifiers, and merges (ADT^A40). A retired patient is
 * {@code mergedInto} its survivor (and stays readable, with its referrals and screenings); a survivor
 * {@code replaces} the patients merged into it.
 */
public record PatientIdentity(List<PatientIdentifier> identifiers, @Nullable UUID mergedInto,
		@Nullable Instant mergedAt, List<UUID> replaces) {

	public PatientIdentity {
		identifiers = List.copyOf(identifiers);
		replaces = List.copyOf(replaces);
	}

	public boolean merged() {
		return mergedInto != null;
	}
}
