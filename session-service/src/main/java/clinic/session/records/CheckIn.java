package clinic.session.records;

import java.time.Instant;

import clinic.instruments.Phq9;
import clinic.platform.problems.InvalidInputException;

/**
 * Check-in (DOMAIN.md): identity confirmed, an escort or driver home confirmed (no driving until the next day),
 * whether the patient fasted, new or changed medication since the last visit, and the PHQ-9 taken before the
 * session. Identity and escort are preconditions: a check-in without them is refused.
 */
public record CheckIn(boolean identityConfirmed, boolean escortConfirmed, String escortName, boolean fasting,
		String medicationChanges, Phq9 phq9, String checkedInBy, Instant checkedInAt) {

	public CheckIn {
		if (!identityConfirmed) {
			throw new InvalidInputException("identityConfirmed", "Confirm the patient's identity before check-in");
		}
		if (!escortConfirmed) {
			throw new InvalidInputException("escortConfirmed",
					"Confirm an escort or driver home before check-in: the patient may not drive until the next day");
		}
	}
}
