package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.courses.Course;

/** Maintenance boosters: the clinician's interval, proposed at it after the course, booked all or nothing. */
class BoosterApiTest extends SchedulingIntegrationTest {

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	private static final RequestPostProcessor CLINICIAN = Tokens.as("dr.house", "clinician");

	private ResultActions propose(Course course, int count) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{id}/booster-proposal", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"count\":%d,\"siteId\":\"%s\"}".formatted(count, SITE)));
	}

	private ResultActions setInterval(Course course, RequestPostProcessor who, String body) throws Exception {
		return mvc.perform(put("/api/scheduling/courses/{id}/booster-interval", course.id()).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void givenACompletedCourseAndTheClinicansIntervalThenBoostersAreProposedAtItAndBookedAfterTheInfusions()
			throws Exception {
		var monday = weeksOfTheirOwn(11);
		var course = clearedPatientsCourse("Booster Patient");
		var infusions = new ArrayList<Appointment>();
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			infusions.add(bookings.book(course.id(), new Booking(CHAIR_2, at(monday.plusDays(day), 9, 0))));
		}
		propose(course, 1).andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("ACTIVE")));
		infusions.forEach(a -> lifecycle.sessionCompleted(a.id(), a.patientId(), a.end()));

		propose(course, 1).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("a clinician sets it first")));
		setInterval(course, FRONT_DESK, "{\"days\":28}").andExpect(status().isForbidden());
		setInterval(course, CLINICIAN, "{\"days\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		setInterval(course, CLINICIAN, "{\"days\":21}").andExpect(status().isOk());
		setInterval(course, CLINICIAN, "{\"days\":28,\"reason\":\"response holding at 3 weeks\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days").value(28))
			.andExpect(jsonPath("$.setBy").value("dr.house"));
		mvc.perform(get("/api/scheduling/courses/{id}/booster-interval", course.id()).with(FRONT_DESK))
			.andExpect(jsonPath("$.days").value(28))
			.andExpect(jsonPath("$.reason").value("response holding at 3 weeks"));
		assertThat(jdbc.sql("select count(*) from booster_interval_history where course_id = :c")
			.param("c", course.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		// the last infusion is on the second Friday: boosters on the Fridays 28 and 56 days later, at opening
		var first = at(monday.plusDays(11 + 28), 8, 0);
		var second = at(monday.plusDays(11 + 56), 8, 0);
		propose(course, 2).andExpect(status().isOk())
			.andExpect(jsonPath("$.boosters", hasSize(2)))
			.andExpect(jsonPath("$.boosters[0].start").value(first.toString()))
			.andExpect(jsonPath("$.boosters[0].chairName").value("Chair 1"))
			.andExpect(jsonPath("$.boosters[1].start").value(second.toString()))
			.andExpect(jsonPath("$.notPlaced", hasSize(0)));

		mvc.perform(post("/api/scheduling/courses/{id}/boosters", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"occurrences":[{"chairId":"%s","start":"%s"},{"chairId":"%s","start":"%s"}]}"""
				.formatted(CHAIR_1, first, CHAIR_1, second)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.appointments", hasSize(8)))
			.andExpect(jsonPath("$.appointments[6].sequence").value(7))
			.andExpect(jsonPath("$.appointments[7].sequence").value(8));
		assertThat(jdbc.sql("select count(*) from appointment where course_id = :c and kind = 'BOOSTER'")
			.param("c", course.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		// a booster on top of the patient's own booster is refused, and nothing is booked
		mvc.perform(post("/api/scheduling/courses/{id}/boosters", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"occurrences":[{"chairId":"%s","start":"%s"}]}""".formatted(CHAIR_3, first)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.occurrences[0].problems[0].rule").value("PATIENT_BUSY"));
		assertThat(lifecycle.ofCourse(course.id())).hasSize(8);
	}
}
