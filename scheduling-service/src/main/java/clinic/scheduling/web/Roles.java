package clinic.scheduling.web;

/**
 * Who may read and who may change the clinic's resources: changes, change histories and nurses' absences are the
 * administrator's alone (docs/access-policy.md says why for each operation).
 */
final class Roles {

	static final String READ_RESOURCES = "hasAnyRole('front-desk', 'nurse', 'clinician', 'admin')";

	/** Consultation slots: the front desk books them, clinicians hold them; nurses have no part in consultations. */
	static final String BOOK_OR_HOLD_CONSULTATIONS = "hasAnyRole('front-desk', 'clinician', 'admin')";

	static final String ADMIN = "hasRole('admin')";

	private Roles() {
	}
}
