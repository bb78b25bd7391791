package clinic.session.path;

/** Why an infusion may not be given now, in words a nurse can act on. */
public record Refusal(Reason reason, String message) {

	public enum Reason {
		/** No signed CLEARED decision with a dose plan (never cleared, or declined since). */
		NOT_CLEARED,
		/** The plan carries no dose range to check a dose against. */
		PLAN_WITHOUT_RANGE,
		/** The patient's decision changed after the record was opened. */
		PLAN_CHANGED,
		/** The course is paused, or dosing is paused by a pausing adverse event not yet answered. */
		COURSE_PAUSED,
		/** The course was closed (a decline superseded the clearance). */
		COURSE_CANCELLED,
		/** The course does not take this infusion (not started, or every infusion given). */
		COURSE_NOT_ACTIVE,
		/** Scheduling cancelled, moved or marked the appointment no-show. */
		APPOINTMENT_NOT_BOOKED,
		/** The appointment's site time zone is unknown, so its day cannot be told. */
		DAY_UNKNOWN,
		/** Today is not the appointment's day (in its site's time zone). */
		NOT_ITS_DAY,
		/** Earlier than the record may open before the appointment's start. */
		TOO_EARLY,
		/** An earlier infusion of the course is still outstanding and no clinician overrode the order. */
		NOT_NEXT_IN_COURSE,
		/** The patient's last dose is less than the minimum interval ago. */
		TOO_SOON_AFTER_LAST_DOSE
	}
}
