package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.session.SessionIntegrationTest;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;

/**
 * "May this infusion be given now" through the API, on real PostgreSQL and Kafka: the course's state as scheduling
 * announces it, the appointment's day in its site's time zone, the course order, the least interval between doses,
 * the patient's latest decision and its dose range, the IV rate and duration, a pausing adverse event applied at
 * once, and the nurse's day. Each refusal is a 409 whose {@code reason} names the rule.
 */
class InfusionRulesApiTest extends SessionIntegrationTest {

	private static final String CALM = """
			{"systolic":128,"diastolic":82,"heartRate":76,"spo2":97,"respiratoryRate":14}""";

	private static final String CHECK_IN = """
			{"identityConfirmed":true,"escortConfirmed":true,"escortName":"Jo","fasting":true,"phq9Items":[1,1,1,1,1,1,1,1,0]}""";

	/** 0.5 mg/kg x 70 kg = 35 mg at 52.5 mg/h: 40 min. */
	private static final String DOSE = """
			{"weightKg":70,"infusionRateMgPerHour":52.5,"drugLot":"KET-7","preparedBy":"olga"}""";

	static RequestPostProcessor nurse() {
		return Tokens.as("nina", "nurse");
	}

	static RequestPostProcessor clinician() {
		return Tokens.as("dr.house", "clinician");
	}

	ResultActions open(UUID appointment) throws Exception {
		return mvc.perform(post("/api/session/records").with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"appointmentId\":\"%s\"}".formatted(appointment)));
	}

	UUID opened(UUID appointment) throws Exception {
		return UUID.fromString(json.readTree(open(appointment).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString());
	}

	ResultActions step(UUID record, String step, RequestPostProcessor user, String body) throws Exception {
		return mvc.perform(post("/api/session/records/{id}/" + step, record).with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** Checked in with calm pre-dose vitals, not dosed yet. */
	void checkedIn(UUID record) throws Exception {
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		step(record, "vitals", nurse(), CALM).andExpect(status().isCreated());
	}

	ResultActions dose(UUID record) throws Exception {
		return step(record, "dose", nurse(), DOSE);
	}

	/** The clinic's clock at {@code hour}:{@code minute} in Zurich, {@code days} after Monday morning's date. */
	Instant at(int days, int hour, int minute) {
		return MONDAY_MORNING.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour - 8)).plus(Duration.ofMinutes(minute));
	}

	void sendScheduling(UUID patient, String type, String data) {
		EventProbe.send("clinic.scheduling", patient, EventProbe.cloudEvent(UUID.randomUUID(), type, patient, data));
	}

	void sendIntake(UUID patient, String type, String data) {
		EventProbe.send("clinic.intake", patient, EventProbe.cloudEvent(UUID.randomUUID(), type, patient, data));
	}

	void awaitConsumed(String topic) {
		EventProbe.awaitConsumed(environment.getRequiredProperty("clinic.events.group"), topic, PATIENCE);
	}

	void coursePaused(Course course, long version) {
		sendScheduling(course.patientId(), "clinic.scheduling.course-paused.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"%s","courseId":"%s",
				 "reason":"SERIOUS adverse event in another session","adverseEventId":"%s","heldAppointmentIds":[]}"""
			.formatted(UUID.randomUUID(), course.patientId(), version, clock.instant(), course.courseId(),
					UUID.randomUUID()));
	}

	void courseResumed(Course course, long version, UUID... answeredAdverseEvents) {
		var ids = new ArrayList<String>();
		for (var id : answeredAdverseEvents) {
			ids.add("\"" + id + "\"");
		}
		sendScheduling(course.patientId(), "clinic.scheduling.course-resumed.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"%s","courseId":"%s",
				 "reason":"Reviewed: fit to continue","resumedBy":"dr.house","status":"ACTIVE","adverseEventIds":[%s]}"""
			.formatted(UUID.randomUUID(), course.patientId(), version, clock.instant(), course.courseId(),
					String.join(",", ids)));
	}

	@Test
	void givenSchedulingPausedTheCourseThenTheNextInfusionRefusesToOpenAndAnOpenRecordRefusesCheckInAndDose()
			throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var today = booked(course, 1, at(0, 9, 0));
		var record = opened(today);
		var next = booked(course, 2, at(2, 9, 0));

		coursePaused(course, 3);
		awaitConsumed("clinic.scheduling");

		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("COURSE_PAUSED"))
			.andExpect(jsonPath("$.detail", containsString("SERIOUS adverse event in another session")))
			.andExpect(jsonPath("$.detail", containsString("a clinician must resume it")));
		clock.set(at(2, 8, 0));
		open(next).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("COURSE_PAUSED"))
			.andExpect(jsonPath("$.reasons[*].reason", hasItem("COURSE_PAUSED")));

		// a stale pause (an older course version) arriving after the resumption changes nothing: what is left is the
		// course order (infusion 1 was never given)
		courseResumed(course, 5);
		coursePaused(course, 4);
		awaitConsumed("clinic.scheduling");
		open(next).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reasons", hasSize(1)))
			.andExpect(jsonPath("$.reason").value("NOT_NEXT_IN_COURSE"));
	}

	@Test
	void givenScheduledRecordsOpenedBeforeThePauseThenNoDoseIsGiven() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var record = opened(booked(course, 1, at(0, 9, 0)));
		checkedIn(record);

		coursePaused(course, 3);
		awaitConsumed("clinic.scheduling");

		dose(record).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("COURSE_PAUSED"));
		assertThat(jdbc.sql("select count(*) from session_record where id = :id and dosed_at is not null")
			.param("id", record)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenAnAppointmentFiveWeeksAheadThenItsRecordOpensOnlyOnItsDayFromTwoHoursBeforeAndDosesOnlyThatDay()
			throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var ahead = booked(course, 1, at(35, 12, 0));

		open(ahead).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_ITS_DAY"))
			.andExpect(jsonPath("$.detail", containsString("The appointment is on Mon 11 Feb 2030")))
			.andExpect(jsonPath("$.detail", containsString("today is Mon 7 Jan 2030 (Europe/Zurich)")));

		clock.set(at(35, 9, 59));
		open(ahead).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("TOO_EARLY"))
			.andExpect(jsonPath("$.detail", containsString("its record opens from Mon 11 Feb 10:00")));
		clock.set(at(35, 10, 0));
		var record = opened(ahead);
		checkedIn(record);

		// the nurse comes back to the record the next day: no dose is charted on another day
		clock.set(at(36, 9, 0));
		dose(record).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("NOT_ITS_DAY"));
		step(record, "check-in", nurse(), CHECK_IN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_ITS_DAY"));
	}

	@Test
	void givenTheSiteInAnotherTimeZoneThenItsDayIsReadThere() throws Exception {
		// Monday 14:30 in Los Angeles is Monday 23:30 in Zurich; at Monday 16:00 there it is Tuesday 01:00 in Zurich
		var start = MONDAY_MORNING.plus(Duration.ofHours(15)).plus(Duration.ofMinutes(30));
		clock.set(MONDAY_MORNING.plus(Duration.ofHours(17)));
		var losAngeles = UUID.randomUUID();
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		appointments.booked(new BookedAppointment(losAngeles, patient, "Ada Lovelace", UUID.randomUUID(),
				new BookedAppointment.Place(UUID.randomUUID(), "Los Angeles", ZoneId.of("America/Los_Angeles"),
						UUID.randomUUID()),
				"Chair 1", AppointmentKind.INFUSION, 1, 6, start, start.plus(CHAIR_TIME), 1));
		opened(losAngeles);

		var inZurich = booked(Course.of(cleared(UUID.randomUUID(), Route.IV, "0.5")), 1, start);
		open(inZurich).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("NOT_ITS_DAY"));
	}

	@Test
	void givenInfusionOneStillBookedThenInfusionTwoWaitsUntilAClinicianOverridesWithAReasonOrOneIsANoShow()
			throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		booked(course, 1, at(0, 9, 0));
		var second = booked(course, 2, at(2, 9, 0));
		clock.set(at(2, 8, 30));

		open(second).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_NEXT_IN_COURSE"))
			.andExpect(jsonPath("$.detail", containsString("Infusion 1 of 6 (Mon 7 Jan 09:00, Chair 1)")))
			.andExpect(jsonPath("$.detail", containsString("a clinician records why this one goes first")));

		var override = "/api/session/appointments/{id}/course-order-override";
		mvc.perform(post(override, second).with(nurse())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post(override, second).with(clinician())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post(override, second).with(clinician())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Infusion 1 was given at another clinic on Monday\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.overriddenBy").value("dr.house"));

		var record = opened(second);
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.courseOrderOverride.reason").value("Infusion 1 was given at another clinic on Monday"))
			.andExpect(jsonPath("$.courseOrderOverride.overriddenBy").value("dr.house"));
		checkedIn(record);
		dose(record).andExpect(status().isOk());
	}

	@Test
	void givenInfusionOneMarkedNoShowThenInfusionTwoIsNextInTheCourse() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var first = booked(course, 1, at(0, 9, 0));
		var second = booked(course, 2, at(2, 9, 0));
		clock.set(at(2, 8, 30));
		open(second).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("NOT_NEXT_IN_COURSE"));

		sendScheduling(patient, "clinic.scheduling.appointment-no-show.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"%s","appointmentId":"%s",
				 "courseId":"%s"}""".formatted(UUID.randomUUID(), patient, at(0, 23, 0), first, course.courseId()));
		awaitConsumed("clinic.scheduling");

		opened(second);
		open(first).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("APPOINTMENT_NOT_BOOKED"));
	}

	@Test
	void givenInfusionFiveWhileOneToFourAreOutstandingThenRefusedNamingThemAll() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		for (int i = 1; i <= 4; i++) {
			booked(course, i, at(-10 + 2 * i, 9, 0));
		}
		var fifth = booked(course, 5, at(0, 9, 0));
		open(fifth).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Infusion 1 of 6")))
			.andExpect(jsonPath("$.detail", containsString("Infusion 4 of 6")));
	}

	@Test
	void givenADoseGivenThisMorningInOneCourseThenAnotherCoursesInfusionIsRefusedUntilTheIntervalHasPassed()
			throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var morning = opened(booked(Course.of(patient), 1, at(0, 9, 0)));
		checkedIn(morning);
		clock.set(at(0, 9, 0));
		dose(morning).andExpect(status().isOk());

		// booked by mistake as another course's infusion the same afternoon, and the next morning
		var otherCourse = Course.of(patient);
		var afternoon = booked(otherCourse, 1, at(0, 15, 0));
		clock.set(at(0, 14, 0));
		open(afternoon).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("TOO_SOON_AFTER_LAST_DOSE"))
			.andExpect(jsonPath("$.detail", containsString("last dose was given Mon 7 Jan 09:00")))
			.andExpect(jsonPath("$.detail", containsString("from Tue 8 Jan 09:00 (at least 24 h apart)")));

		var nextDay = booked(Course.of(patient), 1, at(1, 9, 30));
		clock.set(at(1, 8, 0));
		var record = opened(nextDay);
		checkedIn(record);
		dose(record).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("TOO_SOON_AFTER_LAST_DOSE"));
		clock.set(at(1, 9, 0));
		dose(record).andExpect(status().isOk());
	}

	@Test
	void givenASeriousAdverseEventAnsweredThenADoseOnAnotherInfusionIsRefusedAtOnceUntilTheResumptionNamesIt()
			throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var monday = opened(booked(course, 1, at(0, 9, 0)));
		checkedIn(monday);
		clock.set(at(0, 9, 0));
		dose(monday).andExpect(status().isOk());

		var wednesday = opened(bookedOnWednesday(course));
		checkedIn(wednesday);
		// Monday's record, still open, takes the hospitalisation the patient reports on arrival
		var reported = step(monday, "adverse-events", clinician(), """
				{"grade":"SERIOUS","description":"Admitted Monday night with a hypertensive crisis"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var adverseEvent = UUID.fromString(json.readTree(reported).get("adverseEvents").get(0).get("id").asString());

		// no waiting for Kafka: scheduling is not even listening in this test
		dose(wednesday).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("COURSE_PAUSED"))
			.andExpect(jsonPath("$.reasons", hasSize(1)))
			.andExpect(jsonPath("$.detail", containsString("Dosing is paused: SERIOUS adverse event reported by dr.house")));

		// scheduling's pause arrives too: still one reason for the nurse, naming both
		coursePaused(course, 6);
		awaitConsumed("clinic.scheduling");
		dose(wednesday).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reasons", hasSize(1)))
			.andExpect(jsonPath("$.detail", containsString("The course is paused")))
			.andExpect(jsonPath("$.detail", containsString("Dosing is paused: SERIOUS adverse event reported by dr.house")));

		// a resumption that does not answer this adverse event does not lift the pause
		courseResumed(course, 7, UUID.randomUUID());
		awaitConsumed("clinic.scheduling");
		dose(wednesday).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("COURSE_PAUSED"));
		courseResumed(course, 8, adverseEvent);
		awaitConsumed("clinic.scheduling");
		dose(wednesday).andExpect(status().isOk());
	}

	/** Infusion 2 on Wednesday 09:00, with the clock at Wednesday 08:00. */
	UUID bookedOnWednesday(Course course) {
		var appointment = booked(course, 2, at(2, 9, 0));
		clock.set(at(2, 8, 0));
		return appointment;
	}

	@Test
	void givenADeclineSupersedesTheClearanceThenNoRecordOpensAndAnOpenRecordIsNotDosed() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var record = opened(booked(course, 1, at(0, 9, 0)));
		checkedIn(record);
		var later = booked(course, 2, at(0, 11, 0));

		sendIntake(patient, "clinic.intake.eligibility-decided.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":9,"occurredAt":"%s","decisionId":"%s",
				 "screeningId":"%s","outcome":"DECLINED","decidedBy":"dr.house","reason":"Pregnancy reported",
				 "patientName":"Ada Lovelace","supersedesDecisionId":"%s"}"""
			.formatted(UUID.randomUUID(), patient, clock.instant(), UUID.randomUUID(), UUID.randomUUID(),
					UUID.randomUUID()));
		awaitConsumed("clinic.intake");

		dose(record).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_CLEARED"))
			.andExpect(jsonPath("$.detail", containsString("does not clear them")));

		sendScheduling(patient, "clinic.scheduling.course-cancelled.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":9,"occurredAt":"%s","courseId":"%s",
				 "reason":"Eligibility declined by dr.house: Pregnancy reported","decisionId":null,
				 "cancelledAppointmentIds":[]}""".formatted(UUID.randomUUID(), patient, clock.instant(),
				course.courseId()));
		awaitConsumed("clinic.scheduling");
		open(later).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reasons[*].reason", hasItem("COURSE_CANCELLED")))
			.andExpect(jsonPath("$.reasons[*].message", hasItem(containsString("Pregnancy reported"))));
	}

	@Test
	void givenTheClinicianSignedANewPlanAfterTheRecordOpenedThenTheOldPlanIsNotDosed() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var record = opened(booked(Course.of(patient), 1, at(0, 9, 0)));
		checkedIn(record);
		dosePlans.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
				plan(Route.IV, "0.4"), "dr.cuddy", clock.instant(), 5));
		dose(record).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("PLAN_CHANGED"))
			.andExpect(jsonPath("$.detail", containsString("now signed by dr.cuddy")));
	}

	@Test
	void givenThePlansOwnRangeThenADoseOutsideItIsRefusedAndAPlanWithoutARangeOpensNoRecord() throws Exception {
		var patient = UUID.randomUUID();
		dosePlans.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
				new DosePlan(Route.IV, new BigDecimal("0.6"), new BigDecimal("0.4"),
						new BigDecimal("0.6")),
				"dr.house", clock.instant(), 4));
		var record = opened(booked(Course.of(patient), 1, at(0, 9, 0)));
		checkedIn(record);
		step(record, "dose", nurse(), """
				{"weightKg":100,"doseMg":62,"infusionRateMgPerHour":93,"drugLot":"KET-7","preparedBy":"olga"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("doseMg"))
			.andExpect(jsonPath("$.errors[0].message", containsString("outside the plan's range of 0.4–0.6 mg/kg")));
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.dosePlan.minMgPerKg").value(0.4))
			.andExpect(jsonPath("$.dosePlan.maxMgPerKg").value(0.6));

		var unranged = UUID.randomUUID();
		dosePlans.decided(new DosePlanService.Decision(unranged, "Grace Hopper", UUID.randomUUID(), true,
				new DosePlan(Route.IV, new BigDecimal("0.5"), null, null), "dr.house", clock.instant(), 4));
		open(booked(Course.of(unranged), 1, at(0, 9, 0))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("PLAN_WITHOUT_RANGE"));
	}

	@Test
	void givenAnIvRateOf2000MgPerHourThenRefusedNamingTheRatesThatFitAndNothingIsDosed() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var record = opened(booked(Course.of(patient), 1, at(0, 9, 0)));
		checkedIn(record);
		step(record, "dose", nurse(), DOSE.replace("52.5", "2000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("infusionRateMgPerHour"))
			.andExpect(jsonPath("$.errors[0].message", containsString("35.00 mg at 2000 mg/h runs 1.1 min")))
			.andExpect(jsonPath("$.errors[0].message", containsString("set 35–60 mg/h")));
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.dosing").value(nullValue()));
	}

	@Test
	void givenTheInfusionEndedSecondsAfterTheDoseThenAReasonIsNeededAndTheRecordKeepsIt() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var record = opened(booked(Course.of(patient), 1, at(0, 9, 0)));
		checkedIn(record);
		dose(record).andExpect(status().isOk());
		clock.advance(Duration.ofSeconds(30));
		mvc.perform(post("/api/session/records/{id}/infusion-end", record).with(nurse()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message", containsString("at least 35 min")));
		step(record, "infusion-end", nurse(), "{\"reason\":\"Cannula dislodged; remaining dose not given\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phase").value("RECOVERY"))
			.andExpect(jsonPath("$.infusionEnd.reason").value("Cannula dislodged; remaining dose not given"));

		// discharge waits the hour of observation after the infusion
		clock.advance(Duration.ofMinutes(59));
		mvc.perform(get("/api/session/records/{id}", record).with(nurse()))
			.andExpect(jsonPath("$.openDischargeCriteria[*].criterion", hasItem("OBSERVATION_TIME")));
	}

	@Test
	void givenASessionUnderWayThenTheDayShowsItsStageSinceWhenReadingsDueAndAlertsToAnswer() throws Exception {
		var patient = cleared(UUID.randomUUID(), Route.IV, "0.5");
		var course = Course.of(patient);
		var appointment = booked(course, 1, at(0, 9, 0));
		var day = "/api/session/appointments?site=" + course.siteId();
		mvc.perform(get(day).with(nurse())).andExpect(jsonPath("$.appointments[0].progress").value(nullValue()));

		var record = opened(appointment);
		mvc.perform(get(day).with(nurse()))
			.andExpect(jsonPath("$.appointments[0].progress.stage").value("ARRIVED"))
			.andExpect(jsonPath("$.appointments[0].progress.since").value(MONDAY_MORNING.toString()));
		checkedIn(record);
		mvc.perform(get(day).with(nurse())).andExpect(jsonPath("$.appointments[0].progress.stage").value("CHECKED_IN"));
		dose(record).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(11));
		mvc.perform(get(day).with(nurse()))
			.andExpect(jsonPath("$.appointments[0].progress.stage").value("INFUSING"))
			.andExpect(jsonPath("$.appointments[0].progress.since").value(MONDAY_MORNING.toString()))
			.andExpect(jsonPath("$.appointments[0].progress.readingsDue").value(1))
			.andExpect(jsonPath("$.appointments[0].progress.openAlerts").value(0));
		step(record, "vitals", nurse(), """
				{"systolic":190,"diastolic":100,"heartRate":90,"spo2":97,"respiratoryRate":14}""")
			.andExpect(status().isCreated());
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(get(day).with(nurse()))
			.andExpect(jsonPath("$.appointments[0].progress.readingsDue").value(0))
			.andExpect(jsonPath("$.appointments[0].progress.readingsOverdue").value(1))
			.andExpect(jsonPath("$.appointments[0].progress.openAlerts").value(1));
	}

	@Test
	void givenThirtyInfusionsAtASiteTodayThenTheNursesDayPagesThroughThemEarliestFirstWithNameMrnChairAndPosition()
			throws Exception {
		var site = UUID.randomUUID();
		var first = UUID.randomUUID();
		for (int i = 0; i < 30; i++) {
			var patient = i == 0 ? first : UUID.randomUUID();
			var course = new Course(patient, UUID.randomUUID(), site);
			// booked in reverse order of their start: the list still comes earliest first
			booked(course, 2, at(0, 9, 0).plus(Duration.ofMinutes(10L * (29 - i))));
		}
		var elsewhere = new Course(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		booked(elsewhere, 1, at(0, 9, 0));
		booked(new Course(UUID.randomUUID(), UUID.randomUUID(), site), 1, at(1, 9, 0));
		sendIntake(first, "clinic.intake.patient-registered.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"%s","mrn":"MRN-004711",
				 "givenName":"Grace","familyName":"Hopper","birthDate":"1966-12-09"}"""
			.formatted(UUID.randomUUID(), first, clock.instant()));
		awaitConsumed("clinic.intake");

		var starts = new ArrayList<Instant>();
		for (int page = 0; page < 3; page++) {
			var body = json.readTree(mvc.perform(get("/api/session/appointments").param("site", site.toString())
				.param("page", String.valueOf(page))
				.param("size", "10")
				.with(nurse()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(30))
				.andExpect(jsonPath("$.appointments", hasSize(10)))
				.andReturn()
				.getResponse()
				.getContentAsString());
			body.get("appointments").forEach(a -> starts.add(Instant.parse(a.get("start").asString())));
		}
		assertThat(starts).isSorted().doesNotHaveDuplicates().hasSize(30);

		mvc.perform(get("/api/session/appointments").param("site", site.toString())
			.param("page", "2")
			.param("size", "10")
			.with(nurse()))
			.andExpect(jsonPath("$.appointments[9].patientName").value("Grace Hopper"))
			.andExpect(jsonPath("$.appointments[9].mrn").value("MRN-004711"))
			.andExpect(jsonPath("$.appointments[9].chairName").value("Chair 2"))
			.andExpect(jsonPath("$.appointments[9].position").value("Infusion 2 of 6"))
			.andExpect(jsonPath("$.appointments[9].siteName").value("Main clinic"))
			.andExpect(jsonPath("$.appointments[9].timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.appointments[9].day").value("2030-01-07"))
			.andExpect(jsonPath("$.appointments[9].courseStatus").value("ACTIVE"));
		mvc.perform(get("/api/session/appointments").param("site", site.toString())
			.param("date", "2030-01-08")
			.with(nurse())).andExpect(jsonPath("$.total").value(1));

		mvc.perform(get("/api/session/appointments").param("size", "500").with(nurse()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/session/appointments").param("date", "next tuesday").with(nurse()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
	}
}
