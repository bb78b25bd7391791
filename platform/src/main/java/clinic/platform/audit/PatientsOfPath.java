package clinic.platform.audit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the audit trail which patient an operation's path names by another id (a session record, a course), for the
 * calls whose answer does not say it: refused and failed ones above all (the front desk's 403 on a session record
 * names the patient whose record it was). A service declares one as a bean; it is asked only when nothing else named a
 * patient, at most once per call, and outside any transaction: for a change before its transaction begins, for any
 * other call once it is answered. A lookup may therefore fail without harm to the change (the row then names no
 * patient).
 */
public interface PatientsOfPath {

	/**
	 * The patient of the operation {@code pattern} ({@code /api/session/records/{id}/summary}) called with these path
	 * variables, or empty when the path names none or the id is unknown.
	 */
	Optional<UUID> patientOf(String pattern, Map<String, String> variables);
}
