package clinic.scheduling.offers;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment offered to a FHIR client: proposed by $find, held while {@code heldUntil} lies ahead. Offers of one
 * {@code group} are held and booked together (a whole course); a single appointment is a group of its own.
 * {@code sequence} and {@code of} number an offer within its group (1 of 1 for a single appointment).
 */
public record Offer(UUID id, UUID group, int sequence, int of, OfferKind kind, UUID patientId,
		@Nullable UUID courseId, @Nullable UUID chairId, @Nullable UUID consultationSlotId, UUID siteId,
		@Nullable String clinician, Instant start, Instant end, @Nullable Instant heldUntil) {

	/** Whether the offer is held at {@code now} (on the database's clock, which decides). */
	public boolean heldAt(Instant now) {
		return heldUntil != null && heldUntil.isAfter(now);
	}

	Offer held(Instant until) {
		return new Offer(id, group, sequence, of, kind, patientId, courseId, chairId, consultationSlotId, siteId,
				clinician, start, end, until);
	}
}
