package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.courses.Course;
import tools.jackson.databind.json.JsonMapper;

/** Freed slots offered to the waitlist in order of match, and booked by the first to accept. */
class WaitlistApiTest extends SchedulingIntegrationTest {

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	@Autowired
	JsonMapper json;

	@BeforeEach
	void emptyWaitlist() {
		jdbc.sql("update waitlist_entry set status = 'WITHDRAWN' where status = 'WAITING'").update();
	}

	private ResultActions wait(Course course, String wishes) throws Exception {
		return mvc.perform(post("/api/scheduling/waitlist").with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"%s\",\"siteId\":\"%s\"%s}".formatted(course.id(), SITE,
					wishes.isEmpty() ? "" : "," + wishes)));
	}

	private void cancel(Appointment appointment) throws Exception {
		mvc.perform(post("/api/scheduling/appointments/{id}/cancellation", appointment.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"patient unwell\"}")).andExpect(status().isOk());
	}

	private ResultActions offersOf(Appointment freed) throws Exception {
		return mvc.perform(get("/api/scheduling/waitlist/slots/{id}/offers", freed.id()).with(FRONT_DESK));
	}

	private UUID offerTo(Appointment freed, int rank) throws Exception {
		var body = offersOf(freed).andReturn().getResponse().getContentAsString();
		for (var offer : json.readTree(body)) {
			if (offer.get("rank").asInt() == rank) {
				return UUID.fromString(offer.get("id").asString());
			}
		}
		throw new AssertionError("No offer of rank " + rank + " in " + body);
	}

	@Test
	void givenWaitingPatientsWhenASlotIsCancelledThenItIsOfferedToThoseItSuitsInOrderAndTheFirstToAcceptBooksIt()
			throws Exception {
		var tuesday = aWeekOfItsOwn().plusDays(1);
		var leaving = clearedPatientsCourse("Leaving Patient");
		var freed = bookings.book(leaving.id(), new Booking(CHAIR_1, at(tuesday, 14, 0)));
		var anyTime = clearedPatientsCourse("Any Time");
		var tuesdays = clearedPatientsCourse("Tuesdays Only");
		var mornings = clearedPatientsCourse("Mornings Only");
		var bariatric = clearedPatientsCourse("Needs Bariatric Chair");
		var busy = clearedPatientsCourse("Busy Then");
		bookings.book(busy.id(), new Booking(CHAIR_2, at(tuesday, 14, 30)));
		wait(anyTime, "").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITING"));
		wait(tuesdays, "\"days\":[\"TUESDAY\"]").andExpect(status().isCreated());
		wait(mornings, "\"latestEnd\":\"12:00\"").andExpect(status().isCreated());
		wait(bariatric, "\"chairAttributes\":[\"bariatric\"]").andExpect(status().isCreated());
		wait(busy, "").andExpect(status().isCreated());

		cancel(freed);

		offersOf(freed).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].rank").value(1))
			.andExpect(jsonPath("$[0].status").value("OFFERED"))
			.andExpect(jsonPath("$[0].start").value(at(tuesday, 14, 0).toString()))
			.andExpect(jsonPath("$[0].chairName").value("Chair 1"))
			.andExpect(jsonPath("$[1].rank").value(2));
		var first = offerTo(freed, 1);
		var second = offerTo(freed, 2);
		mvc.perform(get("/api/scheduling/waitlist").param("status", "WAITING").with(FRONT_DESK))
			.andExpect(jsonPath("$[?(@.patientName == 'Any Time')].offers[0].id").value(first.toString()))
			.andExpect(jsonPath("$[?(@.patientName == 'Tuesdays Only')].offers[0].id").value(second.toString()))
			.andExpect(jsonPath("$[?(@.patientName == 'Mornings Only')].offers[*]", hasSize(0)))
			.andExpect(jsonPath("$[?(@.patientName == 'Needs Bariatric Chair')].offers[*]", hasSize(0)))
			.andExpect(jsonPath("$[?(@.patientName == 'Busy Then')].offers[*]", hasSize(0)));

		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/decline", first).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.answeredBy").value("frank"));
		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/acceptance", second).with(FRONT_DESK))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.chairName").value("Chair 1"))
			.andExpect(jsonPath("$.start").value(at(tuesday, 14, 0).toString()))
			.andExpect(jsonPath("$.status").value("booked"));

		assertThat(lifecycle.ofCourse(tuesdays.id())).singleElement()
			.satisfies(a -> assertThat(a.start()).isEqualTo(at(tuesday, 14, 0)));
		offersOf(freed).andExpect(jsonPath("$[0].status").value("DECLINED"))
			.andExpect(jsonPath("$[1].status").value("ACCEPTED"));
		mvc.perform(get("/api/scheduling/waitlist").param("status", "BOOKED").with(FRONT_DESK))
			.andExpect(jsonPath("$[?(@.patientName == 'Tuesdays Only')].status").value("BOOKED"));
		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/acceptance", first).with(FRONT_DESK))
			.andExpect(status().isConflict());
	}

	@Test
	void givenMoreMatchesThanOffersWhenOneDeclinesOrWithdrawsThenTheNextIsOfferedAndAnAcceptanceTakesTheRest()
			throws Exception {
		var wednesday = aWeekOfItsOwn().plusDays(2);
		var moving = clearedPatientsCourse("Moving Patient");
		var freed = bookings.book(moving.id(), new Booking(CHAIR_3, at(wednesday, 9, 0)));
		var waiting = new Course[5];
		for (int i = 0; i < waiting.length; i++) {
			waiting[i] = clearedPatientsCourse("Waiting " + (i + 1));
			wait(waiting[i], "").andExpect(status().isCreated());
		}

		// moving the appointment to the afternoon frees its morning slot
		mvc.perform(post("/api/scheduling/appointments/{id}/reschedule", freed.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"chairId\":\"%s\",\"start\":\"%s\"}".formatted(CHAIR_3, at(wednesday, 15, 0))))
			.andExpect(status().isCreated());
		offersOf(freed).andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("OFFERED"))));

		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/decline", offerTo(freed, 2)).with(FRONT_DESK))
			.andExpect(status().isOk());
		offersOf(freed).andExpect(jsonPath("$", hasSize(4))).andExpect(jsonPath("$[3].rank").value(4));
		var entryOfThird = json.readTree(offersOf(freed).andReturn().getResponse().getContentAsString())
			.get(2)
			.get("entryId")
			.asString();
		mvc.perform(post("/api/scheduling/waitlist/{id}/withdrawal", entryOfThird).with(FRONT_DESK))
			.andExpect(status().isOk());
		offersOf(freed).andExpect(jsonPath("$", hasSize(5))).andExpect(jsonPath("$[4].rank").value(5));

		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/acceptance", offerTo(freed, 1)).with(FRONT_DESK))
			.andExpect(status().isCreated());
		offersOf(freed).andExpect(jsonPath("$[0].status").value("ACCEPTED"))
			.andExpect(jsonPath("$[1].status").value("DECLINED"))
			.andExpect(jsonPath("$[2].status").value("DECLINED"))
			.andExpect(jsonPath("$[3].status").value("TAKEN"))
			.andExpect(jsonPath("$[4].status").value("TAKEN"));
		assertThat(lifecycle.ofCourse(waiting[0].id())).hasSize(1);
	}

	@Test
	void givenAFreedSlotOfferedToTwoPatientsWhenItsOffersAreReadThenEachNamesItsPatientAndTheAuditRowNamesBoth()
			throws Exception {
		var thursday = aWeekOfItsOwn().plusDays(3);
		var leaving = clearedPatientsCourse("Leaving Again");
		var freed = bookings.book(leaving.id(), new Booking(CHAIR_4, at(thursday, 11, 0)));
		var first = clearedPatientsCourse("First Waiting");
		var second = clearedPatientsCourse("Second Waiting");
		wait(first, "").andExpect(status().isCreated());
		wait(second, "").andExpect(status().isCreated());
		cancel(freed);

		var reader = "frank-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(get("/api/scheduling/waitlist/slots/{id}/offers", freed.id()).with(Tokens.as(reader, "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].patientId").value(first.patientId().toString()))
			.andExpect(jsonPath("$[1].patientId").value(second.patientId().toString()));
		assertThat(auditedPatients(reader)).containsExactlyInAnyOrder(first.patientId(), second.patientId());

		// a refused answer to an offer is recorded against the patient it was made to
		var nurse = "nina-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/acceptance", offerTo(freed, 2))
			.with(Tokens.as(nurse, "nurse"))).andExpect(status().isForbidden());
		assertThat(auditedPatients(nurse)).containsExactly(second.patientId());
	}

	/** The patients of the one audit row of the actor. */
	private List<UUID> auditedPatients(String actor) {
		return jdbc.sql("select patient_ids from audit_log where actor = ?")
			.param(actor)
			.query((rs, n) -> Arrays.stream((Object[]) rs.getArray("patient_ids").getArray())
				.map(UUID.class::cast)
				.toList())
			.single();
	}

	@Test
	void givenBadWaitlistRequestsThenEachIsRefusedWithTheRightProblem() throws Exception {
		var course = clearedPatientsCourse("Careful Patient");
		wait(course, "\"earliestStart\":\"15:00\",\"latestEnd\":\"09:00\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latestEnd"));
		wait(course, "\"chairAttributes\":[\"<script>\"]").andExpect(status().isBadRequest());
		mvc.perform(post("/api/scheduling/waitlist").with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"%s\"}".formatted(UUID.randomUUID()))).andExpect(status().isNotFound());
		mvc.perform(post("/api/scheduling/waitlist").with(Tokens.as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"%s\"}".formatted(course.id()))).andExpect(status().isForbidden());
		wait(course, "").andExpect(status().isCreated());
		wait(course, "").andExpect(status().isConflict());
		var paused = clearedPatientsCourse("Paused Patient");
		jdbc.sql("update course set status = 'PAUSED', pause_reason = 'serious adverse event' where id = :id")
			.param("id", paused.id())
			.update();
		wait(paused, "").andExpect(status().isConflict());
		mvc.perform(post("/api/scheduling/waitlist/offers/{id}/acceptance", UUID.randomUUID()).with(FRONT_DESK))
			.andExpect(status().isNotFound());
	}
}
