package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.platform.test.AuditTrailGuarantees;
import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;

/**
 * Session keeps the audit trail every service keeps: a session record read (the front desk may not), the nurse's day
 * list, a vitals reading; and the printable summary, a whole record, names its patient.
 */
class SessionAuditTrailTest extends SessionIntegrationTest implements AuditTrailGuarantees {

	private final Map<UUID, Course> courses = new HashMap<>();

	@Override
	public PatientRead patientRead() throws Exception {
		var record = openedRecordOfANewPatient();
		return new PatientRead(record.patient(), "/api/session/records/" + record.id(), "GET /api/session/records/{id}",
				"nurse", "front-desk");
	}

	@Override
	public Search searchShowing(PatientRead read) {
		var course = courses.get(read.patient());
		return new Search("/api/session/appointments?site=" + course.siteId() + "&date=2030-01-07",
				"GET /api/session/appointments", "nurse");
	}

	@Override
	public Change change() throws Exception {
		var record = openedRecordOfANewPatient();
		var request = post("/api/session/records/{id}/vitals", record.id()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""");
		return new Change(request, "POST /api/session/records/{id}/vitals", "create", "nurse", 201, record.patient(),
				"vitals_reading", () -> jdbc.sql("select id::text from vitals_reading where session_id = ?")
					.param(record.id())
					.query(String.class)
					.optional()
					.orElse(null));
	}

	@Override
	public String auditPath() {
		return "/api/session/audit";
	}

	@Test
	void givenThePrintableSummaryIsReadThenItsRowNamesThePatient() throws Exception {
		var record = openedRecordOfANewPatient();
		var user = AuditTrailGuarantees.uniqueUser("printer");
		mvc.perform(get("/api/session/records/{id}/summary", record.id()).with(Tokens.as(user, "clinician")))
			.andExpect(status().isOk());
		var row = onlyRowOf(user);
		assertThat(row.action()).isEqualTo("GET /api/session/records/{id}/summary");
		assertThat(row.kind()).isEqualTo("read");
		assertThat(row.outcome()).isEqualTo(200);
		assertThat(row.patients()).containsExactly(record.patient());
	}

	record OpenedRecord(UUID id, UUID patient) {
	}

	private OpenedRecord openedRecordOfANewPatient() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		courses.put(patient, course);
		var appointment = booked(course, 1, clock.instant().plus(Duration.ofHours(1)));
		var body = mvc.perform(post("/api/session/records").with(Tokens.as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new OpenedRecord(UUID.fromString(json.readTree(body).get("id").asString()), patient);
	}
}
