package clinic.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import clinic.platform.fhir.SmartScopes.Interaction;
import clinic.platform.fhir.SmartScopes.Permission;

/** SMART scopes read as the App Launch guide writes them, v1 and v2, and FHIR requests read as interactions. */
class SmartScopesTest {

	private static Interaction of(String method, String path) {
		return SmartScopes.interaction(method, path).orElseThrow();
	}

	@Test
	void requestsAreTheInteractionsFhirNamesThem() {
		assertThat(of("GET", "/Patient/123")).isEqualTo(new Interaction("Patient", Permission.READ));
		assertThat(of("GET", "/Patient")).isEqualTo(new Interaction("Patient", Permission.SEARCH));
		assertThat(of("POST", "/Patient/_search")).isEqualTo(new Interaction("Patient", Permission.SEARCH));
		assertThat(of("POST", "/ServiceRequest")).isEqualTo(new Interaction("ServiceRequest", Permission.CREATE));
		assertThat(of("PUT", "/Patient/1")).isEqualTo(new Interaction("Patient", Permission.UPDATE));
		assertThat(of("DELETE", "/Patient/1")).isEqualTo(new Interaction("Patient", Permission.DELETE));
		assertThat(of("POST", "/Appointment/$find")).isEqualTo(new Interaction("Appointment", Permission.SEARCH));
		assertThat(of("POST", "/Appointment/$book").anyOf()).containsExactlyInAnyOrder(Permission.CREATE,
				Permission.UPDATE);
		assertThat(SmartScopes.interaction("GET", "/metadata")).isEmpty();
		assertThat(SmartScopes.interaction("GET", "/")).isEmpty();
	}

	@Test
	void v1ReadAndWriteCoverWhatTheySay() {
		var read = SmartScopes.of("system/Patient.read");
		assertThat(read.allow(of("GET", "/Patient/1"))).isTrue();
		assertThat(read.allow(of("GET", "/Patient"))).isTrue();
		assertThat(read.allow(of("POST", "/Patient"))).isFalse();
		assertThat(read.allow(of("GET", "/Appointment"))).isFalse();
		var write = SmartScopes.of("system/Appointment.write");
		assertThat(write.allow(of("POST", "/Appointment/$book"))).isTrue();
		assertThat(write.allow(of("GET", "/Appointment/1"))).isFalse();
		assertThat(SmartScopes.of("system/*.read").allow(of("GET", "/Observation"))).isTrue();
		assertThat(SmartScopes.of("system/*.*").allow(of("POST", "/Patient"))).isTrue();
	}

	@Test
	void v2LettersCoverTheirInteractionsOnly() {
		var rs = SmartScopes.of("openid system/Appointment.rs");
		assertThat(rs.allow(of("GET", "/Appointment/1"))).isTrue();
		assertThat(rs.allow(of("POST", "/Appointment/$find"))).isTrue();
		assertThat(rs.allow(of("POST", "/Appointment/$hold"))).isFalse();
		assertThat(SmartScopes.of("system/Appointment.u").allow(of("POST", "/Appointment/$hold"))).isTrue();
		assertThat(SmartScopes.of("system/Patient.s").allow(of("GET", "/Patient/1"))).isFalse();
		assertThat(SmartScopes.of("system/Patient.cruds").allow(of("DELETE", "/Patient/1"))).isTrue();
		assertThat(SmartScopes.of("system/Patient.rs?category=x").allow(of("GET", "/Patient"))).isTrue();
	}

	@Test
	void whatTheGrammarDoesNotFitGrantsNothing() {
		var interaction = of("GET", "/Patient/1");
		for (var scope : new String[] { "patient/Patient.read", "launch/patient", "system/Patient.sr",
				"system/patient.read", "system/Patient.", "Patient.read", "system/Patient.readwrite", "" }) {
			assertThat(SmartScopes.of(scope).allow(interaction)).as(scope).isFalse();
		}
		assertThat(SmartScopes.of(null).allow(interaction)).isFalse();
	}

	@Test
	void theScopeToAskForIsNamedInBothVersions() {
		assertThat(of("GET", "/Patient/1").scope()).isEqualTo("system/Patient.r");
		assertThat(of("GET", "/Patient/1").v1Scope()).isEqualTo("system/Patient.read");
		assertThat(of("POST", "/Appointment/$book").scope()).isEqualTo("system/Appointment.cu");
		assertThat(of("POST", "/Appointment/$book").v1Scope()).isEqualTo("system/Appointment.write");
	}
}
