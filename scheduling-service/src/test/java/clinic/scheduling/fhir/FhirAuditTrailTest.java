package clinic.scheduling.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.test.Tokens;

/**
 * Scheduling's FHIR reads and searches keep the audit trail the REST API keeps: an Appointment search's row names
 * every patient it showed (and the patient it asked for), a read its patient, and a refused read the patient of the
 * appointment its path names.
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
	void givenAnAppointmentSearchAReadAndARefusedReadThenEachRowNamesThePatient() throws Exception {
		var week = aPatientsWeek();
		var system = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
		var nurse = "nurse-" + UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(get("/fhir/Appointment").param("patient", "Patient/" + week.patient())
			.with(Tokens.as(system, "integration"))).andExpect(status().isOk());
		mvc.perform(get("/fhir/Appointment/{id}", week.consultation()).with(Tokens.as(system, "integration")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/Appointment/{id}", week.infusions().get(0)).with(Tokens.as(nurse, "nurse")))
			.andExpect(status().isForbidden());

		assertThat(rowsOf(system)).containsExactly(
				new Row("GET /fhir/Appointment", "search", List.of(week.patient()), 200),
				new Row("GET /fhir/Appointment/{appointmentId}", "read", List.of(week.patient()), 200));
		assertThat(rowsOf(nurse)).containsExactly(
				new Row("GET /fhir/Appointment/{appointmentId}", "read", List.of(week.patient()), 403));
	}
}
