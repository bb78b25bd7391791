package clinic.scheduling.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService.Booking;

/**
 * The front desk finds a cleared patient's course by typing part of the name, a page at a time, instead of scrolling
 * through every course; the list without search parameters stays what it was for the clients that read it whole.
 */
class CourseSearchApiTest extends SchedulingIntegrationTest {

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	/** A word no other test's patient has, so the shared database's other courses do not match. */
	private static String ownWord() {
		return "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void givenNamesWithAccentsWhenTheFrontDeskTypesPartsOfTheNameInAnyOrderThenOnlyThatPatientsCourseIsFound()
			throws Exception {
		var family = ownWord();
		var zoe = clearedPatientsCourse("Zoë Ångström-" + family);
		clearedPatientsCourse("Zoe Smith-" + family);

		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK)
			.param("q", "ANGSTROM " + family.toLowerCase() + " zoe"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains(zoe.id().toString())))
			.andExpect(jsonPath("$[0].patientName").value("Zoë Ångström-" + family))
			.andExpect(header().string("X-Total-Count", "1"));
	}

	@Test
	void givenManyMatchesThenTheyComeAPageAtATimeOldestFirstWithTheTotalAndOnlyInTheStatusesAskedFor()
			throws Exception {
		var family = ownWord();
		var first = clearedPatientsCourse("Ada " + family);
		var second = clearedPatientsCourse("Grace " + family);
		var third = clearedPatientsCourse("Hedy " + family);
		var booked = clearedPatientsCourse("Katherine " + family);
		bookings.book(booked.id(), new Booking(CHAIR_2, at(aWeekOfItsOwn(), 9, 0)));
		var nurse = Tokens.as("nina", "nurse");

		mvc.perform(get("/api/scheduling/courses").with(nurse)
			.param("q", family)
			.param("status", "TO_PLAN", "ACTIVE")
			.param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains(first.id().toString(), second.id().toString())))
			.andExpect(header().string("X-Total-Count", "4"));
		mvc.perform(get("/api/scheduling/courses").with(nurse)
			.param("q", family)
			.param("status", "TO_PLAN", "ACTIVE")
			.param("offset", "2")
			.param("limit", "2"))
			.andExpect(jsonPath("$[*].id", contains(third.id().toString(), booked.id().toString())))
			.andExpect(jsonPath("$[1].status").value("ACTIVE"))
			.andExpect(jsonPath("$[1].appointments", hasSize(1)));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("q", family).param("status", "ACTIVE"))
			.andExpect(jsonPath("$[*].id", contains(booked.id().toString())))
			.andExpect(header().string("X-Total-Count", "1"));

		// the clients that read the whole list, or one status, get what they got before: every course, no page
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(booked.id().toString())))
			.andExpect(jsonPath("$[?(@.patientName =~ /.*%s/)].id".formatted(family), containsInAnyOrder(
					first.id().toString(), second.id().toString(), third.id().toString(), booked.id().toString())));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("status", "TO_PLAN"))
			.andExpect(jsonPath("$[*].id", hasItem(first.id().toString())))
			.andExpect(jsonPath("$[?(@.id == '%s')]".formatted(booked.id()), hasSize(0)));
	}

	@Test
	void givenABadPageOrStatusThenThe400NamesTheParameter() throws Exception {
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("limit", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("offset", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("offset"));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("status", "SOMEDAY"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/scheduling/courses").with(FRONT_DESK).param("q", "x".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}
}
