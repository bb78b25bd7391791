package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import clinic.launcher.Stack;

/**
 * The Today page in headless Chromium against the running suite, signed in through Keycloak's form: a booking the
 * front desk makes appears on a nurse's open board by itself, moves through its stages as the nurse charts, the
 * front desk sees no session records and is refused when it asks for them anyway, and the page passes axe-core.
 */
@ExtendWith(RunningSuite.class)
class TodayPageIT {

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	@Test
	void aBookingTheFrontDeskMakesAppearsOnTheNursesOpenBoardAndFollowsTheSession() {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		var nurseApi = new ClinicUser(stack.gatewayUrl());
		nurseApi.login("nurse", "demo");
		var patient = ClinicSteps.clearedPatient(frontDesk, clinician, "Mary", "Seacole", "1965-11-23");
		var course = ClinicSteps.courseOf(frontDesk, patient.patientId());

		try (var nurse = new Browser(stack.gatewayUrl())) {
			nurse.signIn("nurse", "/today.html?site=" + ClinicSteps.MAIN_CLINIC);
			nurse.find(By.id("today-board"));
			assertThat(nurse.find(By.id("today-date")).getText()).contains("times in Zurich");

			// booked elsewhere, after the nurse opened the board: it appears without a reload
			// 09:30: the suite's clock stands a little after 08:30, and a record opens from two hours before the start
			var appointment = ClinicSteps.bookToday(frontDesk, course.get("id").asString(), 2, LocalTime.of(9, 30));
			var booking = By.cssSelector(".booking[data-appointment-id='" + appointment + "']");
			nurse.waiting(Duration.ofSeconds(30)).until(d -> !d.findElements(booking).isEmpty());
			assertThat(nurse.find(booking).getText()).contains("Mary Seacole", "09:30", "booked");

			// the nurse opens the record at the chair: the board says arrived, with the time in that stage
			var record = nurseApi.post("/api/session/records", "{\"appointmentId\":\"%s\"}".formatted(appointment));
			assertThat(record.status()).as(ClinicUser.describe(record)).isEqualTo(201);
			nurse.waiting(Duration.ofSeconds(30))
				.until(d -> "arrived".equals(d.findElement(booking).getAttribute("data-state")));
			assertThat(nurse.find(booking).getText()).contains("Infusion 1 of 6", "arrived · 0 min");
			nurse.screenshot("today-nurse");
			assertThat(nurse.accessibilityViolations()).isEmpty();
		}
	}

	@Test
	void theFrontDeskSeesNoSessionRecordsOnItsBoardAndIsRefusedWhenItAsksForThemAnyway() {
		try (var frontDesk = new Browser(stack.gatewayUrl())) {
			frontDesk.signIn("frontdesk", "/today.html");
			frontDesk.find(By.id("today-board"));
			frontDesk.find(By.id("nav-today"));
			assertThat(frontDesk.all(By.id("nav-sessions"))).as("the Sessions link").isEmpty();
			var status = frontDesk.script("""
					const done = arguments[arguments.length - 1];
					fetch('/api/session/appointments', { credentials: 'same-origin' }).then(r => done(r.status));""");
			assertThat(status).isEqualTo(403L);
			frontDesk.screenshot("today-front-desk");
			assertThat(frontDesk.accessibilityViolations()).isEmpty();
		}
	}
}
