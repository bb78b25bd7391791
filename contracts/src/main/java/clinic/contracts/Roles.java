package clinic.contracts;

/**
 * The clinic's realm roles (docs/access-policy.md's columns, Keycloak's realm roles) and the {@code @PreAuthorize}
 * expressions the services' controllers are written with: the one place in the code a role's name is spelt (the
 * services, the gateway, the launcher's realm and demo). Each expression is a constant built from the names, so an
 * annotation can take it. Which role may call which operation, and why, is the access policy's table (the platform's
 * {@code AccessPolicy}); the expressions say the same in the controllers, the second line.
 */
public final class Roles {

	public static final String FRONT_DESK = "front-desk";

	public static final String NURSE = "nurse";

	public static final String CLINICIAN = "clinician";

	public static final String ADMIN = "admin";

	/** An integration client's (client credentials, FHIR and webhooks). */
	public static final String INTEGRATION = "integration";

	public static final String IS_FRONT_DESK_OR_ADMIN = "hasAnyRole('" + FRONT_DESK + "', '" + ADMIN + "')";

	public static final String IS_NURSE = "hasRole('" + NURSE + "')";

	public static final String IS_CLINICIAN = "hasRole('" + CLINICIAN + "')";

	public static final String IS_ADMIN = "hasRole('" + ADMIN + "')";

	public static final String IS_INTEGRATION = "hasRole('" + INTEGRATION + "')";

	/** Every member of staff: the front desk, nurses, clinicians and administrators. */
	public static final String IS_STAFF = "hasAnyRole('" + FRONT_DESK + "', '" + NURSE + "', '" + CLINICIAN + "', '"
			+ ADMIN + "')";

	/** Those who care for the patient at the chair and decide on them. */
	public static final String IS_CARE_TEAM = "hasAnyRole('" + NURSE + "', '" + CLINICIAN + "')";

	public static final String IS_CARE_TEAM_OR_ADMIN = "hasAnyRole('" + NURSE + "', '" + CLINICIAN + "', '" + ADMIN
			+ "')";

	public static final String IS_CLINICIAN_OR_ADMIN = "hasAnyRole('" + CLINICIAN + "', '" + ADMIN + "')";

	public static final String IS_FRONT_DESK_NURSE_OR_ADMIN = "hasAnyRole('" + FRONT_DESK + "', '" + NURSE + "', '"
			+ ADMIN + "')";

	public static final String IS_FRONT_DESK_CLINICIAN_OR_ADMIN = "hasAnyRole('" + FRONT_DESK + "', '" + CLINICIAN
			+ "', '" + ADMIN + "')";

	public static final String IS_FRONT_DESK_ADMIN_OR_INTEGRATION = "hasAnyRole('" + FRONT_DESK + "', '" + ADMIN
			+ "', '" + INTEGRATION + "')";

	public static final String IS_ADMIN_OR_INTEGRATION = "hasAnyRole('" + ADMIN + "', '" + INTEGRATION + "')";

	private Roles() {
	}

	/** The authority Spring Security gives a role: {@code ROLE_<role>}. */
	public static String authority(String role) {
		return "ROLE_" + role;
	}
}
