package clinic.session.records;

/** Where a session record is: open while the session runs, completed once nurse and clinician signed the discharge. */
public enum SessionStatus {
	IN_PROGRESS, COMPLETED
}
