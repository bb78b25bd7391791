package clinic.session.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.test.Tokens;

/**
 * Session's FHIR reads and searches keep the audit trail the REST API keeps: a search's row names every patient it
 * showed (and the patient it asked for), a read its patient, and a refused read the patient of the record its path
 * names.
 */
class FhirAuditTrailTest extends FhirTest {

	record Row(String action, String kind, List<UUID> patients, int outcome) {
	}

	private List<Row> rowsOf(String actor) {
		return jdbc.sql("select action, kind, patient_ids, outcome from audit_log where actor = ? order by id")
			.param(actor)
			.query((rs, n) -> new Row(rs.getString("action"), rs.getString("kind"),
					Arrays.stream((Object[]) rs.getArray("patient_ids").getArray()).map(UUID.class::cast).toList(),
					rs.getInt("outcome")))
			.list();
	}

	@Test
	void givenSearchesReadsAndRefusedReadsThenEachRowNamesThePatient() throws Exception {
		var course = newPatientsCourse();
		var session = signedSession(course.patientId(), course, 1, Instant.parse("2030-01-07T09:00:00Z"));
		var patient = course.patientId();
		var system = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
		var nurse = "nurse-" + UUID.randomUUID().toString().substring(0, 8);
		var observation = jdbc.sql("select 'hr-' || min(id) from vitals_reading where session_id = ?")
			.param(session.record())
			.query(String.class)
			.single();
		var adverseEvent = jdbc.sql("select id from adverse_event where session_id = ?")
			.param(session.record())
			.query(UUID.class)
			.single();

		mvc.perform(get("/fhir/Encounter").param("patient", "Patient/" + patient)
			.with(Tokens.as(system, "integration"))).andExpect(status().isOk());
		mvc.perform(get("/fhir/Observation").param("encounter", "Encounter/" + session.record())
			.with(Tokens.as(system, "integration"))).andExpect(status().isOk());
		mvc.perform(get("/fhir/Encounter/{id}", session.record()).with(Tokens.as(system, "integration")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/Observation/{id}", observation).with(Tokens.as(system, "integration")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/MedicationAdministration/{id}", session.record())
			.with(Tokens.as(system, "integration"))).andExpect(status().isOk());
		mvc.perform(get("/fhir/AdverseEvent/{id}", adverseEvent).with(Tokens.as(system, "integration")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/Encounter/{id}", session.record()).with(Tokens.as(nurse, "nurse")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/fhir/MedicationAdministration/{id}", session.record()).with(Tokens.as(nurse, "nurse")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/fhir/AdverseEvent/{id}", adverseEvent).with(Tokens.as(nurse, "nurse")))
			.andExpect(status().isForbidden());

		assertThat(rowsOf(system)).containsExactly(
				new Row("GET /fhir/Encounter", "search", List.of(patient), 200),
				new Row("GET /fhir/Observation", "search", List.of(patient), 200),
				new Row("GET /fhir/Encounter/{encounterId}", "read", List.of(patient), 200),
				new Row("GET /fhir/Observation/{observationId}", "read", List.of(patient), 200),
				new Row("GET /fhir/MedicationAdministration/{administrationId}", "read", List.of(patient), 200),
				new Row("GET /fhir/AdverseEvent/{adverseEventId}", "read", List.of(patient), 200));
		assertThat(rowsOf(nurse)).containsExactly(
				new Row("GET /fhir/Encounter/{encounterId}", "read", List.of(patient), 403),
				new Row("GET /fhir/MedicationAdministration/{administrationId}", "read", List.of(patient), 403),
				new Row("GET /fhir/AdverseEvent/{adverseEventId}", "read", List.of(patient), 403));
	}
}
