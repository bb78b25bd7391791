package clinic.intake.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;

import org.hl7.fhir.r4.model.DateTimeType;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** What the searches of screenings and scores read alike: a patient, a status, a UUID, a time. */
final class References {

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	private References() {
	}

	static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the statuses asked include the one status intake's resources of this type have: another of FHIR's codes
	 * finds nothing, a code FHIR does not know (or another system) is a bad request naming it.
	 */
	static boolean only(TokenOrListParam status, String system, String code, Function<String, ?> fhirCodes) {
		boolean found = false;
		for (var token : status.getValuesAsQueryTokens()) {
			if (token.getSystem() != null && !token.getSystem().isEmpty() && !token.getSystem().equals(system)) {
				throw new InvalidRequestException("status is a code of " + system);
			}
			try {
				fhirCodes.apply(token.getValue());
			}
			catch (Exception unknown) {
				throw new InvalidRequestException("Unknown status '" + token.getValue() + "'");
			}
			found |= code.equals(token.getValue());
		}
		return found;
	}

	/** A time as FHIR shows it, to the millisecond in UTC: the order the searches sort by can be seen in it. */
	static DateTimeType dateTime(Instant at) {
		return new DateTimeType(Date.from(at), TemporalPrecisionEnum.MILLI, UTC);
	}
}
