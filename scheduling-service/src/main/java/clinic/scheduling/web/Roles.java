package clinic.scheduling.web;

/** Who may read and who may change the clinic's resources: changes are the administrator's alone. */
final class Roles {

	static final String READ_RESOURCES = "hasAnyRole('front-desk', 'nurse', 'clinician', 'admin')";

	static final String ADMIN = "hasRole('admin')";

	private Roles() {
	}
}
