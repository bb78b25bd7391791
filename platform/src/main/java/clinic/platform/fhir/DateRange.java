package clinic.platform.fhir;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.param.DateRangeParam;

/**
 * A date search's range (an Appointment's {@code date}, an Observation's {@code date}, a QuestionnaireResponse's
 * {@code authored}), {@code [from, before)}: the {@link DateBounds} of the search with a day read on the clinic's
 * clock.
 */
public record DateRange(@Nullable Instant from, @Nullable Instant before) {

	/** The range of the search parameter {@code name}, a day read on the clinic's clock ({@code clinicZone}). */
	public static DateRange of(@Nullable DateRangeParam range, String name, ZoneId clinicZone) {
		var bounds = DateBounds.of(range, name);
		return new DateRange(bounds.from() == null ? null : bounds.from().at(clinicZone),
				bounds.before() == null ? null : bounds.before().at(clinicZone));
	}
}
