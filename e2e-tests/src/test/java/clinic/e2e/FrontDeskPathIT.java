package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import clinic.launcher.Stack;

/**
 * One referred patient's path across the pages, each step in the browser of the role that takes it, against the
 * running suite at a site of this test's own (made through the admin API: a consulting room with the clinician's
 * slot, an infusion room with two chairs, weekday hours and a nurse on the rota): the front desk registers the
 * patient on the Patients page and books their consultation on the Consultations page (the referral then says so on
 * the chart); the clinician records the screening on the chart and clears the patient with a dose plan from the
 * review queue; the front desk picks the now-cleared patient on the calendar, books the proposed course whole, and
 * the booking appears on the Today board a nurse has open in another browser, and the chart shows the course's
 * timeline with those bookings. Nothing is set up for the patient through the API;
 * axe-core on every page visited, a screenshot per step.
 */
@ExtendWith(RunningSuite.class)
class FrontDeskPathIT {

	private static final Duration PATIENCE = Pages.PATIENCE;

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	/** Monday of the suite's week (its clock stands at Monday 08:30 in Zurich). */
	private static LocalDate monday() {
		return LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE);
	}

	private static LocalDate weekOf(String instant) {
		return LocalDate.ofInstant(Instant.parse(instant), RunningSuite.CLINIC_ZONE)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static void accessible(Browser browser, String what) {
		assertThat(browser.accessibilityViolations()).as(what).isEmpty();
	}

	@Test
	void theFrontDeskRegistersAndBooksTheConsultationTheClinicianClearsAndTheFrontDeskBooksTheWholeCourse() {
		var admin = ClinicUser.signedIn(stack.gatewayUrl(), "admin");
		var frontDeskApi = ClinicUser.signedIn(stack.gatewayUrl(), "frontdesk");

		// the site: the clinician's consultation on Thursday 13:00 in the consulting room, two chairs in the infusion room
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var site = ClinicSteps.ownSite(admin, "Zurich Path " + tag);
		var chairs = ClinicSteps.chairs(admin, ClinicSteps.room(admin, site.siteId(), "Infusion room"), "Chair A", "Chair B");
		ClinicSteps.openOnWeekdays(admin, site.siteId(), LocalTime.of(8, 0), LocalTime.of(18, 0));
		ClinicSteps.nurseOnWeekdays(admin, site.siteId(), "Nurse " + tag, 2);
		var consultationStart = monday().plusDays(3).atTime(LocalTime.of(13, 0)).atZone(RunningSuite.CLINIC_ZONE).toInstant();
		var slot = ClinicSteps.consultationSlot(admin, site, "clinician", consultationStart, Duration.ofMinutes(45));

		var family = Pages.uniqueFamilyName("Marchetti");
		var name = "Ida " + family;
		try (var desk = new Browser(stack.gatewayUrl()); var clinician = new Browser(stack.gatewayUrl());
				var nurse = new Browser(stack.gatewayUrl())) {
			// 1. the front desk registers the referred patient
			Pages.openPatients(desk, "frontdesk");
			accessible(desk, "the Patients page");
			Pages.registerReferredPatient(desk, new Pages.Referred("Ida", family, "1968-11-23", "Dr. Lind",
					"TREATMENT_RESISTANT_DEPRESSION", "Three failed antidepressant trials"));
			var patientId = Pages.registeredPatientId(desk);
			assertThat(Pages.text(desk, "register-result")).contains(name);
			desk.screenshot("path-1-registered");
			accessible(desk, "the registration done");

			// 2. and books the consultation with the clinician at the site
			ClinicSteps.awaitKnownToScheduling(frontDeskApi, patientId);
			desk.open("/consultations.html?site=" + site.siteId());
			desk.find(By.id("booked-consultations-none"));
			accessible(desk, "the Consultations page");
			Pages.consultationSlotFor(desk, family, patientId, slot).click();
			Pages.awaitConsultationResult(desk, "Booked: " + name);
			assertThat(desk.find(By.cssSelector("#booked-consultations tr[data-status='booked']")).getText())
				.contains(name, "13:00–13:45", "(Zurich)", "clinician", site.name());
			desk.screenshot("path-2-consultation-booked");
			accessible(desk, "the consultation booked");
			var referred = ClinicSteps.awaitReferral(frontDeskApi, patientId, "CONSULTATION_BOOKED");
			assertThat(Instant.parse(referred.get("consultation").get("start").asString())).isEqualTo(consultationStart);

			// 3. the clinician sees the booked consultation on the chart, records the screening there ...
			clinician.signIn("clinician", "/patient.html?id=" + patientId);
			clinician.find(By.id("screening-form"));
			clinician.waiting(PATIENCE).until(d -> Pages.text(clinician, "banner-name").contains(family));
			assertThat(Pages.text(clinician, "referral-list")).contains("Dr. Lind", "consultation booked");
			accessible(clinician, "the chart before the screening");
			Pages.answers(clinician, "phq9", 2, 2, 2, 2, 2, 1, 1, 1, 0);
			clinician.waiting(PATIENCE).until(d -> Pages.text(clinician, "live-phq9").equals("13 · moderate"));
			Pages.vitals(clinician, "121", "78", "70", "61");
			Pages.failedTrials(clinician, "sertraline", "venlafaxine", "bupropion");
			clinician.find(By.cssSelector("#screening-diagnoses input[value='MAJOR_DEPRESSIVE_DISORDER']")).click();
			accessible(clinician, "the screening filled in");
			assertThat(Pages.recordScreening(clinician)).contains("PHQ-9 13");

			// ... and clears the patient from the review queue, where the screening waits for a decision
			clinician.open("/review.html");
			var entry = Pages.reviewEntry(clinician, patientId);
			assertThat(entry.getText()).contains(name);
			accessible(clinician, "the review queue");
			var decision = Pages.decideToClear(clinician, entry, patientId);
			clinician.find(By.id(decision + "-reason")).sendKeys("Consultation held; three adequate trials failed");
			accessible(clinician, "the decision to clear");
			Pages.signClearance(clinician, decision, patientId);
			clinician.open("/patient.html?id=" + patientId);
			clinician.waiting(PATIENCE).until(d -> Pages.text(clinician, "banner-status").equals("Cleared"));
			assertThat(Pages.text(clinician, "decision-list")).contains("cleared", "clinician", "IV 0.5 mg/kg");
			Pages.scrollTo(clinician, "decisions-heading");
			clinician.screenshot("path-3-cleared");
			accessible(clinician, "the chart of the cleared patient");

			// 4. the front desk picks the cleared patient on the calendar and books the proposed course whole
			var course = ClinicSteps.courseOf(frontDeskApi, patientId);
			var courseId = course.get("id").asString();
			var infusions = course.get("plannedInfusions").asInt();
			desk.open("/calendar.html?site=" + site.siteId());
			desk.find(By.id("calendar-grid"));
			assertThat(Pages.text(desk, "calendar-heading")).contains(site.name());
			accessible(desk, "the calendar");
			// meanwhile a nurse has the site's Today board open in another browser
			nurse.signIn("nurse", "/today.html?site=" + site.siteId());
			nurse.find(By.id("today-board"));
			Pages.planCourse(desk, family, name, infusions);
			assertThat(Pages.text(desk, "plan-summary")).contains(name, "Every one fits");
			accessible(desk, "the proposed course");
			Pages.bookPlannedCourse(desk, infusions);

			var booked = frontDeskApi.get("/api/scheduling/courses/" + courseId).json();
			assertThat(booked.get("status").asString()).isEqualTo("ACTIVE");
			assertThat(booked.get("appointments")).hasSize(infusions);
			var appointmentIds = new ArrayList<String>();
			var sequences = new ArrayList<Integer>();
			String firstStart = null;
			for (var appointment : booked.get("appointments")) {
				assertThat(appointment.get("status").asString()).isEqualTo("booked");
				assertThat(chairs).contains(appointment.get("chairId").asString());
				appointmentIds.add(appointment.get("id").asString());
				sequences.add(appointment.get("sequence").asInt());
				if (appointment.get("sequence").asInt() == 1) {
					firstStart = appointment.get("start").asString();
				}
			}
			// the calendar shows the first week's infusions booked
			assertThat(firstStart).isNotNull();
			for (var appointment : booked.get("appointments")) {
				if (weekOf(appointment.get("start").asString()).equals(weekOf(firstStart))) {
					Pages.awaitOnCalendar(desk, appointment.get("id").asString());
				}
			}
			// the first infusion is today (the site is the test's own, open until 18:00): the nurse's open board shows it
			// without a reload, as its polling brings it
			assertThat(LocalDate.ofInstant(Instant.parse(firstStart), RunningSuite.CLINIC_ZONE))
				.isEqualTo(LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE));
			var first = appointmentIds.get(sequences.indexOf(1));
			var onBoard = By.cssSelector("#today-board .booking[data-appointment-id='" + first + "']");
			// the board draws a booking from scheduling first and adds "of N" once session's day has it too
			nurse.waiting(PATIENCE)
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> d.findElements(onBoard).stream().anyMatch(b -> b.getText().contains("Infusion 1 of " + infusions)));
			assertThat(nurse.find(onBoard).getText()).contains(name, "Infusion 1 of " + infusions, "booked");
			nurse.screenshot("path-4-nurse-board");
			accessible(nurse, "the nurse's board with the booking");
			desk.screenshot("path-4-course-booked");
			accessible(desk, "the course booked");

			// the chart: the course's timeline, every infusion booked
			desk.open("/patient.html?id=" + patientId);
			var steps = By.cssSelector("#course .course[data-course-id='" + courseId + "'] li.step-booked");
			desk.waiting(PATIENCE).until(d -> d.findElements(steps).size() == infusions);
			assertThat(desk.all(steps)).extracting(li -> li.getAttribute("data-appointment-id"))
				.containsExactlyInAnyOrderElementsOf(appointmentIds);
			assertThat(desk.all(By.cssSelector("#course li.step-unbooked"))).isEmpty();
			assertThat(Pages.text(desk, "course")).contains("Infusion 1 ·", "(Zurich)", "booked");
			Pages.scrollTo(desk, "course-heading");
			desk.screenshot("path-5-course-on-chart");
			accessible(desk, "the chart with the course");
		}
	}
}
