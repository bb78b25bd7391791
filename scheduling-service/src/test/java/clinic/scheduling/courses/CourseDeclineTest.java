package clinic.scheduling.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import clinic.contracts.EventSchemas;
import clinic.platform.problems.ConflictException;
import clinic.platform.test.EventProbe;
import clinic.platform.test.OutboxProbe;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.booking.CoursePausing;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.waitlist.WaitlistService;
import tools.jackson.databind.json.JsonMapper;

/**
 * A superseding DECLINED decision, as intake publishes it on Kafka, closes the patient's course: the course is
 * CANCELLED, its future appointments are cancelled naming the decline (their slots offered to the waitlist), and the
 * cancellations are published. Stale and repeated decisions change nothing; a later clearance plans a new course.
 */
class CourseDeclineTest extends SchedulingIntegrationTest {

	private static final String DECIDED = "clinic.intake.eligibility-decided.v1";

	private static final String APPOINTMENT_CANCELLED = "clinic.scheduling.appointment-cancelled.v1";

	private static final String COURSE_CANCELLED = "clinic.scheduling.course-cancelled.v1";

	private static final String REASON = "Eligibility declined by dr.house: Pregnancy reported";

	@Autowired
	JsonMapper json;

	@Autowired
	CoursePausing pausing;

	@Autowired
	WaitlistService waitlist;

	/** Intake's event, sent on the real broker; returns its CloudEvent id. */
	static UUID decided(UUID patientId, String outcome, long version, UUID decisionId) {
		var cloudEventId = UUID.randomUUID();
		send(cloudEventId, patientId, outcome, version, decisionId);
		return cloudEventId;
	}

	static void send(UUID cloudEventId, UUID patientId, String outcome, long version, UUID decisionId) {
		var data = """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"%s","decisionId":"%s",
				 "screeningId":"%s","outcome":"%s","decidedBy":"dr.house","reason":%s,"patientName":"Ada Lovelace",
				 "dosePlan":%s,"supersedesDecisionId":"%s"}"""
			.formatted(cloudEventId, patientId, version, Instant.now(), decisionId, UUID.randomUUID(), outcome,
					outcome.equals("DECLINED") ? "\"Pregnancy reported\"" : "null",
					outcome.equals("CLEARED") ? "{\"route\":\"IV\",\"mgPerKg\":0.5}" : "null", UUID.randomUUID());
		EventProbe.send("clinic.intake", patientId, EventProbe.cloudEvent(cloudEventId, DECIDED, patientId, data));
	}

	void awaitHandled(UUID cloudEventId) {
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :id")
				.param("id", cloudEventId)
				.query(Long.class)
				.single() == 1);
	}

	List<ConsumerRecord<String, byte[]>> published(String type, UUID patientId) {
		return EventProbe.records("clinic.scheduling", EventProbe.ofType(type, patientId));
	}

	ResultActions book(UUID courseId, UUID chair, Instant start) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", courseId)
			.with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start)));
	}

	@Test
	void givenACourseWithSixBookedWhenADeclineSupersedesTheClearanceThenTheCourseAndItsAppointmentsAreCancelled()
			throws Exception {
		jdbc.sql("update waitlist_entry set status = 'WITHDRAWN' where status = 'WAITING'").update();
		var patient = UUID.randomUUID();
		var cleared = decided(patient, "CLEARED", 4, UUID.randomUUID());
		awaitHandled(cleared);
		var course = courses.ofPatient(patient).get(0);
		var monday = weeksOfTheirOwn(2);
		var booked = new ArrayList<Appointment>();
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			booked.add(bookings.book(course.id(), new Booking(CHAIR_4, at(monday.plusDays(day), 13, 0))));
		}
		// another course waits for any slot, and itself has one to wait on the waitlist with it
		var waiting = clearedPatientsCourse("Waiting Patient");
		mvc.perform(post("/api/scheduling/waitlist").with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"%s\",\"siteId\":\"%s\"}".formatted(waiting.id(), SITE)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/scheduling/waitlist").with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"%s\",\"siteId\":\"%s\"}".formatted(course.id(), SITE)))
			.andExpect(status().isConflict()); // a fully booked course has nothing to wait for

		var decisionId = UUID.randomUUID();
		var declined = decided(patient, "DECLINED", 6, decisionId);
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.CANCELLED);

		assertThat(courses.get(course.id()).cancellationReason()).isEqualTo(REASON);
		assertThat(lifecycle.ofCourse(course.id())).hasSize(6).allMatch(a -> a.status() == AppointmentStatus.CANCELLED);
		mvc.perform(get("/api/scheduling/appointments/{appointmentId}", booked.get(0).id())
			.with(Tokens.as("nina", "nurse")))
			.andExpect(jsonPath("$.status").value("cancelled"))
			.andExpect(jsonPath("$.cancellationReason").value(REASON))
			.andExpect(jsonPath("$.history[1].by").value("intake-service"));
		mvc.perform(get("/api/scheduling/courses/{courseId}", course.id()).with(Tokens.as("frank", "front-desk")))
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationReason").value(REASON));

		// every freed slot goes to the waitlist as a front-desk cancellation's does
		for (var freed : booked) {
			mvc.perform(get("/api/scheduling/waitlist/slots/{appointmentId}/offers", freed.id())
				.with(Tokens.as("frank", "front-desk")))
				.andExpect(jsonPath("$[0].status").value("OFFERED"))
				.andExpect(jsonPath("$[0].start").value(freed.start().toString()));
		}
		mvc.perform(get("/api/scheduling/waitlist").param("status", "WAITING").with(Tokens.as("frank", "front-desk")))
			.andExpect(jsonPath("$[?(@.patientName == 'Waiting Patient')].offers.length()").value(6));

		// six appointment-cancelled and one course-cancelled, schema-valid, the course's last at its final version
		await().atMost(PATIENCE)
			.until(() -> published(APPOINTMENT_CANCELLED, patient).size() == 6
					&& published(COURSE_CANCELLED, patient).size() == 1);
		OutboxProbe.awaitSettled(context, PATIENCE);
		var cancellations = published(APPOINTMENT_CANCELLED, patient);
		assertThat(cancellations).hasSize(6);
		for (var cancellation : cancellations) {
			assertThat(EventSchemas.violations(APPOINTMENT_CANCELLED, cancellation.value())).isEmpty();
			assertThat(json.readTree(cancellation.value()).get("reason").asString()).isEqualTo(REASON);
		}
		assertThat(cancellations.stream().map(r -> json.readTree(r.value()).get("appointmentId").asString()))
			.containsExactlyInAnyOrderElementsOf(booked.stream().map(a -> a.id().toString()).toList());
		var closed = published(COURSE_CANCELLED, patient);
		assertThat(closed).hasSize(1);
		assertThat(EventSchemas.violations(COURSE_CANCELLED, closed.get(0).value())).isEmpty();
		var data = json.readTree(closed.get(0).value());
		assertThat(data.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(data.get("reason").asString()).isEqualTo(REASON);
		assertThat(data.get("decisionId").asString()).isEqualTo(decisionId.toString());
		assertThat(data.get("cancelledAppointmentIds").valueStream().map(n -> n.asString()).toList())
			.containsExactlyInAnyOrderElementsOf(booked.stream().map(a -> a.id().toString()).toList());
		assertThat(data.get("aggregateVersion").asLong()).isEqualTo(courses.get(course.id()).version());
		assertThat(cancellations.stream().mapToLong(r -> json.readTree(r.value()).get("aggregateVersion").asLong()))
			.allMatch(version -> version < data.get("aggregateVersion").asLong());

		// a cancelled course takes no bookings, in words the front desk understands
		book(course.id(), CHAIR_4, at(monday.plusDays(14), 13, 0)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("was cancelled (" + REASON + ")")));

		// the same event delivered again changes nothing
		send(declined, patient, "DECLINED", 6, decisionId);
		EventProbe.awaitConsumed(context.getEnvironment().getRequiredProperty("clinic.events.group"), "clinic.intake",
				PATIENCE);
		OutboxProbe.awaitSettled(context, PATIENCE);
		assertThat(published(APPOINTMENT_CANCELLED, patient)).hasSize(6);
		assertThat(published(COURSE_CANCELLED, patient)).hasSize(1);

		// a later clearance gets the patient a new course; the cancelled one stays as it is
		awaitHandled(decided(patient, "CLEARED", 8, UUID.randomUUID()));
		assertThat(courses.ofPatient(patient)).hasSize(2)
			.anySatisfy(c -> assertThat(c.status()).isEqualTo(CourseStatus.TO_PLAN))
			.anySatisfy(c -> assertThat(c.status()).isEqualTo(CourseStatus.CANCELLED));
	}

	@Test
	void givenABookedCourseWhenAnOlderDeclineArrivesLateThenNothingChanges() throws Exception {
		var patient = UUID.randomUUID();
		awaitHandled(decided(patient, "CLEARED", 9, UUID.randomUUID()));
		var course = courses.ofPatient(patient).get(0);
		var appointment = bookings.book(course.id(), new Booking(CHAIR_2, at(aWeekOfItsOwn(), 15, 0)));
		var version = courses.get(course.id()).version();

		awaitHandled(decided(patient, "DECLINED", 7, UUID.randomUUID()));

		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(courses.get(course.id()).version()).isEqualTo(version);
		assertThat(lifecycle.appointment(appointment.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
		OutboxProbe.awaitSettled(context, PATIENCE);
		assertThat(published(APPOINTMENT_CANCELLED, patient)).isEmpty();
		assertThat(published(COURSE_CANCELLED, patient)).isEmpty();
	}

	@Test
	void givenACourseWaitingForASlotWhenDeclinedThenItsWaitlistEntryIsWithdrawnAndTheClosingIsPublished() {
		var course = clearedPatientsCourse("Waiting Then Declined");
		var entry = waitlist.add(course.id(), new WaitlistService.Wishes(SITE, Set.of(), null, null, Set.of(), null));

		courses.decided(new CourseService.Decision(course.patientId(), course.patientName(), Eligibility.DECLINED, 5,
				Instant.now(), UUID.randomUUID(), "dr.house", "Uncontrolled hypertension"));

		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.CANCELLED);
		assertThat(jdbc.sql("select status from waitlist_entry where id = :id")
			.param("id", entry.id())
			.query(String.class)
			.single()).isEqualTo("WITHDRAWN");
		await().atMost(PATIENCE).until(() -> published(COURSE_CANCELLED, course.patientId()).size() == 1);
		var closed = published(COURSE_CANCELLED, course.patientId()).get(0);
		assertThat(EventSchemas.violations(COURSE_CANCELLED, closed.value())).isEmpty();
		assertThat(json.readTree(closed.value()).get("cancelledAppointmentIds").size()).isZero();
	}

	@Test
	void givenAPausedCourseWhenDeclinedThenItIsCancelledWithItsHeldAppointments() {
		var course = clearedPatientsCourse("Paused Then Declined");
		var monday = aWeekOfItsOwn();
		var held = bookings.book(course.id(), new Booking(CHAIR_1, at(monday, 15, 0)));
		pausing.adverseEventReported(new CoursePausing.AdverseEvent(course.patientId(), "SERIOUS", UUID.randomUUID(),
				Instant.now(), true));
		assertThat(lifecycle.appointment(held.id()).onHold()).isTrue();

		courses.decided(new CourseService.Decision(course.patientId(), course.patientName(), Eligibility.DECLINED, 5,
				Instant.now(), UUID.randomUUID(), "dr.house", "Active psychosis"));

		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.CANCELLED);
		assertThat(courses.get(course.id()).cancellationReason())
			.isEqualTo("Eligibility declined by dr.house: Active psychosis");
		assertThat(lifecycle.detail(held.id()).cancellationReason())
			.isEqualTo("Eligibility declined by dr.house: Active psychosis");
	}

	@Test
	void givenACompletedCourseWithBoostersWhenDeclinedThenTheBoostersAreCancelledAndNoMoreAreBooked() {
		var course = clearedPatientsCourse("Booster Then Declined");
		var monday = weeksOfTheirOwn(4);
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			var infusion = bookings.book(course.id(), new Booking(CHAIR_3, at(monday.plusDays(day), 15, 0)));
			lifecycle.sessionCompleted(infusion.id(), infusion.patientId(), infusion.end());
		}
		var boosters = bookings.bookBoosters(course.id(),
				List.of(new Booking(CHAIR_3, at(monday.plusDays(21), 15, 0)),
						new Booking(CHAIR_3, at(monday.plusDays(25), 15, 0))));

		courses.decided(new CourseService.Decision(course.patientId(), course.patientName(), Eligibility.DECLINED, 5,
				Instant.now(), UUID.randomUUID(), "dr.house", null));

		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.COMPLETED);
		assertThat(boosters).allSatisfy(b -> {
			assertThat(lifecycle.appointment(b.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
			assertThat(lifecycle.detail(b.id()).cancellationReason()).isEqualTo("Eligibility declined by dr.house");
		});
		assertThat(lifecycle.ofCourse(course.id())).filteredOn(a -> a.status() == AppointmentStatus.FULFILLED).hasSize(6);
		assertThatThrownBy(() -> bookings.bookBoosters(course.id(),
				List.of(new Booking(CHAIR_3, at(monday.plusDays(21), 15, 0)))))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("declined");
	}
}
