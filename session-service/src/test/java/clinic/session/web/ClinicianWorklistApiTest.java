package clinic.session.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;

/**
 * The records waiting for a clinician (GET /api/session/records?awaiting=…): a pre-dose blood pressure above the
 * limit until a clinician confirms it, a discharge ready for signing until the clinician signs (co-signatures
 * first); and a patient's records (?patientId=…) for their chart.
 */
class ClinicianWorklistApiTest extends SessionIntegrationTest {

	private static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

	private static final String CALM = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	private static final String CHECK_IN = """
			{"identityConfirmed":true,"escortConfirmed":true,"fasting":true,"phq9Items":[2,2,2,1,1,1,1,1,1]}""";

	@BeforeEach
	void startOfTheSession() {
		clock.set(START);
	}

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	static RequestPostProcessor clinician() {
		return Tokens.as("dr.house", "clinician");
	}

	UUID openRecord(UUID patient) throws Exception {
		var appointment = booked(Course.of(cleared(patient, Route.IV, "0.5")), 1, START);
		var body = mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	ResultActions step(UUID record, String step, RequestPostProcessor user, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/" + step, record).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions awaiting(String what) throws Exception {
		return mvc.perform(get("/api/session/records").param("awaiting", what).with(clinician()))
			.andExpect(status().isOk());
	}

	static String entry(UUID record) {
		return "$[?(@.id == '%s')]".formatted(record);
	}

	@Test
	void givenAPreDoseBpAboveTheLimitThenTheRecordWaitsForAClinicianUntilConfirmed() throws Exception {
		var record = openRecord(UUID.randomUUID());
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		awaiting("BP_CONFIRMATION").andExpect(jsonPath(entry(record), hasSize(0)));

		step(record, "vitals", nurse(), """
				{"systolic":156,"diastolic":92,"heartRate":84,"spo2":98,"respiratoryRate":14}""")
			.andExpect(status().isCreated());
		awaiting("BP_CONFIRMATION").andExpect(jsonPath(entry(record), hasSize(1)))
			.andExpect(jsonPath(entry(record) + ".patientName").value("Ada Lovelace"))
			.andExpect(jsonPath(entry(record) + ".position").value("Infusion 1 of 6"))
			.andExpect(jsonPath(entry(record) + ".timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath(entry(record) + ".start").value(START.toString()))
			.andExpect(jsonPath(entry(record) + ".preDoseReading.systolic").value(156))
			.andExpect(jsonPath(entry(record) + ".preDoseReading.diastolic").value(92))
			.andExpect(jsonPath(entry(record) + ".preDoseReading.takenBy").value("nina"))
			.andExpect(jsonPath(entry(record) + ".awaitingBpConfirmation").value(true))
			.andExpect(jsonPath(entry(record) + ".stage").value("CHECKED_IN"));

		step(record, "pre-dose-confirmation", clinician(), "{\"reason\":\"Anxious on arrival; rechecked\"}")
			.andExpect(status().isOk());
		awaiting("BP_CONFIRMATION").andExpect(jsonPath(entry(record), hasSize(0)));
	}

	@Test
	void givenADischargeReadyThenItWaitsForTheClinicianWithTheNursesSignatureFirstUntilSigned() throws Exception {
		var record = openRecord(UUID.randomUUID());
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		step(record, "vitals", nurse(), CALM).andExpect(status().isCreated());
		step(record, "dose", nurse(), """
				{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(10));
		step(record, "vitals", nurse(), CALM).andExpect(status().isCreated());
		awaiting("CLINICIAN_SIGN_OFF").andExpect(jsonPath(entry(record), hasSize(0)));

		clock.advance(Duration.ofMinutes(30));
		step(record, "infusion-end", nurse(), "{}").andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(60));
		step(record, "discharge-checklist", nurse(), """
				{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":true,"escortPresent":true,
				 "instructionsGiven":true}""").andExpect(status().isOk());
		awaiting("CLINICIAN_SIGN_OFF").andExpect(jsonPath(entry(record), hasSize(1)))
			.andExpect(jsonPath(entry(record) + ".readyForDischargeSignatures").value(true))
			.andExpect(jsonPath(entry(record) + ".nurseSignature", contains(nullValue())));

		step(record, "completion", nurse(), "{\"notes\":\"Uneventful\"}").andExpect(status().isOk());
		awaiting("CLINICIAN_SIGN_OFF").andExpect(jsonPath(entry(record) + ".nurseSignature.signedBy").value("nina"))
			.andExpect(jsonPath("$[0].nurseSignature.signedBy").value("nina"));

		step(record, "clinician-sign-off", clinician(), "").andExpect(status().isOk());
		awaiting("CLINICIAN_SIGN_OFF").andExpect(jsonPath(entry(record), hasSize(0)));
	}

	@Test
	void givenAPatientThenTheirRecordsAreListedForTheirChartAndNoOneElses() throws Exception {
		var patient = UUID.randomUUID();
		var record = openRecord(patient);
		openRecord(UUID.randomUUID());

		mvc.perform(get("/api/session/records").param("patientId", patient.toString()).with(nurse()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(record.toString()))
			.andExpect(jsonPath("$[0].status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$[0].stage").value("ARRIVED"))
			.andExpect(jsonPath("$[0].chairName").value("Chair 1"));
	}

	@Test
	void givenNoFilterOrAnUnknownOneThen400AndTheFrontDeskIsRefused() throws Exception {
		mvc.perform(get("/api/session/records").with(clinician()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("patientId"));
		mvc.perform(get("/api/session/records").param("awaiting", "LUNCH").with(clinician()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("awaiting"));
		mvc.perform(get("/api/session/records").param("awaiting", "BP_CONFIRMATION")
			.with(Tokens.as("frank", "front-desk"))).andExpect(status().isForbidden());
	}
}
