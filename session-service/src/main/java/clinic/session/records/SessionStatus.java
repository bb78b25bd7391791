package clinic.session.records;

/** Where a session record is: open while the session runs, completed once the dose given is recorded. */
public enum SessionStatus {
	IN_PROGRESS, COMPLETED
}
