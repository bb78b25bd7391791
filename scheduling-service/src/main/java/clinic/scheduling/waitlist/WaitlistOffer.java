package clinic.scheduling.waitlist;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A freed slot offered to a waiting course (its patient's); rank 1 is the best match. */
public record WaitlistOffer(UUID id, UUID entryId, UUID patientId, UUID chairId, String chairName, Instant start,
		Instant end, UUID freedBy, int rank, Status status, Instant offeredAt, @Nullable String answeredBy,
		@Nullable Instant answeredAt) {

	public enum Status {
		/** Waiting for the patient's answer. */
		OFFERED,
		/** The patient took it: the slot is booked for them. */
		ACCEPTED,
		/** The patient said no; the slot went on to the next match. */
		DECLINED,
		/** Someone else took the slot, or the patient took another. */
		TAKEN
	}
}
