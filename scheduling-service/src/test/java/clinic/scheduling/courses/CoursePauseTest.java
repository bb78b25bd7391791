package clinic.scheduling.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.BookingService.Booking;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adverse events, as session-service publishes them on Kafka: a serious one pauses the patient's open course and
 * holds its future appointments until a clinician resumes it.
 */
class CoursePauseTest extends SchedulingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String PAUSED = "clinic.scheduling.course-paused.v1";

	private static final String RESUMED = "clinic.scheduling.course-resumed.v1";

	@Autowired
	JsonMapper json;

	/** Sends the event; returns its adverse event id. */
	static UUID adverseEvent(UUID patientId, String grade) {
		return adverseEvent(patientId, grade, UUID.randomUUID());
	}

	static UUID adverseEvent(UUID patientId, String grade, UUID cloudEventId) {
		return adverseEvent(patientId, grade, cloudEventId, UUID.randomUUID());
	}

	/** Sends the event about the adverse event {@code adverseEventId}; returns that id. */
	static UUID adverseEvent(UUID patientId, String grade, UUID cloudEventId, UUID adverseEventId) {
		var data = """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"2026-03-02T10:00:00Z",
				 "sessionId":"%s","appointmentId":"%s","adverseEventId":"%s","grade":"%s",
				 "description":"Blood pressure 190/110 during infusion","reportedBy":"nina","pausesCourse":%s}"""
			.formatted(UUID.randomUUID(), patientId, UUID.randomUUID(), UUID.randomUUID(), adverseEventId, grade,
					"SERIOUS".equals(grade)); // session-service's verdict with its default setting
		EventProbe.send("clinic.session", patientId, EventProbe.cloudEvent(cloudEventId,
				"clinic.session.adverse-event-reported.v1", patientId, data));
		return adverseEventId;
	}

	/** Waits until the inbox recorded the event, which it does in the transaction of the handler's effect. */
	void awaitHandled(UUID cloudEventId) {
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :id")
				.param("id", cloudEventId)
				.query(Long.class)
				.single() == 1);
	}

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	ResultActions resume(RequestPostProcessor user, UUID course, String body) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{courseId}/resumption", course).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions book(UUID course, UUID chair, java.time.Instant start) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course)
			.with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start)));
	}

	@Test
	void givenAnActiveCourseWhenASeriousAdverseEventIsReportedThenPausedHeldRefusesBookingsUntilAClinicianResumes()
			throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		var week = aWeekOfItsOwn();
		Appointment first = bookings.book(course.id(), new Booking(CHAIR_3, at(week, 9, 0)));
		Appointment second = bookings.book(course.id(), new Booking(CHAIR_3, at(week.plusDays(2), 9, 0)));

		var adverseEventId = adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		assertThat(courses.get(course.id()).pauseReason())
			.isEqualTo("SERIOUS adverse event reported by nina: Blood pressure 190/110 during infusion");
		assertThat(lifecycle.ofCourse(course.id())).allMatch(Appointment::onHold);

		mvc.perform(get("/api/scheduling/courses/{courseId}", course.id()).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAUSED"))
			.andExpect(jsonPath("$.pauseReason").value(containsString("SERIOUS")))
			.andExpect(jsonPath("$.appointments[0].onHold").value(true))
			.andExpect(jsonPath("$.appointments[0].status").value("booked"));

		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(PAUSED, course.patientId())).isEmpty());
		var paused = EventProbe.records("clinic.scheduling", EventProbe.ofType(PAUSED, course.patientId()));
		assertThat(paused).hasSize(1);
		assertThat(EventSchemas.violations(PAUSED, paused.get(0).value())).isEmpty();
		var data = json.readTree(paused.get(0).value());
		assertThat(data.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(data.get("adverseEventId").asString()).isEqualTo(adverseEventId.toString());
		assertThat(data.get("heldAppointmentIds").valueStream().map(n -> n.asString()).toList())
			.containsExactlyInAnyOrder(first.id().toString(), second.id().toString());

		book(course.id(), CHAIR_3, at(week.plusDays(4), 9, 0)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("paused")));
		mvc.perform(get("/api/scheduling/appointments/{appointmentId}", first.id()).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.onHold").value(true));
		mvc.perform(post("/api/scheduling/appointments/{appointmentId}/arrival", first.id())
			.with(as("nina", "nurse"))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("on hold")));

		resume(as("frank", "front-desk"), course.id(), """
				{"reason":"looks fine"}""").andExpect(status().isForbidden());
		resume(as("clara", "clinician"), course.id(), """
				{"reason":"  "}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.PAUSED);

		resume(as("clara", "clinician"), course.id(), """
				{"reason":"Blood pressure normal, reviewed with the patient"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.appointments[0].onHold").value(false))
			.andExpect(jsonPath("$.appointments[1].onHold").value(false));
		assertThat(lifecycle.ofCourse(course.id())).noneMatch(Appointment::onHold);
		resume(as("clara", "clinician"), course.id(), """
				{"reason":"again"}""").andExpect(status().isConflict());

		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(RESUMED, course.patientId())).isEmpty());
		var resumed = EventProbe.records("clinic.scheduling", EventProbe.ofType(RESUMED, course.patientId()));
		assertThat(resumed).hasSize(1);
		assertThat(EventSchemas.violations(RESUMED, resumed.get(0).value())).isEmpty();
		assertThat(json.readTree(resumed.get(0).value()).get("resumedBy").asString()).isEqualTo("clara");
		assertThat(json.readTree(resumed.get(0).value()).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(ids(json.readTree(resumed.get(0).value()).get("adverseEventIds")))
			.containsExactly(adverseEventId.toString());

		book(course.id(), CHAIR_3, at(week.plusDays(4), 9, 0)).andExpect(status().isCreated());
	}

	@Test
	void givenACourseToPlanWhenPausedAndResumedThenItIsToPlanAgain() throws Exception {
		var course = clearedPatientsCourse("Grace Hopper");
		adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		resume(as("adam", "admin"), course.id(), """
				{"reason":"cleared by the clinician"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TO_PLAN"));
	}

	@Test
	void givenAnActiveCourseWhenAMildAdverseEventIsReportedThenNothingChanges() throws Exception {
		var course = clearedPatientsCourse("Emmy Noether");
		var week = aWeekOfItsOwn();
		bookings.book(course.id(), new Booking(CHAIR_4, at(week, 9, 0)));

		var eventId = UUID.randomUUID();
		adverseEvent(course.patientId(), "MILD", eventId);
		awaitHandled(eventId);

		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(lifecycle.ofCourse(course.id())).noneMatch(Appointment::onHold);
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(PAUSED, course.patientId()))).isEmpty();
	}

	@Test
	void givenAPatientWithoutAnOpenCourseWhenASeriousAdverseEventIsReportedThenNothingHappens() throws Exception {
		var patientId = UUID.randomUUID();
		var eventId = UUID.randomUUID();
		adverseEvent(patientId, "SERIOUS", eventId);
		awaitHandled(eventId);
		assertThat(courses.ofPatient(patientId)).isEmpty();
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(PAUSED, patientId))).isEmpty();
	}

	static List<String> ids(JsonNode array) {
		return array.valueStream().map(n -> n.asString()).toList();
	}

	List<ConsumerRecord<String, byte[]>> published(String type, UUID patientId) {
		return EventProbe.records("clinic.scheduling", EventProbe.ofType(type, patientId));
	}

	@Test
	void givenAPausedCourseWhenMoreSeriousAdverseEventsArriveThenOneResumptionAnswersThemAllAndALaterOnePausesAgain()
			throws Exception {
		var course = clearedPatientsCourse("Marie Curie");
		bookings.book(course.id(), new Booking(CHAIR_2, at(aWeekOfItsOwn(), 11, 0)));
		var first = adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		var version = courses.get(course.id()).version();

		// another serious one while paused is kept for the course; the same one again (a new message) is not
		var whilePaused = UUID.randomUUID();
		var second = adverseEvent(course.patientId(), "SERIOUS", whilePaused);
		awaitHandled(whilePaused);
		var repeat = UUID.randomUUID();
		adverseEvent(course.patientId(), "SERIOUS", repeat, second);
		awaitHandled(repeat);
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.PAUSED);
		assertThat(courses.get(course.id()).version()).isEqualTo(version);
		assertThat(jdbc.sql("select count(*) from course_adverse_event where course_id = :c")
			.param("c", course.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		resume(as("clara", "clinician"), course.id(), """
				{"reason":"Both events reviewed"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		await().atMost(PATIENCE).until(() -> published(RESUMED, course.patientId()).size() == 1);
		var resumed = json.readTree(published(RESUMED, course.patientId()).get(0).value());
		assertThat(EventSchemas.violations(RESUMED, published(RESUMED, course.patientId()).get(0).value())).isEmpty();
		assertThat(ids(resumed.get("adverseEventIds"))).containsExactly(first.toString(), second.toString());
		assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");

		// a new one after the resumption pauses again, and the next resumption answers only that one
		var third = adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		resume(as("clara", "clinician"), course.id(), """
				{"reason":"Reviewed again"}""").andExpect(status().isOk());
		await().atMost(PATIENCE).until(() -> published(RESUMED, course.patientId()).size() == 2);
		assertThat(published(RESUMED, course.patientId()))
			.anySatisfy(r -> assertThat(ids(json.readTree(r.value()).get("adverseEventIds")))
				.containsExactly(third.toString()));
		assertThat(published(PAUSED, course.patientId())).hasSize(2);
	}

	@Test
	void givenACompletedCourseWithBoostersAheadWhenASeriousAdverseEventIsReportedThenItPausesAndResumesToCompleted()
			throws Exception {
		var course = clearedPatientsCourse("Rosalind Franklin");
		var monday = weeksOfTheirOwn(4);
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			var infusion = bookings.book(course.id(), new Booking(CHAIR_4, at(monday.plusDays(day), 15, 0)));
			lifecycle.sessionCompleted(infusion.id(), infusion.patientId(), infusion.end());
		}
		var boosters = bookings.bookBoosters(course.id(), List
			.of(new Booking(CHAIR_4, at(monday.plusDays(21), 15, 0)), new Booking(CHAIR_4, at(monday.plusDays(25), 15, 0))));
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.COMPLETED);

		var adverseEventId = adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		assertThat(lifecycle.ofCourse(course.id())).filteredOn(Appointment::onHold)
			.extracting(Appointment::id)
			.containsExactlyInAnyOrderElementsOf(boosters.stream().map(Appointment::id).toList());
		await().atMost(PATIENCE).until(() -> published(PAUSED, course.patientId()).size() == 1);
		var paused = json.readTree(published(PAUSED, course.patientId()).get(0).value());
		assertThat(EventSchemas.violations(PAUSED, published(PAUSED, course.patientId()).get(0).value())).isEmpty();
		assertThat(ids(paused.get("heldAppointmentIds")))
			.containsExactlyInAnyOrderElementsOf(boosters.stream().map(b -> b.id().toString()).toList());
		mvc.perform(post("/api/scheduling/courses/{courseId}/boosters", course.id()).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurrences\":[{\"chairId\":\"%s\",\"start\":\"%s\"}]}".formatted(CHAIR_4,
					at(monday.plusDays(23), 15, 0))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("PAUSED")));

		resume(as("clara", "clinician"), course.id(), """
				{"reason":"Reviewed; boosters may go ahead"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.completedInfusions").value(6));
		assertThat(lifecycle.ofCourse(course.id())).noneMatch(Appointment::onHold);
		await().atMost(PATIENCE).until(() -> published(RESUMED, course.patientId()).size() == 1);
		var resumed = json.readTree(published(RESUMED, course.patientId()).get(0).value());
		assertThat(EventSchemas.violations(RESUMED, published(RESUMED, course.patientId()).get(0).value())).isEmpty();
		assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(ids(resumed.get("adverseEventIds"))).containsExactly(adverseEventId.toString());
	}

	@Test
	void givenACompletedCourseWithoutBoostersAheadWhenASeriousAdverseEventIsReportedThenNoBoosterIsBookedUntilResumed()
			throws Exception {
		var course = clearedPatientsCourse("Lise Meitner");
		var monday = weeksOfTheirOwn(2);
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			var infusion = bookings.book(course.id(), new Booking(CHAIR_1, at(monday.plusDays(day), 15, 0)));
			lifecycle.sessionCompleted(infusion.id(), infusion.patientId(), infusion.end());
		}
		// the last infusion's adverse event: nothing is ahead, but the session service has paused the patient's
		// dosing and only a resumption naming the event lifts that, so the course must be paused to be resumed
		var adverseEventId = adverseEvent(course.patientId(), "SERIOUS");
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.PAUSED);
		await().atMost(PATIENCE).until(() -> published(PAUSED, course.patientId()).size() == 1);
		assertThat(ids(json.readTree(published(PAUSED, course.patientId()).get(0).value()).get("heldAppointmentIds")))
			.isEmpty();
		mvc.perform(post("/api/scheduling/courses/{courseId}/boosters", course.id()).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurrences\":[{\"chairId\":\"%s\",\"start\":\"%s\"}]}".formatted(CHAIR_1,
					at(monday.plusDays(23), 15, 0))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("PAUSED")));

		resume(as("clara", "clinician"), course.id(), """
				{"reason":"Reviewed after the last infusion"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		await().atMost(PATIENCE).until(() -> published(RESUMED, course.patientId()).size() == 1);
		var resumed = json.readTree(published(RESUMED, course.patientId()).get(0).value());
		assertThat(ids(resumed.get("adverseEventIds"))).containsExactly(adverseEventId.toString());
	}
}
