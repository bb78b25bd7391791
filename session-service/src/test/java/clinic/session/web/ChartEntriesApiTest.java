package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;
import clinic.session.patients.Patient;
import clinic.session.patients.PatientService;

/**
 * A tablet that loses its answer sends the entry again: with the same Idempotency-Key the repeat gets the first
 * answer and changes nothing, the key with another entry is refused, and an entry made on a version of the record
 * that someone else has since changed is refused and changes nothing. On real PostgreSQL, through the API.
 */
class ChartEntriesApiTest extends SessionIntegrationTest {

	private static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

	private static final String CALM = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	private static final String CHECK_IN = """
			{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo","fasting":true}""";

	private static final String CHECKLIST = """
			{"vitalsNearBaseline":true,"alertAndOriented":true,"steadyGait":false,"escortPresent":true,
			 "instructionsGiven":true}""";

	@BeforeEach
	void startOfTheSession() {
		clock.set(START);
	}

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	UUID appointment;

	UUID openRecord() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		appointment = booked(Course.of(patient), 1, START);
		var body = mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	MockHttpServletRequestBuilder entry(UUID record, String step, String body) {
		return post("/api/session/records/{id}/" + step, record).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user));
	}

	long rows(String table, UUID record) {
		return jdbc.sql("select count(*) from " + table + " where session_id = :id")
			.param("id", record)
			.query(Long.class)
			.single();
	}

	long version(UUID record) {
		return jdbc.sql("select version from session_record where id = :id").param("id", record).query(Long.class)
			.single();
	}

	@Test
	void givenAReadingSentAgainWithItsKeyThenItIsRecordedOnceAndTheRepeatGetsTheFirstAnswer() throws Exception {
		var record = openRecord();
		var key = UUID.randomUUID().toString();

		var first = send(entry(record, "vitals", CALM).header("Idempotency-Key", key), nurse())
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andReturn()
			.getResponse();
		clock.advance(Duration.ofMinutes(3)); // the tablet was off the network for a while

		var repeat = send(entry(record, "vitals", CALM).header("Idempotency-Key", key), nurse())
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse();

		assertThat(repeat.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(json.readTree(repeat.getContentAsString()).get("takenAt").asString()).isEqualTo(START.toString());
		assertThat(rows("vitals_reading", record)).isEqualTo(1);
		assertThat(version(record)).isEqualTo(2);
	}

	@Test
	void givenEveryKindOfEntrySentTwiceThenEachCountsOnce() throws Exception {
		var record = openRecord();
		var steps = new String[][] {
				{ "check-in", CHECK_IN },
				{ "vitals", CALM },
				{ "dose", """
						{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""" },
				{ "side-effects", "{\"effect\":\"NAUSEA\",\"severity\":\"MILD\"}" },
				{ "cadss", "{\"items\":[1,0,2,1,0,0]}" },
				{ "adverse-events", "{\"grade\":\"MILD\",\"description\":\"Brief nausea\"}" },
				{ "addenda", "{\"text\":\"Late note: patient asked for a blanket\"}" } };
		for (var step : steps) {
			var key = UUID.randomUUID().toString();
			var first = send(entry(record, step[0], step[1]).header("Idempotency-Key", key), nurse()).andReturn()
				.getResponse();
			assertThat(first.getStatus()).as(step[0] + ": " + first.getContentAsString()).isBetween(200, 201);
			var again = send(entry(record, step[0], step[1]).header("Idempotency-Key", key), nurse()).andReturn()
				.getResponse();
			assertThat(again.getStatus()).as(step[0]).isEqualTo(first.getStatus());
			assertThat(again.getContentAsString()).as(step[0]).isEqualTo(first.getContentAsString());
			assertThat(again.getHeader("Idempotent-Replayed")).as(step[0]).isEqualTo("true");
		}
		assertThat(rows("vitals_reading", record)).isEqualTo(1);
		assertThat(rows("side_effect", record)).isEqualTo(1);
		assertThat(rows("cadss_score", record)).isEqualTo(1);
		assertThat(rows("adverse_event", record)).isEqualTo(1);
		assertThat(rows("session_addendum", record)).isEqualTo(1);
		// a dose sent again is not a second dose, nor a 409 "already dosed": the first answer comes back
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.dosing.doseMg").value(35.0))
			.andExpect(jsonPath("$.version").value(version(record)));
	}

	@Test
	void givenTheSameEntrySentTwiceAtOnceThenOneWaitsForTheOthersAnswer() throws Exception {
		var record = openRecord();
		var key = UUID.randomUUID().toString();
		var ready = new CountDownLatch(1);
		Callable<MockHttpServletResponse> sending = () -> {
			ready.await();
			return send(entry(record, "vitals", CALM).header("Idempotency-Key", key), nurse()).andReturn()
				.getResponse();
		};
		var pool = Executors.newFixedThreadPool(2);
		try {
			var answers = new ArrayList<java.util.concurrent.Future<MockHttpServletResponse>>();
			answers.add(pool.submit(sending));
			answers.add(pool.submit(sending));
			ready.countDown();
			var one = answers.get(0).get(30, TimeUnit.SECONDS);
			var other = answers.get(1).get(30, TimeUnit.SECONDS);
			assertThat(one.getStatus()).isEqualTo(201);
			assertThat(other.getStatus()).isEqualTo(201);
			assertThat(one.getContentAsString()).isEqualTo(other.getContentAsString());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows("vitals_reading", record)).isEqualTo(1);
	}

	@Test
	void givenAKeySentAgainWithAnotherEntryThenConflictAndNothingChanges() throws Exception {
		var record = openRecord();
		var key = UUID.randomUUID().toString();
		send(entry(record, "vitals", CALM).header("Idempotency-Key", key), nurse()).andExpect(status().isCreated());

		send(entry(record, "vitals", CALM.replace("128", "150")).header("Idempotency-Key", key), nurse())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("IDEMPOTENCY_KEY_REUSED"))
			.andExpect(jsonPath("$.detail", containsString("Nothing was changed")));
		send(entry(record, "side-effects", "{\"effect\":\"NAUSEA\",\"severity\":\"MILD\"}")
			.header("Idempotency-Key", key), nurse()).andExpect(status().isConflict());
		send(entry(record, "vitals", CALM).header("Idempotency-Key", key), Tokens.as("otto", "nurse"))
			.andExpect(status().isConflict());

		assertThat(rows("vitals_reading", record)).isEqualTo(1);
		assertThat(rows("side_effect", record)).isZero();
		assertThat(version(record)).isEqualTo(2);
	}

	@Test
	void givenARefusedEntryThenNothingIsKeptAndTheSameEntryIsCheckedAgain() throws Exception {
		var record = openRecord();
		var key = UUID.randomUUID().toString();
		var tooEarly = entry(record, "dose", """
				{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""");
		send(tooEarly.header("Idempotency-Key", key), nurse()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Check the patient in before dosing"));

		send(entry(record, "check-in", CHECK_IN), nurse()).andExpect(status().isOk());
		send(entry(record, "vitals", CALM), nurse()).andExpect(status().isCreated());
		send(entry(record, "dose", """
				{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""")
			.header("Idempotency-Key", key), nurse())
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(jsonPath("$.dosing.doseMg").value(35.0));
	}

	@Test
	void givenAnEntryMadeOnAVersionSomeoneElseHasChangedThenItIsRefusedAndTheirChangeStays() throws Exception {
		var record = openRecord();
		var read = version(record);
		// another nurse takes a reading meanwhile
		send(entry(record, "vitals", CALM), Tokens.as("otto", "nurse")).andExpect(status().isCreated());

		send(entry(record, "discharge-checklist", CHECKLIST).header("If-Match", "\"" + read + "\"")
			.header("Idempotency-Key", UUID.randomUUID().toString()), nurse())
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("RECORD_CHANGED"))
			.andExpect(jsonPath("$.readVersion").value(read))
			.andExpect(jsonPath("$.currentVersion").value(read + 1))
			.andExpect(jsonPath("$.detail", containsString("Nothing was overwritten")));
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.discharge").value(nullValue()))
			.andExpect(jsonPath("$.vitals[0].takenBy").value("otto"));

		send(entry(record, "discharge-checklist", CHECKLIST).header("If-Match", "\"" + (read + 1) + "\""), nurse())
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + (read + 2) + "\""))
			.andExpect(jsonPath("$.discharge.steadyGait").value(false))
			.andExpect(jsonPath("$.version").value(read + 2));
	}

	@Test
	void givenARepeatOfAnAnsweredEntryThenItsVersionIsNotCheckedAgain() throws Exception {
		var record = openRecord();
		var key = UUID.randomUUID().toString();
		var checklist = entry(record, "discharge-checklist", CHECKLIST).header("If-Match", "\"1\"")
			.header("Idempotency-Key", key);
		send(checklist, nurse()).andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));

		send(entry(record, "discharge-checklist", CHECKLIST).header("If-Match", "\"1\"").header("Idempotency-Key", key),
				nurse())
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"));
	}

	@Test
	void givenAKeyOrVersionThatIsNoneThenTheHeaderIsNamed() throws Exception {
		var record = openRecord();
		send(entry(record, "vitals", CALM).header("Idempotency-Key", "not a key at all"), nurse())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		send(entry(record, "vitals", CALM).header("If-Match", "\"yesterday\""), nurse())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(rows("vitals_reading", record)).isZero();
	}

	@Test
	void givenOpeningSentTwiceWithOneKeyThenOneRecordAndTheSameAnswer() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var booked = booked(Course.of(patient), 1, START);
		var key = UUID.randomUUID().toString();
		var open = post("/api/session/records").contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(booked));
		var first = send(open.header("Idempotency-Key", key), nurse()).andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var again = send(post("/api/session/records").contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(booked))
			.header("Idempotency-Key", key), nurse()).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from session_record where appointment_id = :a")
			.param("a", booked)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void givenABookedAppointmentThenItsBannerAndTheRecordsDoseLimitsComeFromTheApi(
			@org.springframework.beans.factory.annotation.Autowired PatientService patients) throws Exception {
		var record = openRecord();
		var patientId = UUID.fromString(json.readTree(mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("patientId").asString());
		patients.registeredOrUpdated(new Patient(patientId, "MRN-424242", "Ada", "Lovelace", 1));

		mvc.perform(get("/api/session/appointments/{id}", appointment).with(nurse()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patientName").value("Ada Lovelace"))
			.andExpect(jsonPath("$.mrn").value("MRN-424242"))
			.andExpect(jsonPath("$.position").value("Infusion 1 of 6"))
			.andExpect(jsonPath("$.chairName").value("Chair 1"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.start").value(START.toString()))
			.andExpect(jsonPath("$.recordId").value(record.toString()));
		mvc.perform(get("/api/session/appointments/{id}", UUID.randomUUID()).with(nurse()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/session/appointments/{id}", appointment).with(Tokens.as("fred", "front-desk")))
			.andExpect(status().isForbidden());

		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.doseLimits.planDeviationPercent").value(5))
			.andExpect(jsonPath("$.doseLimits.ivInfusionShortestMinutes").value(35))
			.andExpect(jsonPath("$.doseLimits.ivInfusionLongestMinutes").value(60))
			.andExpect(jsonPath("$.doseLimits.preDoseSystolicAbove").value(140))
			.andExpect(jsonPath("$.dosePlan.minMgPerKg").value(0.1))
			.andExpect(jsonPath("$.dosePlan.maxMgPerKg").value(1.0));
	}

	@Test
	void givenTheApiDocumentationThenTheEntryHeadersAreDocumented() throws Exception {
		var doc = json.readTree(mvc.perform(get("/api/session/openapi")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var vitals = doc.get("paths").get("/api/session/records/{id}/vitals").get("post");
		assertThat(vitals.get("parameters").toString()).contains("Idempotency-Key", "If-Match");
		assertThat(vitals.get("responses").get("201").toString()).contains("VitalsReading");
		assertThat(doc.get("paths").get("/api/session/records/{id}/check-in").get("post").get("responses").toString())
			.contains("RecordView");
	}

	@Test
	void givenAnAppointmentScheduledCancelledBeforeItsRecordWasOpenedThenTheBannerSaysSo() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var booked = booked(Course.of(patient), 1, START);
		appointments.cancelled(booked, 99, START);
		mvc.perform(get("/api/session/appointments/{id}", booked).with(nurse()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("APPOINTMENT_NOT_BOOKED"))
			.andExpect(jsonPath("$.detail", containsString("cancelled or moved")));
	}
}
