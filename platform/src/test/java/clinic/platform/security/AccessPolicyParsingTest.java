package clinic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The reviewed table read as the services enforce it: a reason allows, a dash refuses, a typo stops the start. */
class AccessPolicyParsingTest {

	@Test
	void givenATableThenEachReasonAllowsItsRoleAndEachDashRefusesIt() {
		var policy = AccessPolicy.parse("""
				# Policy
				| operation | front-desk | nurse | clinician | admin | integration |
				|---|---|---|---|---|---|
				| `GET /api/intake/patients` | finds patients | — | finds patients | oversight | — |
				| `POST /api/intake/patients/{patientId}/screenings` | — | — | records it | - | — |

				Text between tables is no row.
				| operation | admin |
				|---|---|
				| `DELETE /api/scheduling/closures/{closureId}` | removes a closure |
				""");

		assertThat(policy.rules()).extracting(AccessPolicy.Rule::operation)
			.containsExactly("GET /api/intake/patients", "POST /api/intake/patients/{patientId}/screenings",
					"DELETE /api/scheduling/closures/{closureId}");
		var search = policy.rule("get", "/api/intake/patients").orElseThrow();
		assertThat(search.method()).isEqualTo(HttpMethod.GET);
		assertThat(search.roles()).containsExactly("front-desk", "clinician", "admin");
		assertThat(search.reasons()).containsEntry("front-desk", "finds patients");
		assertThat(policy.rule("POST", "/api/intake/patients/{patientId}/screenings").orElseThrow().roles())
			.containsExactly("clinician");
		assertThat(policy.under("/api/scheduling/")).extracting(rule -> rule.roles().iterator().next())
			.containsExactly("admin");
	}

	@Test
	void givenAnUnknownRoleARepeatedOperationOrAMissingCellThenThePolicyIsRefused() {
		assertThatThrownBy(() -> AccessPolicy.parse("""
				| operation | reception |
				|---|---|
				| `GET /api/intake/patients` | finds |
				""")).hasMessageContaining("Unknown role 'reception'");
		assertThatThrownBy(() -> AccessPolicy.parse("""
				| operation | admin |
				|---|---|
				| `GET /api/intake/patients` | finds |
				| `GET /api/intake/patients` | finds |
				""")).hasMessageContaining("twice");
		assertThatThrownBy(() -> AccessPolicy.parse("""
				| operation | admin | nurse |
				|---|---|---|
				| `GET /api/intake/patients` | finds |
				""")).hasMessageContaining("1 role cells, not 2");
		assertThatThrownBy(() -> AccessPolicy.parse("""
				| operation | admin |
				|---|---|
				| `fetch patients` | finds |
				""")).hasMessageContaining("Not an operation");
	}

	@Test
	void theClinicsPolicyIsOnTheClassPathWithTheThreeServicesAndAReasonInEveryAllowedCell() {
		var policy = AccessPolicy.clinic();
		assertThat(policy.under("/api/intake/")).isNotEmpty();
		assertThat(policy.under("/api/scheduling/")).isNotEmpty();
		assertThat(policy.under("/api/session/")).isNotEmpty();
		assertThat(policy.rules()).allSatisfy(rule -> assertThat(rule.reasons().values()).allSatisfy(
				reason -> assertThat(reason).as(rule.operation()).hasSizeGreaterThan(5)));
		assertThat(policy.rule("GET", "/api/session/records/{id}").orElseThrow().allows("integration"))
			.as("the integration client reads no session records").isFalse();
		assertThat(policy.rule("GET", "/fhir/Patient/{patientId}").orElseThrow().roles())
			.as("FHIR reads are other systems' alone").containsExactly("integration");
	}
}
