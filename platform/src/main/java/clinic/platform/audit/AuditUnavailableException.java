package clinic.platform.audit;

/**
 * The audit row of a change could not be written in the change's transaction, so the change was rolled back:
 * nothing happened that the audit trail does not show. Answered 503 by {@link AuditProblems}.
 */
public class AuditUnavailableException extends RuntimeException {

	AuditUnavailableException(Throwable cause) {
		super("The change could not be recorded in the audit trail, so it was not made", cause);
	}
}
