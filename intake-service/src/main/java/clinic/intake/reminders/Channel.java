package clinic.intake.reminders;

/** A way of reaching the patient; each needs the patient's consent. */
public enum Channel {
	EMAIL, SMS
}
