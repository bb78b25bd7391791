package clinic.intake.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.problems.ConflictException;

/**
 * A referral or consultation request for a patient. Attachments are metadata only (the document stays where
 * {@code reference} points). The state moves forward ({@link ReferralState}); the one step back is a cancelled or
 * missed consultation, which leaves the referral waiting for a consultation again.
 */
public record Referral(UUID id, UUID patientId, String referringClinician, String reason, Indication indication,
		List<Attachment> attachments, ReferralState state, Instant receivedAt) {

	public Referral {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** A document sent with the referral, described, not stored. */
	public record Attachment(String name, String mediaType, long sizeBytes, String reference) {
	}

	/** A new referral, just received. */
	static Referral received(UUID patientId, String referringClinician, String reason, Indication indication,
			List<Attachment> attachments, Instant now) {
		return new Referral(UUID.randomUUID(), patientId, referringClinician.strip(), reason, indication, attachments,
				ReferralState.RECEIVED, now);
	}

	/** Scheduling booked the consultation. */
	public Referral consultationBooked() {
		return movedTo(ReferralState.CONSULTATION_BOOKED);
	}

	/** Scheduling cancelled the consultation (or the patient missed it) and none is booked: received again. */
	public Referral consultationCancelled() {
		if (state != ReferralState.CONSULTATION_BOOKED) {
			throw new ConflictException("Referral " + id + " is " + state + "; only a referral with a consultation "
					+ "booked goes back to RECEIVED when the consultation is cancelled");
		}
		return new Referral(id, patientId, referringClinician, reason, indication, attachments, ReferralState.RECEIVED,
				receivedAt);
	}

	/** The patient's intake screening was recorded. */
	public Referral screened() {
		return movedTo(ReferralState.SCREENED);
	}

	/** A clinician signed the eligibility decision. */
	public Referral decided() {
		return movedTo(ReferralState.DECIDED);
	}

	private Referral movedTo(ReferralState next) {
		if (!state.canMoveTo(next)) {
			throw new ConflictException("Referral " + id + " is " + state + " and cannot move to " + next
					+ " (referrals only move forward: received, consultation booked, screened, decided)");
		}
		return new Referral(id, patientId, referringClinician, reason, indication, attachments, next, receivedAt);
	}
}
