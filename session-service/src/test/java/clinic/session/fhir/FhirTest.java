package clinic.session.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;

/**
 * What the FHIR tests share: calls as the integration client, answers checked and validated, and sessions charted
 * through the service's own API (check-in, vitals, dose, side effect, CADSS-6, adverse event, sign-off). Abstract, on
 * the service's one test context.
 */
abstract class FhirTest extends SessionIntegrationTest {

	static final String JSON = "application/fhir+json";

	static final String CALM = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	static final String CHECK_IN = """
			{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo","fasting":true,
			 "medicationChanges":"none","phq9Items":[2,2,2,1,1,1,1,1,1]}""";

	static final String CHECKLIST = """
			{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":true,"escortPresent":true,
			 "instructionsGiven":true}""";

	MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Tokens.as("ehr-link", "integration")).accept(JSON)).andReturn().getResponse();
	}

	<T extends IBaseResource> T ok(Class<T> type, MockHttpServletRequestBuilder request) throws Exception {
		var answer = call(request);
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith(JSON);
		return validJson(type, answer.getContentAsString());
	}

	/** Every page of a search, following the next links as a client sends them; each resource validated. */
	List<Bundle> pages(MockHttpServletRequestBuilder first) throws Exception {
		var pages = new ArrayList<Bundle>();
		var page = ok(Bundle.class, first);
		pages.add(page);
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			var next = URI.create(page.getLink(Bundle.LINK_NEXT).getUrl());
			page = ok(Bundle.class, get(URI.create(next.getPath() + "?" + next.getRawQuery())));
			pages.add(page);
			assertThat(pages).as("pages").hasSizeLessThan(50);
		}
		return pages;
	}

	static List<String> ids(List<Bundle> pages) {
		return pages.stream()
			.flatMap(page -> page.getEntry().stream())
			.map(entry -> entry.getResource().getIdElement().getIdPart())
			.toList();
	}

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	static RequestPostProcessor clinician() {
		return Tokens.as("dr.house", "clinician");
	}

	/** A charted session: who, the appointment, the record and the chair. */
	record Charted(UUID patient, UUID appointment, UUID record, UUID chair) {
	}

	/** A cleared patient with infusion {@code sequence} booked at {@code start} and the nurse's record of it. */
	Charted opened(UUID patient, Course course, int sequence, Instant start) throws Exception {
		clock.set(start);
		var appointment = booked(course, sequence, start);
		var body = mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var record = UUID.fromString(json.readTree(body).get("id").asString());
		var chair = jdbc.sql("select chair_id from booked_appointment where appointment_id = ?")
			.param(appointment)
			.query(UUID.class)
			.single();
		return new Charted(patient, appointment, record, chair);
	}

	ResultActions step(UUID record, String step, RequestPostProcessor user, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/" + step, record).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/**
	 * A whole IV session from {@code start}: check-in, pre-dose vitals, 35 mg at 52.5 mg/h, a side effect and a
	 * CADSS-6 score, an adverse event, vitals at 10 min, the infusion's end at 40 min, the checklist after an hour's
	 * recovery and both signatures: 2 readings, 1 score, 1 side effect, 1 adverse event.
	 */
	Charted signedSession(UUID patient, Course course, int sequence, Instant start) throws Exception {
		var charted = opened(patient, course, sequence, start);
		var record = charted.record();
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		step(record, "vitals", nurse(), CALM).andExpect(status().isCreated());
		step(record, "dose", nurse(), """
				{"weightKg":70,"drugLot":"KET-7","preparedBy":"olga","infusionRateMgPerHour":52.5}""")
			.andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(5));
		step(record, "side-effects", nurse(), """
				{"effect":"NAUSEA","severity":"MILD","note":"Settled with water"}""").andExpect(status().isCreated());
		step(record, "cadss", nurse(), "{\"items\":[1,2,0,1,0,1]}").andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(1));
		step(record, "adverse-events", nurse(), """
				{"grade":"MODERATE","description":"Transient hypertension, 165/95"}""").andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(4));
		step(record, "vitals", nurse(), """
				{"systolic":135,"diastolic":85,"heartRate":80,"spo2":98,"respiratoryRate":15}""")
			.andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(30));
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse())).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(60));
		step(record, "discharge-checklist", nurse(), CHECKLIST).andExpect(status().isOk());
		step(record, "completion", nurse(), "{\"notes\":\"Uneventful\"}").andExpect(status().isOk());
		step(record, "clinician-sign-off", clinician(), "").andExpect(status().isOk());
		return charted;
	}

	/** A patient of its own, cleared for 0.5 mg/kg IV, with a course of their own. */
	Course newPatientsCourse() {
		return Course.of(cleared(UUID.randomUUID(), Route.IV, "0.5"));
	}
}
