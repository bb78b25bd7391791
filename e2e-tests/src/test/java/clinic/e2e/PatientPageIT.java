package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import clinic.launcher.Stack;

/**
 * The patient pages in headless Chromium against the running suite, signed in through Keycloak's form: the front
 * desk registers a referred patient from the page (a form with errors first, then a likely duplicate shown and
 * resolved as a new person), finds them by typing part of the name and opens their chart, where it sees neither the
 * screening nor the decision form and a decision forged from its browser is refused; on the chart of a patient
 * screened at risk it sees intake's safety alerts in the banner, though intake gives it no screening answers.
 * axe-core on each page.
 */
@ExtendWith(RunningSuite.class)
class PatientPageIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	@Test
	void theFrontDeskRegistersAReferredPatientResolvesALikelyDuplicateAndFindsThemByTyping() {
		var family = Pages.uniqueFamilyName("Brandvold");
		var frontDeskApi = new ClinicUser(stack.gatewayUrl());
		frontDeskApi.login("frontdesk", "demo");
		var existing = frontDeskApi.post("/api/intake/patients", """
				{"givenName":"Ottilie","familyName":"%s","birthDate":"1971-04-18",
				 "referral":{"referringClinician":"Dr. Aiken","indication":"ANXIETY"}}""".formatted(family));
		assertThat(existing.status()).as(ClinicUser.describe(existing)).isEqualTo(201);

		try (var desk = new Browser(stack.gatewayUrl())) {
			Pages.openPatients(desk, "frontdesk");

			// sent empty: each error next to its field, in the form's words, and the page still passes axe-core
			desk.find(By.id("register-button")).click();
			assertThat(desk.find(By.id("register-givenName-error")).getText()).isEqualTo("Given name is required.");
			assertThat(desk.find(By.id("register-referral-indication-error")).getText())
				.isEqualTo("Indication is required: choose one.");
			assertThat(desk.find(By.id("register-givenName")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(desk.accessibilityViolations()).as("the form showing its errors").isEmpty();

			Pages.registerReferredPatient(desk, new Pages.Referred("Ottilia", family, "1971-04-18", "Dr. Lind",
					"TREATMENT_RESISTANT_DEPRESSION", "Two failed antidepressant trials"));

			// a likely duplicate, in words, with the patient it looks like
			var duplicates = desk.find(By.id("duplicate-candidates"));
			desk.waiting(PATIENCE).until(d -> duplicates.getText().contains("Ottilie"));
			assertThat(duplicates.getText()).contains("This may be a patient the clinic already has", family,
					existing.json().get("mrn").asString());
			assertThat(desk.all(By.cssSelector("[data-candidate-id='%s']".formatted(existing.json().get("id").asString()))))
				.hasSize(1);
			assertThat(desk.accessibilityViolations()).isEmpty();

			desk.find(By.id("register-anyway-button")).click();
			var patientId = Pages.registeredPatientId(desk);
			assertThat(patientId).isNotEqualTo(existing.json().get("id").asString());

			// found by typing part of the family name, opened from the keyboard
			var search = desk.find(By.id("patient-search"));
			search.sendKeys(family.substring(0, 12));
			var row = By.cssSelector("#patient-results li[data-patient-id='%s'] a".formatted(patientId));
			desk.waiting(PATIENCE).until(d -> !d.findElements(row).isEmpty());
			assertThat(desk.all(By.cssSelector("#patient-results li"))).hasSizeGreaterThanOrEqualTo(2);
			desk.screenshot("patients");
			assertThat(desk.accessibilityViolations()).isEmpty();
			desk.find(row).click();

			// the chart: the banner names the patient; no screening or decision form for the front desk
			desk.waiting(PATIENCE).until(d -> d.getCurrentUrl().contains("/patient.html?id=" + patientId));
			var banner = desk.find(By.id("banner-name"));
			desk.waiting(PATIENCE).until(d -> banner.getText().contains(family));
			// the age follows once the clinic's date is in (two calls to scheduling after the chart's own)
			desk.waiting(PATIENCE).until(d -> d.findElement(By.id("banner-born")).getText().contains("years"));
			assertThat(desk.find(By.id("banner-born")).getText()).contains("18 Apr 1971", "years");
			desk.find(By.id("referral-list"));
			desk.find(By.id("course"));
			assertThat(desk.all(By.id("screening-form"))).as("the screening form").isEmpty();
			assertThat(desk.all(By.id("decision-form"))).as("the decision form").isEmpty();
			assertThat(desk.all(By.id("nav-review"))).as("the review link").isEmpty();
			assertThat(desk.accessibilityViolations()).isEmpty();

			// hidden is not forbidden: a decision forged from this browser, with its CSRF token, is refused
			var forged = desk.script("""
					const [patientId, done] = arguments;
					const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '');
					fetch('/api/intake/patients/' + patientId + '/eligibility-decisions', {
					  method: 'POST', credentials: 'same-origin',
					  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
					  body: JSON.stringify({ screeningId: crypto.randomUUID(), outcome: 'CLEARED',
					                         dosePlan: { route: 'IV', mgPerKg: 0.5 } })
					}).then(r => done(r.status));""", patientId);
			assertThat(forged).isEqualTo(403L);
			var scoring = desk.script("""
					const done = arguments[arguments.length - 1];
					const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '');
					fetch('/api/intake/instruments/score', { method: 'POST', credentials: 'same-origin',
					  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
					  body: JSON.stringify({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, 0] }) }).then(r => done(r.status));""");
			assertThat(scoring).isEqualTo(403L);
			var page = desk.script("""
					const done = arguments[arguments.length - 1];
					fetch('/review.html', { credentials: 'same-origin' }).then(r => r.text()).then(t => done(t.includes('id="app"')));""");
			assertThat(page).as("the review page itself is only a frame; its data is refused").isEqualTo(true);
			var queue = desk.script("""
					const done = arguments[arguments.length - 1];
					fetch('/api/intake/review-queue', { credentials: 'same-origin' }).then(r => done(r.status));""");
			assertThat(queue).isEqualTo(403L);
		}
	}

	@Test
	void theFrontDeskSeesTheSafetyAlertsOfAPatientScreenedAtRiskWithoutTheAnswers() {
		var family = Pages.uniqueFamilyName("Solberg");
		var frontDeskApi = ClinicUser.signedIn(stack.gatewayUrl(), "frontdesk");
		var clinician = ClinicUser.signedIn(stack.gatewayUrl(), "clinician");
		var patientId = ClinicSteps.referredPatient(frontDeskApi, "Sigrun", family, "1968-02-11");
		var screening = clinician.post("/api/intake/patients/" + patientId + "/screenings", """
				{"phq9":[2,2,2,2,1,1,1,1,1],"cssrs":{"q1":true,"q2":false,"q6":true},
				 "systolic":120,"diastolic":78,"heartRate":70,"weightKg":61,
				 "medicalHistory":["KETAMINE_HYPERSENSITIVITY"]}""");
		assertThat(screening.status()).as(ClinicUser.describe(screening)).isEqualTo(201);

		// what intake answers the front desk: the alerts, not the answers
		var chart = frontDeskApi.get("/api/intake/patients/" + patientId);
		assertThat(chart.status()).as(ClinicUser.describe(chart)).isEqualTo(200);
		assertThat(chart.json().has("screenings")).as("screenings on the front desk's chart").isFalse();
		assertThat(chart.json().has("decisions")).as("decisions on the front desk's chart").isFalse();

		try (var desk = new Browser(stack.gatewayUrl())) {
			desk.signIn("frontdesk", "/patient.html?id=" + patientId);
			var alerts = desk.find(By.id("banner-alerts"));
			desk.waiting(PATIENCE).until(d -> alerts.getText().contains("Allergy"));
			assertThat(desk.all(By.cssSelector("#banner-alerts li")).stream().map(li -> li.getText()).toList())
				.containsExactly("Suicide risk: PHQ-9 item 9 answered 1 at the latest screening",
						"Suicide risk: C-SSRS high risk (yes to Q6)", "Allergy: hypersensitivity to ketamine");
			assertThat(desk.find(By.id("banner-name")).getText()).contains(family);
			assertThat(desk.all(By.id("screenings"))).as("the screenings").isEmpty();
			assertThat(desk.accessibilityViolations()).isEmpty();

			// the patient gives an e-mail address and agrees to e-mail reminders at the desk
			desk.find(By.id("edit-contact")).click();
			desk.find(By.id("contact-email-input")).sendKeys("sigrun." + family.toLowerCase() + "@example.org");
			desk.find(By.id("contact-emailConsent")).click();
			assertThat(desk.accessibilityViolations()).as("the contact form").isEmpty();
			desk.find(By.id("contact-save")).click();
			desk.find(By.id("contact-saved"));
			assertThat(desk.find(By.id("contact-email")).getText()).isEqualTo("sigrun." + family.toLowerCase()
					+ "@example.org");
			assertThat(desk.find(By.id("contact-consent-email")).getText()).contains("Yes", "frontdesk");
			assertThat(desk.find(By.id("no-reminders")).getText()).contains("No reminder yet");
		}
	}
}
