package clinic.scheduling.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.contracts.test.FhirValidation;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;

/**
 * What the FHIR tests share: calls as the integration client, answers checked and validated, and a patient's week of
 * appointments in a week of its own. Abstract, on the service's one test context.
 */
abstract class FhirTest extends SchedulingIntegrationTest {

	static final String JSON = "application/fhir+json";

	@Autowired
	PatientRegistry registry;

	MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Tokens.as("ehr-link", "integration")).accept(JSON)).andReturn().getResponse();
	}

	<T extends IBaseResource> T ok(Class<T> type, MockHttpServletRequestBuilder request)
			throws Exception {
		var answer = call(request);
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith(JSON);
		return validJson(type, answer.getContentAsString());
	}

	/** A patient's week: a consultation on Monday afternoon, infusions on Monday, Wednesday and Friday mornings. */
	record Week(UUID patient, LocalDate monday, UUID consultation, List<UUID> infusions) {
	}

	Week aPatientsWeek() throws Exception {
		var course = clearedPatientsCourse("Fhir " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();
		var infusions = new ArrayList<UUID>();
		for (var day : new LocalDate[] { monday, monday.plusDays(2), monday.plusDays(4) }) {
			var body = mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id())
				.with(Tokens.as("frank", "front-desk"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, at(day, 9, 0))))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			infusions.add(UUID.fromString(json.readTree(body).get("id").asString()));
		}
		return new Week(course.patientId(), monday, consultation(course.patientId(), at(monday, 14, 0)), infusions);
	}

	/**
	 * A consultation of the patient at the seeded site, written as the consultations feature stores one: how it was
	 * booked is that feature's tests' business, what FHIR shows of it is this one's.
	 */
	UUID consultation(UUID patient, Instant start) {
		registry.registeredOrUpdated(new RegisteredPatient(patient, "MRN-" + patient.toString().substring(0, 6), "Ada",
				"Fhir", LocalDate.of(1980, 5, 17), 1, Instant.now()));
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into consultation (id, patient_id, site_id, clinician, start_at, end_at, status, booked_by,
				  booked_at)
				values (?, ?, ?, 'Dr. Aiken', ?, ?, 'booked', 'frank', now())""")
			.params(id, patient, SITE, Timestamp.from(start), Timestamp.from(start.plusSeconds(45 * 60)))
			.update();
		return id;
	}
}
