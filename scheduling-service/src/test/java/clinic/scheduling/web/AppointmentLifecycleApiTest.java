package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
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
import clinic.scheduling.courses.Course;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An appointment's lifecycle through the API: arrival, check-in, cancellation, no-show and reschedule. */
class AppointmentLifecycleApiTest extends SchedulingIntegrationTest {

	private static final String CANCELLED = "clinic.scheduling.appointment-cancelled.v1";

	private static final String RESCHEDULED = "clinic.scheduling.appointment-rescheduled.v1";

	private static final String NO_SHOW = "clinic.scheduling.appointment-no-show.v1";

	@Autowired
	JsonMapper json;

	static RequestPostProcessor frontDesk() {
		return Tokens.as("frank", "front-desk");
	}

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	UUID booked(Course course, UUID chair, Instant start) throws Exception {
		var body = mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id()).with(frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	ResultActions act(UUID appointment, String action, RequestPostProcessor user) throws Exception {
		return mvc.perform(post("/api/scheduling/appointments/{appointmentId}/" + action, appointment).with(user));
	}

	ResultActions cancel(UUID appointment, String body) throws Exception {
		return mvc.perform(post("/api/scheduling/appointments/{appointmentId}/cancellation", appointment)
			.with(frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions reschedule(UUID appointment, UUID chair, Instant start) throws Exception {
		return mvc.perform(post("/api/scheduling/appointments/{appointmentId}/reschedule", appointment)
			.with(frontDesk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start)));
	}

	ResultActions detail(UUID appointment) throws Exception {
		return mvc.perform(get("/api/scheduling/appointments/{appointmentId}", appointment).with(nurse()));
	}

	/** The one event of the type for the patient, once published, checked against its schema. */
	JsonNode theOnlyEvent(String type, UUID patientId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(type, patientId)).isEmpty());
		List<ConsumerRecord<String, byte[]>> events = EventProbe.records("clinic.scheduling",
				EventProbe.ofType(type, patientId));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(type, events.get(0).value())).isEmpty();
		return json.readTree(events.get(0).value());
	}

	long courseVersion(Course course) {
		return jdbc.sql("select version from course where id = :id").param("id", course.id()).query(Long.class).single();
	}

	@Test
	void givenABookedAppointmentWhenTheNurseRecordsArrivalAndCheckInThenEachChangeIsInTheHistory() throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");
		var appointment = booked(course, CHAIR_1, at(monday, 9, 0));

		act(appointment, "check-in", nurse()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is booked")));
		act(appointment, "arrival", nurse()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("an arrival is recorded on its day")));
		clock.set(at(monday.minusDays(1), 23, 59));
		act(appointment, "arrival", frontDesk()).andExpect(status().isConflict());
		detail(appointment).andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.history", hasSize(1)))
			.andExpect(jsonPath("$.onHold").value(false))
			.andExpect(jsonPath("$.onItsDay").value(false));

		clock.set(at(monday, 8, 40));
		detail(appointment).andExpect(jsonPath("$.onItsDay").value(true));
		act(appointment, "arrival", nurse()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("arrived"));
		act(appointment, "arrival", frontDesk()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is arrived")));
		act(appointment, "check-in", nurse()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("checked-in"));

		detail(appointment).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(appointment.toString()))
			.andExpect(jsonPath("$.courseId").value(course.id().toString()))
			.andExpect(jsonPath("$.chairName").value("Chair 1"))
			.andExpect(jsonPath("$.status").value("checked-in"))
			.andExpect(jsonPath("$.history", hasSize(3)))
			.andExpect(jsonPath("$.history[0].from").value(nullValue()))
			.andExpect(jsonPath("$.history[0].to").value("booked"))
			.andExpect(jsonPath("$.history[0].by").value("frank"))
			.andExpect(jsonPath("$.history[1].from").value("booked"))
			.andExpect(jsonPath("$.history[1].to").value("arrived"))
			.andExpect(jsonPath("$.history[1].by").value("nina"))
			.andExpect(jsonPath("$.history[2].from").value("arrived"))
			.andExpect(jsonPath("$.history[2].to").value("checked-in"));
		act(appointment, "cancellation", nurse()).andExpect(status().isForbidden());
		act(appointment, "no-show", nurse()).andExpect(status().isForbidden());
	}

	@Test
	void givenACancellationWithoutReasonThen400NamingReasonAndNothingChanges() throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		var appointment = booked(course, CHAIR_2, at(aWeekOfItsOwn(), 9, 0));

		cancel(appointment, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		cancel(appointment, """
				{"reason":"   "}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		act(appointment, "cancellation", frontDesk()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		detail(appointment).andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.history", hasSize(1)));
	}

	@Test
	void givenAnArrivedPatientWhenCancelledWithAReasonThenTheChairIsFreeAndTheCancellationIsPublishedOnce()
			throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");
		var appointment = booked(course, CHAIR_3, at(monday, 9, 0));
		clock.set(at(monday, 8, 45));
		act(appointment, "arrival", nurse()).andExpect(status().isOk());

		cancel(appointment, """
				{"reason":"Patient feels unwell"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("cancelled"))
			.andExpect(jsonPath("$.cancellationReason").value("Patient feels unwell"))
			.andExpect(jsonPath("$.history", hasSize(3)))
			.andExpect(jsonPath("$.history[2].from").value("arrived"))
			.andExpect(jsonPath("$.history[2].to").value("cancelled"))
			.andExpect(jsonPath("$.history[2].reason").value("Patient feels unwell"));
		cancel(appointment, """
				{"reason":"again"}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is cancelled")));
		booked(clearedPatientsCourse("Grace Hopper"), CHAIR_3, at(monday, 9, 0));

		var event = theOnlyEvent(CANCELLED, course.patientId());
		assertThat(event.get("appointmentId").asString()).isEqualTo(appointment.toString());
		assertThat(event.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(event.get("reason").asString()).isEqualTo("Patient feels unwell");
		assertThat(event.get("aggregateVersion").asLong()).isEqualTo(courseVersion(course));
	}

	@Test
	void givenABookedAppointmentWhenThePatientDoesNotComeThenNoShowIsPublishedOnceAndArrivalIsRefused()
			throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		var appointment = booked(course, CHAIR_4, at(aWeekOfItsOwn(), 9, 0));

		act(appointment, "no-show", Tokens.as("ann", "admin")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("noshow"))
			.andExpect(jsonPath("$.history[1].by").value("ann"));
		act(appointment, "arrival", nurse()).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is noshow")));
		act(appointment, "no-show", frontDesk()).andExpect(status().isConflict());

		var event = theOnlyEvent(NO_SHOW, course.patientId());
		assertThat(event.get("appointmentId").asString()).isEqualTo(appointment.toString());
		assertThat(event.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(event.get("aggregateVersion").asLong()).isEqualTo(courseVersion(course));
	}

	@Test
	void givenABookedAppointmentWhenRescheduledThenTheOldIsCancelledTheNewLinkedAndTheMoveIsPublishedOnce()
			throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");
		var old = booked(course, CHAIR_1, at(monday, 9, 0));
		var start = at(monday, 9, 30);

		var body = reschedule(old, CHAIR_2, start).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.chairName").value("Chair 2"))
			.andExpect(jsonPath("$.start").value(start.toString()))
			.andExpect(jsonPath("$.end").value(start.plus(Duration.ofMinutes(110)).toString()))
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.rescheduledFrom").value(old.toString()))
			.andExpect(jsonPath("$.history", hasSize(1)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var replacement = json.readTree(body).get("id").asString();

		detail(old).andExpect(jsonPath("$.status").value("cancelled"))
			.andExpect(jsonPath("$.cancellationReason").value("rescheduled"))
			.andExpect(jsonPath("$.history[1].to").value("cancelled"))
			.andExpect(jsonPath("$.history[1].reason").value("rescheduled"));
		mvc.perform(get("/api/scheduling/courses/{courseId}", course.id()).with(nurse()))
			.andExpect(jsonPath("$.appointments", hasSize(2)))
			.andExpect(jsonPath("$.appointments[?(@.status == 'booked')].id", hasItem(replacement)));
		reschedule(old, CHAIR_3, at(monday, 14, 0)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is cancelled")));

		var event = theOnlyEvent(RESCHEDULED, course.patientId());
		assertThat(event.get("appointmentId").asString()).isEqualTo(old.toString());
		assertThat(event.get("newAppointmentId").asString()).isEqualTo(replacement);
		assertThat(event.get("chairId").asString()).isEqualTo(CHAIR_2.toString());
		assertThat(event.get("chairName").asString()).isEqualTo("Chair 2");
		assertThat(Instant.parse(event.get("start").asString())).isEqualTo(start);
		assertThat(event.get("siteId").asString()).isEqualTo(SITE.toString());
		assertThat(event.get("siteName").asString()).isEqualTo("Main clinic");
		assertThat(event.get("timeZone").asString()).isEqualTo("Europe/Zurich");
		assertThat(event.get("aggregateVersion").asLong()).isEqualTo(courseVersion(course));
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(CANCELLED, course.patientId()))).isEmpty();
	}

	@Test
	void givenATakenChairWhenRescheduledIntoItThen409NamingTheChairAndTheOriginalStaysBooked() throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");
		var original = booked(course, CHAIR_1, at(monday, 9, 0));
		booked(clearedPatientsCourse("Grace Hopper"), CHAIR_2, at(monday, 13, 0));
		var version = courseVersion(course);

		reschedule(original, CHAIR_2, at(monday, 14, 0)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Chair 2 is already booked")))
			.andExpect(jsonPath("$.detail", containsString("13:00–14:50")));
		reschedule(original, CHAIR_2, at(monday, 7, 0)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));

		detail(original).andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.cancellationReason").value(nullValue()))
			.andExpect(jsonPath("$.history", hasSize(1)));
		assertThat(jdbc.sql("select count(*) from appointment where course_id = :c")
			.param("c", course.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(courseVersion(course)).isEqualTo(version);
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(RESCHEDULED, course.patientId())))
			.isEmpty();
	}

	@Test
	void givenAnUnknownAppointmentThen404() throws Exception {
		detail(UUID.randomUUID()).andExpect(status().isNotFound());
		act(UUID.randomUUID(), "arrival", nurse()).andExpect(status().isNotFound());
	}
}
