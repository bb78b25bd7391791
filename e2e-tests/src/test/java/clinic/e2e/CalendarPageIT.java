package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import clinic.launcher.Stack;

/**
 * The calendar page in headless Chromium against the running suite, signed in through Keycloak's form, on a site of
 * its own (two chairs, one nurse watching two, a closure on Wednesday) so that no other class's bookings meet its own.
 * The front desk books a whole course from the calendar for a patient cleared through the API: the proposal appears
 * on the calendar, an occurrence someone else took meanwhile is refused with what it breaks and replaced from the
 * checked alternatives, and all six are booked; a cancel asks for its reason first. A nurse looks at the same calendar
 * without a control to book, and a booking forged from the nurse's browser is refused. axe-core on every state.
 */
@ExtendWith(RunningSuite.class)
class CalendarPageIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Stack stack;

	private static ClinicUser frontDeskApi;

	private static ClinicUser clinicianApi;

	private static Site site;

	/** The site of this class: its chairs, in the order the calendar shows them. */
	record Site(String id, String name, List<String> chairIds) {
	}

	@BeforeAll
	static void theSuiteAndASiteOfItsOwn() {
		stack = RunningSuite.stack();
		frontDeskApi = new ClinicUser(stack.gatewayUrl());
		frontDeskApi.login("frontdesk", "demo");
		clinicianApi = new ClinicUser(stack.gatewayUrl());
		clinicianApi.login("clinician", "demo");
		var admin = new ClinicUser(stack.gatewayUrl());
		admin.login("admin", "demo");
		site = siteOfItsOwn(admin);
	}

	/**
	 * A site in Zurich made through the admin API: one room, Chair A and Chair B, a nurse on the rota every weekday
	 * 08:00–18:00 watching two chairs, and Wednesday of the suite's week closed for staff training. Its name sorts
	 * after the seeded "Main clinic", so pages and tests that take the first site still find that one.
	 */
	private static Site siteOfItsOwn(ClinicUser admin) {
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var own = ClinicSteps.ownSite(admin, "Zurich West " + tag, "Infusion room");
		var chairs = ClinicSteps.chairs(admin, own.roomId(), "Chair A", "Chair B");
		ClinicSteps.nurseOnWeekdays(admin, own.siteId(), "Nurse " + tag, 2);
		ClinicSteps.created(admin, "/api/scheduling/sites/" + own.siteId() + "/closures", """
				{"date":"%s","reason":"Staff training"}""".formatted(monday().plusDays(2)));
		return new Site(own.siteId(), own.name(), chairs);
	}

	/** The suite's Monday (its clock stands at Monday morning in Zurich). */
	private static LocalDate monday() {
		return LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE);
	}

	private static LocalDate dayOf(String instant) {
		return LocalDate.ofInstant(Instant.parse(instant), RunningSuite.CLINIC_ZONE);
	}

	/** Whether two instants fall in one Monday-to-Sunday week on the site's clock (what the week view shows). */
	private static boolean sameWeek(String one, String other) {
		var monday = TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY);
		return dayOf(one).with(monday).equals(dayOf(other).with(monday));
	}

	@Test
	void theFrontDeskBooksAWholeCourseFromTheCalendarReplacingAnOccurrenceThatNoLongerFits() {
		var patient = ClinicSteps.clearedPatient(frontDeskApi, clinicianApi, "Elizabeth", "Garrett", "1962-06-09");
		var course = ClinicSteps.courseOf(frontDeskApi, patient.patientId()).get("id").asString();
		var other = ClinicSteps.clearedPatient(frontDeskApi, clinicianApi, "Sophia", "Jex-Blake", "1960-01-21");
		var otherCourse = ClinicSteps.courseOf(frontDeskApi, other.patientId()).get("id").asString();

		try (var browser = new Browser(stack.gatewayUrl())) {
			browser.signIn("frontdesk", "/calendar.html?site=" + site.id());
			browser.find(By.cssSelector("#calendar-grid[data-view='day']"));
			assertThat(browser.find(By.id("calendar-zone")).getText()).contains("times in Zurich (Europe/Zurich)");
			assertThat(browser.find(By.id("calendar-heading")).getText()).contains(site.name(), "(today)");

			// the cleared patient, found by name: the proposed course appears on the calendar, each occurrence checked
			Pages.planCourse(browser, "Garrett", "Elizabeth Garrett", 6);
			assertThat(browser.find(By.id("plan-summary")).getText()).contains("Elizabeth Garrett", "Every one fits");
			browser.find(By.cssSelector("#calendar-grid[data-view='week'] .proposal[data-sequence='1']"));
			assertThat(browser.find(By.cssSelector("#calendar-grid thead")).getText()).contains("Closed: Staff training");
			browser.screenshot("calendar-course-proposal");
			assertThat(browser.accessibilityViolations()).isEmpty();

			var firstStart = browser.find(By.cssSelector("#plan-occurrences li[data-sequence='1']")).getAttribute("data-start");
			// meanwhile someone else books the second occurrence's chair and time
			var second = browser.find(By.cssSelector("#plan-occurrences li[data-sequence='2']"));
			var takenChair = second.getAttribute("data-chair-id");
			var takenStart = second.getAttribute("data-start");
			var blocker = frontDeskApi.post("/api/scheduling/courses/" + otherCourse + "/appointments", """
					{"chairId":"%s","start":"%s"}""".formatted(takenChair, takenStart));
			assertThat(blocker.status()).as(ClinicUser.describe(blocker)).isEqualTo(201);
			var blockerId = blocker.json().get("id").asString();

			// booking all six is refused as a whole, and the refusal is shown on the occurrence it is about
			browser.find(By.id("plan-book")).click();
			var secondRow = By.cssSelector("#plan-occurrences li[data-sequence='2']");
			browser.waiting(PATIENCE).until(d -> "false".equals(d.findElement(secondRow).getAttribute("data-fits")));
			assertThat(browser.find(secondRow).getText()).contains("does not fit", "taken");
			assertThat(browser.find(By.id("plan-error")).getText()).contains("1 of the 6 infusions do not fit; nothing was booked");
			assertThat(frontDeskApi.get("/api/scheduling/courses/" + course).json().get("appointments")).isEmpty();

			// replaced from the alternatives (each checked with the rest of the course), then booked all together
			var alternative = browser.waiting(PATIENCE)
				.ignoring(StaleElementReferenceException.class)
				.until(d -> d.findElements(By.cssSelector("#plan-occurrences li[data-sequence='2'] .alternative"))
					.stream().findFirst().orElse(null));
			var chosenChair = alternative.getAttribute("data-chair-id");
			var chosenStart = alternative.getAttribute("data-start");
			alternative.click();
			browser.waiting(PATIENCE).until(d -> d.findElement(By.id("plan-summary")).getText().contains("Every one fits"));
			assertThat(browser.find(secondRow).getAttribute("data-start")).isEqualTo(chosenStart);
			Pages.bookPlannedCourse(browser, 6);

			var booked = frontDeskApi.get("/api/scheduling/courses/" + course).json();
			assertThat(booked.get("status").asString()).isEqualTo("ACTIVE");
			assertThat(booked.get("appointments")).hasSize(6);
			var thisWeek = new ArrayList<String>();
			String first = null;
			for (var appointment : booked.get("appointments")) {
				if (appointment.get("sequence").asInt() == 1) {
					first = appointment.get("id").asString();
				}
				assertThat(appointment.get("status").asString()).isEqualTo("booked");
				if (appointment.get("sequence").asInt() == 2) {
					assertThat(appointment.get("chairId").asString()).isEqualTo(chosenChair);
					assertThat(Instant.parse(appointment.get("start").asString())).isEqualTo(Instant.parse(chosenStart));
				}
				if (sameWeek(appointment.get("start").asString(), firstStart)) {
					thisWeek.add(appointment.get("id").asString());
				}
			}
			// the calendar shows this week's infusions, booked, next to the other patient's booking
			assertThat(thisWeek).isNotEmpty();
			thisWeek.forEach(id -> Pages.awaitOnCalendar(browser, id));
			if (sameWeek(takenStart, firstStart)) {
				browser.find(By.cssSelector("#calendar-grid .booking[data-appointment-id='" + blockerId + "']"));
			}
			browser.screenshot("calendar-week");
			assertThat(browser.accessibilityViolations()).isEmpty();

			// the day of the first infusion: chairs over the hours, the nurse's shift, the load
			browser.find(By.id("view-day")).click();
			browser.find(By.cssSelector("#calendar-grid[data-view='day']"));
			browser.find(By.cssSelector("#calendar-grid .booking[data-appointment-id='" + first + "']"));
			assertThat(browser.find(By.id("calendar-grid")).getText()).contains("Chair A", "Chair B", "On shift 08:00–18:00");
			browser.screenshot("calendar-day");
			assertThat(browser.accessibilityViolations()).isEmpty();

			// a cancel asks for its reason before anything happens (the other patient's booking, on its week)
			browser.open("/calendar.html?site=" + site.id() + "&view=week&date=" + dayOf(takenStart));
			browser.find(By.cssSelector("#calendar-grid[data-view='week'] .booking[data-appointment-id='" + blockerId + "']")).click();
			browser.waiting(PATIENCE).until(d -> "booked".equals(d.findElement(By.id("booking-status")).getAttribute("data-status")));
			assertThat(browser.find(By.id("booking-panel")).getText()).contains("Sophia Jex-Blake");
			assertThat(browser.all(By.id("booking-arrival"))).as("an arrival before the infusion's day").isEmpty();
			browser.find(By.id("booking-cancel")).click();
			browser.find(By.id("cancel-confirm")).click();
			assertThat(browser.find(By.id("cancel-reason-error")).getText()).isEqualTo("Give the reason for the cancellation.");
			assertThat(browser.find(By.id("cancel-reason")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(statusOf(blockerId)).as("nothing is cancelled without a reason").isEqualTo("booked");
			assertThat(browser.accessibilityViolations()).as("the form showing its error").isEmpty();
			browser.find(By.id("cancel-reason")).sendKeys("Patient moved to another clinic");
			browser.find(By.id("cancel-confirm")).click();
			browser.waiting(PATIENCE)
				.until(d -> "cancelled".equals(d.findElement(By.id("booking-status")).getAttribute("data-status")));
			assertThat(browser.find(By.id("booking-status")).getText()).contains("Patient moved to another clinic");
			assertThat(statusOf(blockerId)).isEqualTo("cancelled");
			browser.waiting(PATIENCE)
				.until(d -> d.findElements(By.cssSelector("#calendar-grid .booking[data-appointment-id='" + blockerId + "']")).isEmpty());
		}
	}

	@Test
	void aNurseSeesTheCalendarWithoutBookingControlsAndABookingForgedFromHerBrowserIsRefused() {
		var patient = ClinicSteps.clearedPatient(frontDeskApi, clinicianApi, "Mary", "Putnam", "1958-08-31");
		var course = ClinicSteps.courseOf(frontDeskApi, patient.patientId()).get("id").asString();
		var start = monday().atTime(LocalTime.of(15, 0)).atZone(RunningSuite.CLINIC_ZONE).toInstant();
		var chairB = site.chairIds().get(1);
		var appointment = ClinicSteps.created(frontDeskApi, "/api/scheduling/courses/" + course + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(chairB, start));

		try (var nurse = new Browser(stack.gatewayUrl())) {
			nurse.signIn("nurse", "/calendar.html?site=" + site.id());
			var booking = By.cssSelector("#calendar-grid .booking[data-appointment-id='" + appointment + "']");
			nurse.find(booking);
			nurse.find(By.id("nav-calendar"));
			assertThat(nurse.all(By.id("plan-course"))).as("the whole-course planner").isEmpty();
			assertThat(nurse.all(By.cssSelector(".book-cell, .book-cell-week"))).as("free times to book").isEmpty();
			assertThat(nurse.all(By.id("waitlist-add"))).as("adding to the waitlist").isEmpty();
			nurse.find(booking).click();
			nurse.waiting(PATIENCE).until(d -> "booked".equals(d.findElement(By.id("booking-status")).getAttribute("data-status")));
			assertThat(nurse.find(By.id("booking-panel")).getText()).contains("Mary Putnam", "Chair B", "15:00");
			assertThat(nurse.all(By.cssSelector("#booking-cancel, #booking-reschedule, #booking-no-show")))
				.as("cancel, reschedule and no-show").isEmpty();
			assertThat(nurse.all(By.id("booking-arrival"))).as("arrival of today's infusion").hasSize(1);
			assertThat(nurse.accessibilityViolations()).isEmpty();

			// hidden is not forbidden: the same calls from the nurse's browser, CSRF token and all, are refused
			var forged = nurse.script("""
					const done = arguments[arguments.length - 1];
					const token = decodeURIComponent((document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]*)/) || [])[1] || '');
					const post = (url, body) => fetch(url, { method: 'POST', credentials: 'same-origin',
					  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token }, body: JSON.stringify(body) })
					  .then(r => r.text().then(body => r.status + (body.includes('CSRF') ? ' (CSRF)' : '')));
					Promise.all([
					  post('/api/scheduling/courses/' + arguments[0] + '/appointments', { chairId: arguments[1], start: arguments[2] }),
					  post('/api/scheduling/appointments/' + arguments[3] + '/cancellation', { reason: 'forged' }),
					]).then(done, e => done(String(e)));""", course, chairB,
					monday().atTime(LocalTime.of(10, 0)).atZone(RunningSuite.CLINIC_ZONE).toInstant().toString(), appointment);
			// refused for the role, not for a missing CSRF token
			assertThat(forged).isEqualTo(List.of("403", "403"));
		}
		assertThat(statusOf(appointment)).isEqualTo("booked");
		assertThat(frontDeskApi.get("/api/scheduling/courses/" + course).json().get("appointments")).hasSize(1);
	}

	private static String statusOf(String appointmentId) {
		return frontDeskApi.get("/api/scheduling/appointments/" + appointmentId).json().get("status").asString();
	}
}
