package clinic.scheduling.agenda;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.booking.AppointmentStatus;

/**
 * Which visits a search wants: of a patient (null: any), starting at or after {@code startsFrom} and before
 * {@code startsBefore} (null: unbounded), with one of the statuses (empty: any).
 */
public record VisitCriteria(@Nullable UUID patientId, @Nullable Instant startsFrom, @Nullable Instant startsBefore,
		Set<AppointmentStatus> statuses) {

	public VisitCriteria {
		statuses = Set.copyOf(statuses);
	}
}
