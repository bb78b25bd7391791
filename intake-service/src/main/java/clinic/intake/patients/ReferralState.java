package clinic.intake.patients;

import java.util.Set;

/**
 * Where a referral is: received → consultation booked → screened → decided. A referral moves forward; the
 * consultation may be skipped (booked outside scheduling), a decision follows a screening. The one way back, from
 * consultation booked to received when the consultation is cancelled or missed, is
 * {@link Referral#consultationCancelled()}, not a move of this table.
 */
public enum ReferralState {
	RECEIVED, CONSULTATION_BOOKED, SCREENED, DECIDED;

	/** Whether a referral in this state may move to {@code next}. */
	public boolean canMoveTo(ReferralState next) {
		return switch (this) {
			case RECEIVED -> Set.of(CONSULTATION_BOOKED, SCREENED).contains(next);
			case CONSULTATION_BOOKED -> next == SCREENED;
			case SCREENED -> next == DECIDED;
			case DECIDED -> false;
		};
	}
}
