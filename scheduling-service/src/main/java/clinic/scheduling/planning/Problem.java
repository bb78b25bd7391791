package clinic.scheduling.planning;

/** Why a slot or an occurrence of a course does not work, in words the front desk can act on. */
public record Problem(Rule rule, String message) {

	public enum Rule {
		/** The clinic is closed for part of the slot (hours, closed weekday or closure date). */
		CLINIC_CLOSED,
		/** The chair is taken for part of the slot (by another appointment or another occurrence of the plan). */
		CHAIR_TAKEN,
		/** Not enough nurses on shift for the whole slot to watch one more chair. */
		NO_NURSE_CAPACITY,
		/** The patient already has an appointment then. */
		PATIENT_BUSY,
		/** Fewer calendar days than the minimum since the previous infusion. */
		TOO_CLOSE,
		/** More infusions in the ISO week than the maximum. */
		TOO_MANY_IN_WEEK,
		/** Fewer infusions in a full week of the course than the minimum. */
		TOO_FEW_IN_WEEK,
		/** Later than the course window allows, counted from the first infusion. */
		OUTSIDE_WINDOW
	}
}
