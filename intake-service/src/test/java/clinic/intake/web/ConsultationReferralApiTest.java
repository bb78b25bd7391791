package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;
import tools.jackson.databind.JsonNode;

/**
 * Consultation first, as intake follows it: scheduling's consultation events, read from the broker, move the patient's
 * referral to CONSULTATION_BOOKED and back to RECEIVED when the consultation is cancelled or missed with none booked
 * instead; a move keeps it booked; the patient API shows the consultation's time and site zone. Late, repeated and
 * out-of-order events move nothing, and a referral screened meanwhile stays screened.
 */
class ConsultationReferralApiTest extends IntakeIntegrationTest {

	private static final String SCREENING = """
			{"phq9":[2,2,2,2,1,1,1,1,0],"systolic":120,"diastolic":78,"heartRate":72,"weightKg":70,
			 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
			                         {"drug":"venlafaxine","adequate":true,"failed":true}]}""";

	private static final Instant NINE = Instant.parse("2030-03-04T08:00:00Z");

	private static final Instant TEN = Instant.parse("2030-03-04T09:00:00Z");

	/** Sends a consultation event as scheduling publishes it and waits until intake has read the topic. */
	private void news(String event, UUID patient, long version, UUID consultation, String extra, Instant start) {
		send(UUID.randomUUID(), event, patient, version, consultation, extra, start);
	}

	private void send(UUID eventId, String event, UUID patient, long version, UUID consultation, String extra,
			Instant start) {
		var type = "clinic.scheduling.consultation-" + event + ".v1";
		EventProbe.send("clinic.scheduling", patient, EventProbe.cloudEvent(eventId, type, patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2030-03-01T10:00:00Z",
				 "consultationId":"%s","clinician":"dr.house","siteId":"%s","siteName":"Lakeside",
				 "timeZone":"Europe/Zurich","start":"%s","end":"%s"%s}"""
			.formatted(eventId, patient, version, consultation, UUID.randomUUID(), start, start.plusSeconds(2700),
					extra)));
		EventProbe.awaitConsumed(consumerGroup(), "clinic.scheduling", PATIENCE);
	}

	private static String booked() {
		return """
				,"consultationSlotId":"%s","patientName":"Test Patient","bookedBy":"frank\"""".formatted(UUID.randomUUID());
	}

	private static String moved(UUID to) {
		return """
				,"newConsultationId":"%s","consultationSlotId":"%s","rescheduledBy":"frank\"""".formatted(to,
				UUID.randomUUID());
	}

	private static String cancelled(String reason) {
		return """
				,"reason":"%s","cancelledBy":"frank\"""".formatted(reason);
	}

	private JsonNode patient(UUID id) throws Exception {
		return json.readTree(mvc.perform(get("/api/intake/patients/{patientId}", id).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void referralIs(UUID id, String state) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> mvc.perform(get("/api/intake/patients/{patientId}", id).with(as("frank", "front-desk")))
				.andExpect(jsonPath("$.referrals[0].state").value(state)));
	}

	@Test
	void givenAConsultationBookedThenTheReferralIsConsultationBookedAndThePatientShowsItsTimeAndZone()
			throws Exception {
		var patient = registerPatient("Booked");
		var consultation = UUID.randomUUID();
		assertThat(patient(patient).get("consultation").isNull()).isTrue();

		news("booked", patient, 1, consultation, booked(), NINE);

		referralIs(patient, "CONSULTATION_BOOKED");
		var shown = patient(patient).get("consultation");
		assertThat(shown.get("consultationId").asString()).isEqualTo(consultation.toString());
		assertThat(shown.get("status").asString()).isEqualTo("BOOKED");
		assertThat(shown.get("start").asString()).isEqualTo(NINE.toString());
		assertThat(shown.get("timeZone").asString()).isEqualTo("Europe/Zurich");
		assertThat(shown.get("siteName").asString()).isEqualTo("Lakeside");
		assertThat(shown.get("clinician").asString()).isEqualTo("dr.house");
	}

	@Test
	void givenAMoveThenACancellationThenTheReferralStaysBookedAtTheNewTimeThenIsReceivedAgainAndLateNewsChangesNothing()
			throws Exception {
		var patient = registerPatient("Moved");
		var first = UUID.randomUUID();
		var second = UUID.randomUUID();
		news("booked", patient, 1, first, booked(), NINE);
		news("rescheduled", patient, 2, first, moved(second), TEN);
		referralIs(patient, "CONSULTATION_BOOKED");
		assertThat(patient(patient).get("consultation").get("consultationId").asString())
			.isEqualTo(second.toString());
		assertThat(patient(patient).get("consultation").get("start").asString())
			.isEqualTo(TEN.toString());

		news("cancelled", patient, 3, second, cancelled("Patient moved away"), TEN);
		referralIs(patient, "RECEIVED");
		assertThat(patient(patient).get("consultation").get("status").asString())
			.isEqualTo("CANCELLED");
		assertThat(patient(patient).get("consultation").get("reason").asString())
			.isEqualTo("Patient moved away");

		// the move and the first booking again, late: nothing moves
		news("rescheduled", patient, 2, first, moved(second), TEN);
		news("booked", patient, 1, first, booked(), NINE);
		assertThat(patient(patient).get("referrals").get(0).get("state").asString())
			.isEqualTo("RECEIVED");
		assertThat(patient(patient).get("consultation").get("status").asString())
			.isEqualTo("CANCELLED");
	}

	@Test
	void givenTheCancellationBeforeTheBookingThenTheLateBookingIsDroppedAndARepeatedEventToo() throws Exception {
		var patient = registerPatient("Reordered");
		var consultation = UUID.randomUUID();
		news("cancelled", patient, 2, consultation, cancelled("Clinician ill"), NINE);
		news("booked", patient, 1, consultation, booked(), NINE);
		referralIs(patient, "RECEIVED");
		assertThat(patient(patient).get("consultation").get("status").asString())
			.isEqualTo("CANCELLED");

		// a new booking (version 3), then the same event delivered twice, then a no-show (version 4)
		var again = UUID.randomUUID();
		var eventId = UUID.randomUUID();
		send(eventId, "booked", patient, 3, again, booked(), TEN);
		send(eventId, "booked", patient, 3, again, booked(), TEN);
		referralIs(patient, "CONSULTATION_BOOKED");
		news("no-show", patient, 4, again, ",\"recordedBy\":\"frank\"", TEN);
		referralIs(patient, "RECEIVED");
		assertThat(patient(patient).get("consultation").get("status").asString())
			.isEqualTo("NO_SHOW");
	}

	@Test
	void givenAReferralScreenedAfterItsConsultationWasBookedThenALateCancellationLeavesItScreened() throws Exception {
		var patient = registerPatient("Screened");
		var consultation = UUID.randomUUID();
		news("booked", patient, 1, consultation, booked(), NINE);
		referralIs(patient, "CONSULTATION_BOOKED");
		screenPatient(patient, SCREENING);
		referralIs(patient, "SCREENED");

		news("cancelled", patient, 2, consultation, cancelled("Came anyway"), NINE);

		assertThat(patient(patient).get("referrals").get(0).get("state").asString())
			.isEqualTo("SCREENED");
	}
}
