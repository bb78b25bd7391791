package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.courses.CourseStatus;
import tools.jackson.databind.json.JsonMapper;

/** The scheduling API as the front desk and nurses use it, on real PostgreSQL and Kafka. */
class SchedulingApiTest extends SchedulingIntegrationTest {

	private static final String BOOKED = "clinic.scheduling.appointment-booked.v1";

	@Autowired
	JsonMapper json;

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	ResultActions book(UUID course, UUID chair, Instant start) throws Exception {
		return bookAs(as("frank", "front-desk"), course, chair, start);
	}

	ResultActions bookAs(RequestPostProcessor user, UUID course, UUID chair, Instant start) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start)));
	}

	long appointmentsOf(UUID course) {
		return jdbc.sql("select count(*) from appointment where course_id = :c")
			.param("c", course)
			.query(Long.class)
			.single();
	}

	@Test
	void givenTheClinicThenEveryoneWhoSchedulesSeesItsFourChairs() throws Exception {
		mvc.perform(get("/api/scheduling/chairs").param("siteId", SITE.toString()).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[1].id").value(CHAIR_2.toString()))
			.andExpect(jsonPath("$[1].name").value("Chair 2"))
			.andExpect(jsonPath("$[1].site").value("Main clinic"))
			.andExpect(jsonPath("$[1].room").value("Infusion room"))
			.andExpect(jsonPath("$[1].active").value(true));
		// other test classes add chairs at sites of their own: the whole list holds the seeded chairs among them
		mvc.perform(get("/api/scheduling/chairs").with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(CHAIR_1.toString())))
			.andExpect(jsonPath("$[*].id", hasItem(CHAIR_4.toString())));
	}

	@Test
	void givenACourseToPlanWhenTheFrontDeskBooksThenTheInfusionHoldsTheChairForTheChairTimeAndIsPublishedOnce()
			throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		var start = at(aWeekOfItsOwn(), 9, 0);

		var body = book(course.id(), CHAIR_1, start).andExpect(status().isCreated())
			.andExpect(jsonPath("$.chairId").value(CHAIR_1.toString()))
			.andExpect(jsonPath("$.chairName").value("Chair 1"))
			.andExpect(jsonPath("$.start").value(start.toString()))
			.andExpect(jsonPath("$.end").value(start.plus(Duration.ofMinutes(110)).toString()))
			.andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.sequence").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var appointment = json.readTree(body).get("id").asString();

		mvc.perform(get("/api/scheduling/courses/{courseId}", course.id()).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.patientId").value(course.patientId().toString()))
			.andExpect(jsonPath("$.patientName").value("Ada Lovelace"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.plannedInfusions").value(6))
			.andExpect(jsonPath("$.completedInfusions").value(0))
			.andExpect(jsonPath("$.appointments", hasSize(1)))
			.andExpect(jsonPath("$.appointments[0].id").value(appointment));
		mvc.perform(get("/api/scheduling/courses").param("status", "ACTIVE").with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(course.id().toString())));
		mvc.perform(get("/api/scheduling/courses").param("status", "TO_PLAN").with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')]".formatted(course.id()), hasSize(0)));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, course.patientId())).size() == 1);
		var events = EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, course.patientId()));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(BOOKED, events.get(0).value())).isEmpty();
		var data = json.readTree(events.get(0).value());
		assertThat(data.get("appointmentId").asString()).isEqualTo(appointment);
		assertThat(data.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(data.get("patientName").asString()).isEqualTo("Ada Lovelace");
		assertThat(data.get("chairName").asString()).isEqualTo("Chair 1");
		assertThat(data.get("kind").asString()).isEqualTo("INFUSION");
		assertThat(data.get("sequence").asInt()).isEqualTo(1);
		assertThat(data.get("aggregateVersion").asLong()).isEqualTo(2);
		// what the nurse's day list needs: where, on which clock, and "infusion 1 of 6"
		assertThat(data.get("siteId").asString()).isEqualTo(SITE.toString());
		assertThat(data.get("siteName").asString()).isEqualTo("Main clinic");
		assertThat(data.get("timeZone").asString()).isEqualTo("Europe/Zurich");
		assertThat(data.get("courseInfusions").asInt()).isEqualTo(6);
	}

	@Test
	void givenAPatientThenTheirCoursesAloneAreListedForTheirChart() throws Exception {
		var mine = clearedPatientsCourse("Mary Somerville");
		var another = clearedPatientsCourse("Caroline Herschel");

		mvc.perform(get("/api/scheduling/courses").param("patientId", mine.patientId().toString())
			.with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(mine.id().toString()))
			.andExpect(jsonPath("$[0].status").value("TO_PLAN"));
		mvc.perform(get("/api/scheduling/courses").param("patientId", mine.patientId().toString())
			.param("status", "ACTIVE")
			.with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/scheduling/courses").param("patientId", another.patientId().toString())
			.with(as("nina", "nurse")))
			.andExpect(jsonPath("$[*].id", hasItem(another.id().toString())))
			.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/scheduling/courses").param("patientId", "not-a-patient").with(as("nina", "nurse")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("patientId"));
	}

	@Test
	void givenABookedChairWhenAnotherPatientOverlapsItThen409NamingTheChairAndWhenItIsTaken() throws Exception {
		var monday = aWeekOfItsOwn();
		var first = clearedPatientsCourse("Ada Lovelace");
		var second = clearedPatientsCourse("Grace Hopper");
		book(first.id(), CHAIR_2, at(monday, 9, 0)).andExpect(status().isCreated());

		book(second.id(), CHAIR_2, at(monday, 10, 0)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Chair 2 is already booked")))
			.andExpect(jsonPath("$.detail", containsString("09:00–10:50")));

		assertThat(appointmentsOf(second.id())).isZero();
		assertThat(courses.get(second.id()).status()).isEqualTo(CourseStatus.TO_PLAN);
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, second.patientId()))).isEmpty();
	}

	@Test
	void givenChairTimeHalfOpenWhenTheNextPatientStartsAsTheFirstOneEndsThenBothAreBooked() throws Exception {
		var monday = aWeekOfItsOwn();
		book(clearedPatientsCourse("Ada Lovelace").id(), CHAIR_3, at(monday, 9, 0)).andExpect(status().isCreated());
		bookAs(as("ann", "admin"), clearedPatientsCourse("Grace Hopper").id(), CHAIR_3, at(monday, 10, 50))
			.andExpect(status().isCreated());
	}

	@Test
	void givenABookedPatientWhenBookedIntoAnotherChairAtTheSameTimeThen409() throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");
		book(course.id(), CHAIR_1, at(monday, 9, 0)).andExpect(status().isCreated());

		book(course.id(), CHAIR_4, at(monday, 9, 30)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already has an appointment then")))
			.andExpect(jsonPath("$.detail", containsString("Chair 1")));
		assertThat(appointmentsOf(course.id())).isEqualTo(1);
	}

	@Test
	void givenASlotOutsideClinicHoursThen400NamingStart() throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Ada Lovelace");

		book(course.id(), CHAIR_1, at(monday, 7, 30)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")))
			.andExpect(jsonPath("$.detail", containsString("outside clinic hours")));
		book(course.id(), CHAIR_1, at(monday, 17, 0)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));
		book(course.id(), CHAIR_1, at(monday.plusDays(5), 10, 0)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));
		book(course.id(), CHAIR_1, Instant.now().minus(Duration.ofDays(1))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));
		assertThat(appointmentsOf(course.id())).isZero();
	}

	@Test
	void givenAStartThatIsNoInstantThen400NamingStart() throws Exception {
		mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", clearedPatientsCourse("Ada Lovelace").id())
			.with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"next Monday"}""".formatted(CHAIR_1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));
	}

	@Test
	void givenAnUnknownCourseOrChairThen404Or400() throws Exception {
		var start = at(aWeekOfItsOwn(), 9, 0);
		book(UUID.randomUUID(), CHAIR_1, start).andExpect(status().isNotFound());
		book(clearedPatientsCourse("Ada Lovelace").id(), UUID.randomUUID(), start).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("chairId")));
		mvc.perform(get("/api/scheduling/courses/{courseId}", UUID.randomUUID()).with(as("nina", "nurse")))
			.andExpect(status().isNotFound());
	}

	@Test
	void givenTheApiDocsThenTheyArePublicAndDescribeBooking() throws Exception {
		mvc.perform(get("/api/scheduling/openapi"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/scheduling/courses/{courseId}/appointments'].post").exists())
			.andExpect(jsonPath("$.paths['/api/scheduling/chairs'].get").exists());
	}

	@Test
	void givenNoTokenThen401() throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		mvc.perform(get("/api/scheduling/chairs")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, at(aWeekOfItsOwn(), 9, 0))))
			.andExpect(status().isUnauthorized());
		assertThat(appointmentsOf(course.id())).isZero();
	}

	@Test
	void givenANurseWhenBookingThen403ButTheCoursesCanBeRead() throws Exception {
		var course = clearedPatientsCourse("Ada Lovelace");
		bookAs(as("nina", "nurse"), course.id(), CHAIR_1, at(aWeekOfItsOwn(), 9, 0)).andExpect(status().isForbidden());
		bookAs(as("iris", "integration"), course.id(), CHAIR_1, at(aWeekOfItsOwn(), 9, 0))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/courses/{courseId}", course.id()).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TO_PLAN"))
			.andExpect(jsonPath("$.appointments", hasSize(0)));
		assertThat(appointmentsOf(course.id())).isZero();
	}
}
