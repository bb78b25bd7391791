package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import clinic.launcher.Stack;

/**
 * Consultation first, in headless Chromium against the running suite, signed in at Keycloak's form: the front desk
 * finds a patient it has just registered with a referral on the consultations page, books them into a consultation
 * slot of the clinician at a site of this test's own, and the referral says "consultation booked"; the clinician sees
 * it on their day; the front desk cancels it after the confirmation (which first shows its error next to the empty
 * reason) and the referral waits again. A nurse sees no link to the page and, like the clinician, is refused when
 * forging the booking call. Every page state passes axe-core.
 */
@ExtendWith(RunningSuite.class)
class ConsultationPageIT {

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	/** Random lower-case letters: a family name nobody else in the suite has. */
	private static String letters(int count) {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		var text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	/** The booking call as the page makes it, CSRF token and all: only the service's own rule can refuse it. */
	private static Object forgedBooking(Browser browser, String patientId, String slotId) {
		return browser.script("""
				const done = arguments[arguments.length - 1];
				const token = (document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
				fetch('/api/scheduling/consultations', { method: 'POST', credentials: 'same-origin',
				  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token || '') },
				  body: JSON.stringify({ patientId: arguments[0], slotId: arguments[1] }) }).then(r => done(r.status));""",
				patientId, slotId);
	}

	@Test
	void theFrontDeskBooksAReferredPatientsConsultationTheClinicianSeesItAndTheFrontDeskCancelsIt() {
		var admin = new ClinicUser(stack.gatewayUrl());
		admin.login("admin", "demo");
		var frontDeskApi = new ClinicUser(stack.gatewayUrl());
		frontDeskApi.login("frontdesk", "demo");
		var suffix = letters(5);
		var family = "Alexandrin" + suffix;
		var site = ClinicSteps.ownSite(admin, "Consulting rooms " + suffix);
		// Wednesday of the suite's week (its clock says Monday 08:30), 15:00 in Zurich: the demo clinic's slots of the
		// same clinician lie on Monday and Tuesday
		var wednesday = LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE).plusDays(2);
		var start = wednesday.atTime(LocalTime.of(15, 0)).atZone(RunningSuite.CLINIC_ZONE).toInstant();
		var slot = ClinicSteps.consultationSlot(admin, site, "clinician", start, Duration.ofMinutes(45));
		var patient = ClinicSteps.referredPatient(frontDeskApi, "Hypatia", family, "1979-03-08");
		ClinicSteps.awaitKnownToScheduling(frontDeskApi, patient);

		try (var frontDesk = new Browser(stack.gatewayUrl())) {
			frontDesk.signIn("frontdesk", "/consultations.html?site=" + site.siteId());
			frontDesk.find(By.id("booked-consultations-none"));
			assertThat(frontDesk.find(By.id("consult-zone")).getText()).isEqualTo("times in Zurich");
			assertThat(frontDesk.all(By.id("nav-consultations"))).as("the Consultations link").hasSize(1);
			assertThat(frontDesk.accessibilityViolations()).isEmpty();

			// search as you type, choose the patient, book the clinician's Wednesday slot in a click
			var book = Pages.consultationSlotFor(frontDesk, family, patient, slot);
			assertThat(book.getAttribute("aria-label")).contains("15:00–15:45 (Zurich) with clinician");
			frontDesk.screenshot("consultations-free-slots");
			assertThat(frontDesk.accessibilityViolations()).isEmpty();
			book.click();
			Pages.awaitConsultationResult(frontDesk, "Booked: Hypatia " + family);
			var row = By.cssSelector("#booked-consultations tr[data-status='booked']");
			assertThat(frontDesk.find(row).getText()).contains("Hypatia " + family, "15:00–15:45", "(Zurich)",
					"clinician", site.name(), "booked");
			frontDesk.screenshot("consultations-booked");
			assertThat(frontDesk.accessibilityViolations()).isEmpty();

			// intake has moved the referral, and shows when and where the consultation is
			var referred = ClinicSteps.awaitReferral(frontDeskApi, patient, "CONSULTATION_BOOKED");
			assertThat(referred.get("consultation").get("start").asString()).isEqualTo(start.toString());
			assertThat(referred.get("consultation").get("timeZone").asString()).isEqualTo("Europe/Zurich");

			// the clinician's day: today first, Wednesday with the date picker; nothing to book, and booking is refused
			try (var clinician = new Browser(stack.gatewayUrl())) {
				clinician.signIn("clinician", "/consultations.html");
				clinician.find(By.id("my-consultations"));
				// the picker is empty until the clinician's day has loaded
				var today = LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE).toString();
				clinician.waiting(Duration.ofSeconds(20))
					.until(d -> !d.findElement(By.id("my-date")).getAttribute("value").isEmpty());
				assertThat(clinician.find(By.id("my-date")).getAttribute("value")).isEqualTo(today);
				assertThat(clinician.all(By.id("patient-search"))).isEmpty();
				assertThat(clinician.all(By.id("booked-consultations"))).isEmpty();
				Pages.pick(clinician, clinician.find(By.id("my-date")), wednesday.toString());
				var mine = By.cssSelector("#my-consultations-table tr[data-status='booked']");
				clinician.waiting(Duration.ofSeconds(20))
					.until(d -> d.findElements(mine).stream().anyMatch(r -> r.getText().contains("Hypatia " + family)));
				assertThat(clinician.find(mine).getText()).contains("15:00–15:45", "(Zurich)", site.name());
				clinician.screenshot("consultations-clinician-day");
				assertThat(clinician.accessibilityViolations()).isEmpty();
				assertThat(forgedBooking(clinician, patient, slot)).isEqualTo(403L);
			}

			// cancelling asks first, and needs a reason: the error shows next to the field
			frontDesk.find(By.cssSelector("#booked-consultations .action-cancel")).click();
			assertThat(frontDesk.find(By.id("cancel-title")).getText()).contains("Hypatia " + family);
			frontDesk.find(By.id("cancel-confirm")).click();
			assertThat(frontDesk.find(By.id("cancel-reason-error")).getText()).isEqualTo("A cancellation needs a reason");
			assertThat(frontDesk.find(By.id("cancel-reason")).getAttribute("aria-invalid")).isEqualTo("true");
			frontDesk.screenshot("consultations-cancel-reason-missing");
			assertThat(frontDesk.accessibilityViolations()).isEmpty();
			frontDesk.find(By.id("cancel-reason")).sendKeys("The patient asked for a later week");
			frontDesk.find(By.id("cancel-confirm")).click();
			Pages.awaitConsultationResult(frontDesk, "Cancelled: Hypatia " + family);
			frontDesk.find(By.id("booked-consultations-none"));
			frontDesk.screenshot("consultations-cancelled");
			assertThat(frontDesk.accessibilityViolations()).isEmpty();
		}

		var waiting = ClinicSteps.awaitReferral(frontDeskApi, patient, "RECEIVED");
		assertThat(waiting.get("consultation").get("status").asString()).isEqualTo("CANCELLED");
		assertThat(waiting.get("consultation").get("reason").asString()).isEqualTo("The patient asked for a later week");
	}

	@Test
	void aNurseSeesNoConsultationsLinkAndIsRefusedWhenForgingTheBookingAnyway() {
		var admin = new ClinicUser(stack.gatewayUrl());
		admin.login("admin", "demo");
		var frontDeskApi = new ClinicUser(stack.gatewayUrl());
		frontDeskApi.login("frontdesk", "demo");
		var site = ClinicSteps.ownSite(admin, "Nurse-proof rooms " + letters(6));
		var thursday = LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE).plusDays(3);
		var slot = ClinicSteps.consultationSlot(admin, site, "dr.nobody",
				thursday.atTime(LocalTime.of(9, 0)).atZone(RunningSuite.CLINIC_ZONE).toInstant(), Duration.ofMinutes(30));
		var patient = ClinicSteps.referredPatient(frontDeskApi, "Florence", "Nightingale", "1982-05-12");
		ClinicSteps.awaitKnownToScheduling(frontDeskApi, patient);

		try (var nurse = new Browser(stack.gatewayUrl())) {
			nurse.signIn("nurse", "/consultations.html");
			nurse.find(By.id("consult-nothing"));
			assertThat(nurse.all(By.id("nav-consultations"))).as("the Consultations link").isEmpty();
			assertThat(nurse.all(By.id("patient-search"))).isEmpty();
			assertThat(forgedBooking(nurse, patient, slot)).isEqualTo(403L);
			nurse.screenshot("consultations-nurse");
			assertThat(nurse.accessibilityViolations()).isEmpty();
		}
		var nurseApi = new ClinicUser(stack.gatewayUrl());
		nurseApi.login("nurse", "demo");
		assertThat(nurseApi.get("/api/scheduling/consultations").status()).isEqualTo(403);
		assertThat(nurseApi.get("/api/scheduling/consultations/mine").status()).isEqualTo(403);
		// nothing was booked by the refused calls
		var listing = frontDeskApi.get("/api/scheduling/consultations?siteId=" + site.siteId() + "&from=" + thursday
				+ "&to=" + thursday);
		assertThat(listing.json().get("consultations").size()).isZero();
	}
}
