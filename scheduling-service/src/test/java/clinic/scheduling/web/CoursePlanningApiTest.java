package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slot finding and whole-course planning through the API, on the seeded site (four chairs with recliner and monitor,
 * Nurse A and Nurse B on weekdays 08:00–18:00 watching two chairs each), real PostgreSQL and Kafka. Chair time is
 * 110 minutes; course rules are the DOMAIN.md defaults (6 infusions, 2–3 a week, a day between, within 4 weeks).
 */
class CoursePlanningApiTest extends SchedulingIntegrationTest {

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	private static final String PLANNED = "clinic.scheduling.course-planned.v1";

	private static final String BOOKED = "clinic.scheduling.appointment-booked.v1";

	@Autowired
	JsonMapper json;

	/** Proposes a course at the seeded site; {@code wishes} is a JSON object. */
	private ResultActions propose(Course course, String wishes) throws Exception {
		var atSite = wishes.equals("{}") ? "{\"siteId\":\"%s\"}".formatted(SITE)
				: wishes.replaceFirst("\\{", "{\"siteId\":\"" + SITE + "\",");
		return mvc.perform(post("/api/scheduling/courses/{courseId}/proposal", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(atSite));
	}

	private ResultActions send(String what, Course course, List<Instant> starts, List<UUID> chairs) throws Exception {
		var occurrences = new ArrayList<String>();
		for (int i = 0; i < starts.size(); i++) {
			occurrences.add("""
					{"chairId":"%s","start":"%s"}""".formatted(chairs.get(i), starts.get(i)));
		}
		return mvc.perform(post("/api/scheduling/courses/{courseId}/" + what, course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurrences\":[" + String.join(",", occurrences) + "]}"));
	}

	private static List<UUID> sameChair(UUID chair) {
		return List.of(chair, chair, chair, chair, chair, chair);
	}

	/** Mon, Wed, Fri, Mon, Wed, Fri from {@code monday} at {@code hour}:00. */
	private static List<Instant> monWedFri(LocalDate monday, int hour) {
		return List.of(at(monday, hour, 0), at(monday.plusDays(2), hour, 0), at(monday.plusDays(4), hour, 0),
				at(monday.plusDays(7), hour, 0), at(monday.plusDays(9), hour, 0), at(monday.plusDays(11), hour, 0));
	}

	private long appointmentsOf(Course course) {
		return jdbc.sql("select count(*) from appointment where course_id = :c and status <> 'cancelled'")
			.param("c", course.id())
			.query(Long.class)
			.single();
	}

	private void nurseAway(String nurse, LocalDate day) {
		jdbc.sql("insert into nurse_absence (id, nurse, on_date, reason) values (gen_random_uuid(), :n, :d, 'sick')")
			.param("n", nurse)
			.param("d", day)
			.update();
	}

	@Test
	void givenFreeWeeksWhenACourseIsProposedThenItIsTheEarliestThatKeepsEveryRule() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Ada Lovelace");
		var expected = monWedFri(monday, 8);

		var proposal = propose(course, """
				{"from":"%s"}""".formatted(at(monday, 0, 0))).andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.occurrences", hasSize(6)));
		for (int i = 0; i < 6; i++) {
			proposal.andExpect(jsonPath("$.occurrences[%d].sequence".formatted(i)).value(i + 1))
				.andExpect(jsonPath("$.occurrences[%d].start".formatted(i)).value(expected.get(i).toString()))
				.andExpect(jsonPath("$.occurrences[%d].end".formatted(i))
					.value(expected.get(i).plus(Duration.ofMinutes(110)).toString()))
				.andExpect(jsonPath("$.occurrences[%d].chairName".formatted(i)).value("Chair 1"))
				.andExpect(jsonPath("$.occurrences[%d].problems".formatted(i), empty()));
		}
		assertThat(appointmentsOf(course)).as("a proposal books nothing").isZero();
	}

	@Test
	void givenThePatientsWishesWhenACourseIsProposedThenOnlyTheirDaysTimesAndChairsAreUsed() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Grace Hopper");
		// Chair 2 loses its monitor: the chairs with one are 1, 3 and 4
		jdbc.sql("update chair set attributes = '{recliner}' where id = :c").param("c", CHAIR_2).update();
		try {
			var proposal = propose(course, """
					{"from":"%s","days":["TUESDAY","THURSDAY"],"earliestStart":"10:00","chairAttributes":["monitor"]}"""
				.formatted(at(monday, 0, 0))).andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
			var tuesday = monday.plusDays(1);
			var expected = List.of(tuesday, tuesday.plusDays(2), tuesday.plusDays(7), tuesday.plusDays(9),
					tuesday.plusDays(14), tuesday.plusDays(16));
			for (int i = 0; i < 6; i++) {
				proposal.andExpect(jsonPath("$.occurrences[%d].start".formatted(i))
					.value(at(expected.get(i), 10, 0).toString()))
					.andExpect(jsonPath("$.occurrences[%d].chairId".formatted(i)).value(CHAIR_1.toString()));
			}
			propose(course, """
					{"from":"%s","chairAttributes":["recliner","monitor"],"days":["WEDNESDAY"],"latestEnd":"09:00"}"""
				.formatted(at(monday, 0, 0)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(startsWith(
						"No course of 6 infusions fits at this site within the planning horizon (90 days")));
		}
		finally {
			jdbc.sql("update chair set attributes = '{recliner,monitor}' where id = :c").param("c", CHAIR_2).update();
		}
	}

	@Test
	void givenAProposalWhenTheFrontDeskBooksItThenAllSixAreBookedAndTheCourseIsAnnouncedOnce() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Katherine Johnson");
		var body = propose(course, """
				{"from":"%s"}""".formatted(at(monday, 0, 0))).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var starts = new ArrayList<Instant>();
		var chairs = new ArrayList<UUID>();
		for (JsonNode occurrence : json.readTree(body).get("occurrences")) {
			starts.add(Instant.parse(occurrence.get("start").asString()));
			chairs.add(UUID.fromString(occurrence.get("chairId").asString()));
		}

		send("bookings", course, starts, chairs).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.appointments", hasSize(6)))
			.andExpect(jsonPath("$.appointments[5].sequence").value(6))
			.andExpect(jsonPath("$.appointments[5].start").value(starts.get(5).toString()));

		assertThat(appointmentsOf(course)).isEqualTo(6);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.scheduling", EventProbe.ofType(PLANNED, course.patientId())).size() == 1
					&& EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, course.patientId())).size() == 6);
		var planned = EventProbe.records("clinic.scheduling", EventProbe.ofType(PLANNED, course.patientId())).get(0);
		assertThat(EventSchemas.violations(PLANNED, planned.value())).isEmpty();
		var data = json.readTree(planned.value());
		assertThat(data.get("courseId").asString()).isEqualTo(course.id().toString());
		assertThat(data.get("appointments")).hasSize(6);
		assertThat(data.get("appointments").get(2).get("start").asString()).isEqualTo(starts.get(2).toString());
		// each booked infusion names its site and its time zone, and says how many infusions the course has
		for (var booked : EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, course.patientId()))) {
			assertThat(EventSchemas.violations(BOOKED, booked.value())).isEmpty();
			var infusion = json.readTree(booked.value());
			assertThat(infusion.get("siteId").asString()).isEqualTo(SITE.toString());
			assertThat(infusion.get("siteName").asString()).isEqualTo("Main clinic");
			assertThat(infusion.get("timeZone").asString()).isEqualTo("Europe/Zurich");
			assertThat(infusion.get("courseInfusions").asInt()).isEqualTo(6);
		}

		// the course is planned: it is not proposed or booked whole a second time
		propose(course, "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already has 6 infusions")));
	}

	@Test
	void givenOneOccurrenceCollidesWhenTheCourseIsBookedThenNothingIsBookedAndThe409SaysWhichAndWhy() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var other = clearedPatientsCourse("Dorothy Vaughan");
		var course = clearedPatientsCourse("Mary Jackson");
		var starts = monWedFri(monday, 9);
		// someone else holds Chair 3 on the second Wednesday at 09:00
		bookings.book(other.id(), new clinic.scheduling.booking.BookingService.Booking(CHAIR_3, starts.get(4)));

		send("plan-check", course, starts, sameChair(CHAIR_3)).andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.occurrences[3].problems", empty()))
			.andExpect(jsonPath("$.occurrences[4].problems[0].rule").value("CHAIR_TAKEN"))
			.andExpect(jsonPath("$.occurrences[5].problems", empty()));

		send("bookings", course, starts, sameChair(CHAIR_3)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("1 of the 6 infusions do not fit; nothing was booked")))
			.andExpect(jsonPath("$.occurrences[4].sequence").value(5))
			.andExpect(jsonPath("$.occurrences[4].problems[0].rule").value("CHAIR_TAKEN"))
			.andExpect(jsonPath("$.occurrences[0].problems", empty()));

		assertThat(appointmentsOf(course)).as("all or nothing").isZero();
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.TO_PLAN);
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(BOOKED, course.patientId()))).isEmpty();
	}

	@Test
	void givenAnAdjustedOccurrenceWhenThePlanIsCheckedThenCourseRulesAreNamedOnTheOccurrenceThatBreaksThem()
			throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Hedy Lamarr");
		var starts = new ArrayList<>(monWedFri(monday, 11));
		starts.set(1, at(monday.plusDays(1), 11, 0)); // Tuesday: the day right after Monday's infusion
		starts.set(5, at(monday.plusDays(28), 11, 0)); // five weeks on: outside the 4-week window

		send("plan-check", course, starts, sameChair(CHAIR_4)).andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.occurrences[0].problems", empty()))
			.andExpect(jsonPath("$.occurrences[1].problems[0].rule").value("TOO_CLOSE"))
			.andExpect(jsonPath("$.occurrences[5].problems[*].rule", org.hamcrest.Matchers.hasItem("OUTSIDE_WINDOW")));
	}

	@Test
	void givenAClosureDayWhenProposedOrBookedThenTheDayIsSkippedAndABookingOnItIsRefusedWithTheReason()
			throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Lise Meitner");
		jdbc.sql("""
				insert into closure (id, site_id, on_date, reason)
				values (gen_random_uuid(), '517e0000-0000-4000-8000-000000000001', :d, 'Staff training')""")
			.param("d", monday)
			.update();

		propose(course, """
				{"from":"%s"}""".formatted(at(monday, 0, 0))).andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[0].start").value(at(monday.plusDays(1), 8, 0).toString()));

		mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, at(monday, 9, 0))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("closed on " + monday + " (Staff training)")));
		assertThat(appointmentsOf(course)).isZero();
	}

	@Test
	void givenOneNurseAwayWhenTwoChairsAreRunningThenAThirdIsRefusedAndTheNextFreeSlotIsAfterThem() throws Exception {
		var monday = aWeekOfItsOwn();
		nurseAway("Nurse B", monday); // Nurse A alone watches two chairs
		var first = clearedPatientsCourse("Rosalind Franklin");
		var second = clearedPatientsCourse("Barbara McClintock");
		var third = clearedPatientsCourse("Chien-Shiung Wu");
		bookings.book(first.id(), new clinic.scheduling.booking.BookingService.Booking(CHAIR_1, at(monday, 9, 0)));
		bookings.book(second.id(), new clinic.scheduling.booking.BookingService.Booking(CHAIR_2, at(monday, 9, 30)));

		mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", third.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(CHAIR_3, at(monday, 10, 0))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("No nurse can watch one more chair")));
		assertThat(appointmentsOf(third)).isZero();

		// the earliest start whose 110 minutes overlap at most one of them: every start up to 10:45 overlaps both
		// (the first runs to 10:50); from 11:00 only the second runs, and Chair 1 is free again
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("patientId", third.patientId().toString())
			.param("from", at(monday, 0, 0).toString())
			.param("until", at(monday.plusDays(1), 0, 0).toString())
			.param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].start").value(at(monday, 11, 0).toString()))
			.andExpect(jsonPath("$[0].chairName").value("Chair 1"))
			.andExpect(jsonPath("$[1].start").value(at(monday, 11, 15).toString()));
		bookings.book(third.id(), new clinic.scheduling.booking.BookingService.Booking(CHAIR_3, at(monday, 11, 0)));
		assertThat(appointmentsOf(third)).isEqualTo(1);
	}

	@Test
	void givenSlotWishesThenTheEarliestSlotsOnThoseDaysAreListedOnePerStartTime() throws Exception {
		var monday = aWeekOfItsOwn();
		var course = clearedPatientsCourse("Emmy Noether");
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("patientId", course.patientId().toString())
			.param("from", at(monday, 0, 0).toString())
			.param("days", "WEDNESDAY")
			.param("earliestStart", "13:00")
			.param("limit", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].start").value(at(monday.plusDays(2), 13, 0).toString()))
			.andExpect(jsonPath("$[0].end").value(at(monday.plusDays(2), 14, 50).toString()))
			.andExpect(jsonPath("$[0].chairName").value("Chair 1"))
			.andExpect(jsonPath("$[1].start").value(at(monday.plusDays(2), 13, 15).toString()))
			.andExpect(jsonPath("$[2].start").value(at(monday.plusDays(2), 13, 30).toString()));
	}

	@Test
	void givenTheEarliestBookingAskedThenTheCourseTheProposalNamesIsBookedInOneCall() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Chien-Shiung Wu");
		var wishes = "{\"siteId\":\"%s\",\"from\":\"%s\"}".formatted(SITE, at(monday, 0, 0));
		var proposed = json.readTree(mvc.perform(post("/api/scheduling/courses/{courseId}/proposal", course.id())
			.with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(wishes)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		mvc.perform(post("/api/scheduling/courses/{courseId}/earliest-booking", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"%s\"}".formatted(at(monday, 0, 0))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("siteId"));
		assertThat(appointmentsOf(course)).isZero();
		mvc.perform(post("/api/scheduling/courses/{courseId}/earliest-booking", course.id())
			.with(Tokens.as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(wishes)).andExpect(status().isForbidden());

		mvc.perform(post("/api/scheduling/courses/{courseId}/earliest-booking", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(wishes))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.appointments", hasSize(6)))
			.andExpect(jsonPath("$.appointments[0].start").value(proposed.get("occurrences").get(0).get("start").asString()))
			.andExpect(jsonPath("$.appointments[5].start").value(proposed.get("occurrences").get(5).get("start").asString()));
		assertThat(appointmentsOf(course)).isEqualTo(6);
		// booked: a second call finds the course planned already
		mvc.perform(post("/api/scheduling/courses/{courseId}/earliest-booking", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(wishes)).andExpect(status().isConflict());
		assertThat(appointmentsOf(course)).isEqualTo(6);
	}

	@Test
	void givenBadRequestsThenEachIsA400NamingTheFieldAndNothingIsBooked() throws Exception {
		var monday = weeksOfTheirOwn(4);
		var course = clearedPatientsCourse("Ada Yonath");
		var starts = monWedFri(monday, 8);

		send("bookings", course, starts.subList(0, 5), sameChair(CHAIR_1).subList(0, 5))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurrences"));
		var chairs = new ArrayList<>(sameChair(CHAIR_1));
		chairs.set(2, UUID.randomUUID());
		send("bookings", course, starts, chairs).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurrences[2].chairId"));
		var past = new ArrayList<>(starts);
		past.set(0, Instant.now().minus(Duration.ofDays(1)));
		send("plan-check", course, past, sameChair(CHAIR_1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurrences[0].start"));
		mvc.perform(post("/api/scheduling/courses/{courseId}/bookings", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurrences\":[{\"chairId\":\"" + CHAIR_1 + "\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurrences[0].start"));
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("patientId", course.patientId().toString())
			.param("limit", "0")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("patientId", course.patientId().toString())
			.param("days", "SOMEDAY")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("patientId", course.patientId().toString())
			.param("until", Instant.now().plus(Duration.ofDays(400)).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		send("bookings", course, starts, sameChair(CHAIR_1)).andExpect(status().isCreated());
		mvc.perform(post("/api/scheduling/courses/{courseId}/bookings", course.id()).with(Tokens.as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurrences\":[{\"chairId\":\"%s\",\"start\":\"%s\"}]}".formatted(CHAIR_2, starts.get(0))))
			.andExpect(status().isForbidden());
		assertThat(appointmentsOf(course)).isEqualTo(6);
	}

	@Test
	void givenClinicianConsultationSlotsThenTheEarliestThePatientIsFreeForAreListed() throws Exception {
		var monday = aWeekOfItsOwn();
		var wednesday = monday.plusDays(2);
		var course = clearedPatientsCourse("Consulted Patient");
		var clinician = "Dr. Consult " + UUID.randomUUID();
		for (var start : List.of(at(wednesday, 9, 0), at(wednesday, 10, 0), at(monday.plusDays(3), 14, 0))) {
			jdbc.sql("""
					insert into consultation_slot (id, site_id, clinician, start_at, end_at)
					values (gen_random_uuid(), :site, :clinician, :start, :end)""")
				.param("site", SITE)
				.param("clinician", clinician)
				.param("start", java.sql.Timestamp.from(start))
				.param("end", java.sql.Timestamp.from(start.plus(Duration.ofMinutes(45))))
				.update();
		}
		// the patient's infusion on Wednesday 09:30–11:20 overlaps both Wednesday consultations
		bookings.book(course.id(), new clinic.scheduling.booking.BookingService.Booking(CHAIR_1, at(wednesday, 9, 30)));

		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("kind", "CONSULTATION")
			.param("patientId", course.patientId().toString())
			.param("from", at(monday, 0, 0).toString())
			.param("until", at(monday.plusDays(7), 0, 0).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.clinician == '%s')]".formatted(clinician), hasSize(1)))
			.andExpect(jsonPath("$[?(@.clinician == '%s')].start".formatted(clinician))
				.value(at(monday.plusDays(3), 14, 0).toString()))
			.andExpect(jsonPath("$[?(@.clinician == '%s')].kind".formatted(clinician)).value("CONSULTATION"));
		mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", SITE.toString())
			.param("kind", "CONSULTATION")
			.param("patientId", course.patientId().toString())
			.param("from", at(monday, 0, 0).toString())
			.param("until", at(monday.plusDays(7), 0, 0).toString())
			.param("days", "WEDNESDAY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.clinician == '%s')]".formatted(clinician), hasSize(0)));
	}

	@Test
	void givenTheSiteHasHoursOfItsOwnThenSlotsAndBookingsFollowThemInsteadOfTheClinicWideSettings() throws Exception {
		var monday = aWeekOfItsOwn();
		var saturday = monday.plusDays(5);
		var course = clearedPatientsCourse("Weekend Patient");
		jdbc.sql("""
				insert into site_hours (site_id, day_of_week, opens, closes)
				values (:site, 1, '10:00', '18:00'), (:site, 6, '09:00', '12:00')""").param("site", SITE).update();
		jdbc.sql("""
				insert into nurse_shift (id, site_id, nurse, start_at, end_at, chairs_watched)
				values (gen_random_uuid(), :site, 'Nurse Weekend', :start, :end, 2)""")
			.param("site", SITE)
			.param("start", java.sql.Timestamp.from(at(saturday, 9, 0)))
			.param("end", java.sql.Timestamp.from(at(saturday, 12, 0)))
			.update();
		try {
			// Saturday 09:00–12:00 holds one 110-minute slot start up to 10:10: 09:00, 09:15, ... 10:00
			mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
				.param("siteId", SITE.toString())
				.param("patientId", course.patientId().toString())
				.param("from", at(saturday, 0, 0).toString())
				.param("until", at(saturday.plusDays(1), 0, 0).toString())
				.param("limit", "10"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(5)))
				.andExpect(jsonPath("$[0].start").value(at(saturday, 9, 0).toString()))
				.andExpect(jsonPath("$[4].start").value(at(saturday, 10, 0).toString()));
			// Monday now opens at 10:00, and Tuesday has no hours of the site's own: closed
			for (var start : List.of(at(monday, 8, 0), at(monday.plusDays(1), 10, 0))) {
				mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id()).with(FRONT_DESK)
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, start)))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail", containsString("Mon 10:00–18:00; Sat 09:00–12:00")));
			}
			assertThat(appointmentsOf(course)).isZero();
		}
		finally {
			jdbc.sql("delete from site_hours where site_id = :site").param("site", SITE).update();
		}
	}
}
