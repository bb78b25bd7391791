package clinic.session.monitoring;

/** What was done about an alert (DOMAIN.md: pause or stop recorded). Continuing as before needs a reason. */
public enum AlertAction {
	PAUSE, SLOW, STOP, CONTINUE
}
