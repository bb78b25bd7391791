package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import clinic.launcher.Stack;
import tools.jackson.databind.JsonNode;

/**
 * The session chart in headless Chromium against the running suite: a nurse opens today's booking of a patient of
 * this test's own, at a site of its own, from the Today board and charts the whole session at the chair (check-in,
 * pre-dose vitals, the dose with the calculator, a too-fast rate refused with the rates that fit, vitals shown on the
 * chart, an entry made while the tablet is offline and sent once it is back, the infusion ended early with a reason,
 * the discharge checklist) and signs; the front desk sees no sign-off button and its forged sign-off gets 403; a
 * clinician co-signs from their own browser. axe-core finds nothing serious on the chart, a form with an error
 * included.
 */
@ExtendWith(RunningSuite.class)
class SessionChartIT {

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	/** A site of this test's own in Zurich: one room, one chair, a nurse on the rota every weekday. */
	record OwnSite(String siteId, String chairId) {
	}

	static OwnSite ownSite(ClinicUser admin) {
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var site = created(admin, "/api/scheduling/sites", """
				{"name":"Chart site %s","timeZone":"Europe/Zurich"}""".formatted(suffix));
		var room = created(admin, "/api/scheduling/sites/" + site + "/rooms", "{\"name\":\"Infusion room\"}");
		var chair = created(admin, "/api/scheduling/rooms/" + room + "/chairs", """
				{"name":"Chair C","attributes":["recliner","monitor"]}""");
		for (int day = 1; day <= 5; day++) {
			created(admin, "/api/scheduling/sites/" + site + "/nurse-rota", """
					{"nurse":"Nurse %s","dayOfWeek":%d,"starts":"07:00","ends":"19:00","chairsWatched":2,
					 "validFrom":"2020-01-01"}""".formatted(suffix, day));
		}
		return new OwnSite(site, chair);
	}

	private static String created(ClinicUser user, String path, String body) {
		var reply = user.post(path, body);
		assertThat(reply.status()).as(path + ": " + ClinicUser.describe(reply)).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	private static ClinicUser signedIn(String username) {
		var user = new ClinicUser(stack.gatewayUrl());
		user.login(username, "demo");
		return user;
	}

	@Test
	void aNurseChartsAWholeSessionFromTheTodayPageAndAClinicianCoSigns() {
		var frontDesk = signedIn("frontdesk");
		var clinician = signedIn("clinician");
		var nurseApi = signedIn("nurse");
		var site = ownSite(signedIn("admin"));
		// cleared at 0.5 mg/kg IV, 61 kg at screening
		var patient = ClinicSteps.clearedPatient(frontDesk, clinician, "Florence", "Nightingale", "1960-05-12");
		var course = ClinicSteps.courseOf(frontDesk, patient.patientId());
		// 09:45: the suite's clock stands a little after 08:30, and a record opens from two hours before the start
		var booked = frontDesk.post("/api/scheduling/courses/" + course.get("id").asString() + "/appointments", """
				{"chairId":"%s","start":"%s"}""".formatted(site.chairId(), ClinicSteps.clinicTodayAt(LocalTime.of(9, 45))));
		assertThat(booked.status()).as(ClinicUser.describe(booked)).isEqualTo(201);
		var appointment = booked.json().get("id").asString();
		await().atMost(ClinicSteps.EVENTUAL)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> nurseApi.get("/api/session/appointments/" + appointment).status() == 200);

		String recordId;
		try (var nurse = new Browser(stack.gatewayUrl())) {
			// from the Today board of the site to the booking's chart
			nurse.signIn("nurse", "/today.html?site=" + site.siteId());
			var link = By.cssSelector(".booking[data-appointment-id='" + appointment + "'] a");
			nurse.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(link)).click();
			nurse.waiting(Duration.ofSeconds(20))
				.until(d -> d.getCurrentUrl().endsWith("/sessions.html?appointment=" + appointment));

			// the banner names the patient before anything else
			assertThat(nurse.find(By.id("patient-name")).getText()).isEqualTo("Florence Nightingale");
			nurse.waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("banner-birth")).isEmpty());
			assertThat(nurse.find(By.id("patient-banner")).getText()).contains("MRN-", "12 May 1960", "Infusion 1 of 6",
					"Chair C", "09:45", "Zurich time");

			// open the record, check in (the saved check-in shows what was saved)
			click(nurse, By.id("open-record-button"));
			nurse.find(By.id("check-in-form"));
			click(nurse, By.id("check-in-identity"));
			click(nurse, By.id("check-in-escort"));
			nurse.find(By.id("check-in-escort-name")).sendKeys("Parthenope Nightingale");
			click(nurse, By.id("check-in-fasting"));
			var phq9 = new int[] { 1, 1, 2, 1, 1, 0, 1, 1, 0 };
			for (int item = 1; item <= 9; item++) {
				new Select(nurse.find(By.id("check-in-phq9-" + item))).selectByValue(String.valueOf(phq9[item - 1]));
			}
			click(nurse, By.id("check-in-button"));
			var saved = nurse.find(By.id("check-in-saved"));
			nurse.waiting(Duration.ofSeconds(20)).until(d -> saved.getText().contains("Parthenope Nightingale"));
			assertThat(saved.getText()).contains("PHQ-9", "8 (answers 1, 1, 2, 1, 1, 0, 1, 1, 0)", "by nurse");
			recordId = nurse.find(By.id("session-chart")).getAttribute("data-record-id");

			// pre-dose vitals
			vitals(nurse, 126, 80, 72, 98, 14);
			readings(nurse, 1);

			// the dose with the calculator: 0.5 mg/kg x 61 kg; a too-fast rate is refused with the rates that fit
			type(nurse, "dose-weight", "61");
			assertThat(nurse.find(By.id("dose-planned")).getText()).contains("0.5 mg/kg × 61 kg = 30.50 mg");
			assertThat(nurse.find(By.id("dose-rates")).getText()).contains("Rates that fit: 30.5–52.2 mg/h");
			type(nurse, "dose-rate", "2000");
			assertThat(nurse.find(By.id("dose-at-rate")).getText()).contains("too fast");
			type(nurse, "dose-lot", "KET-2030-017");
			type(nurse, "dose-prepared-by", "Olga Tokarczuk");
			click(nurse, By.id("dose-button"));
			var rateError = nurse.find(By.id("dose-rate-error"));
			assertThat(rateError.getText()).contains("30.5–52.2 mg/h");
			assertThat(nurse.find(By.id("dose-rate")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(nurse.accessibilityViolations()).as("the chart with the dose form showing an error").isEmpty();
			clear(nurse, "dose-rate");
			type(nurse, "dose-rate", "45.75");
			click(nurse, By.id("dose-button"));
			try {
				nurse.waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("dose-saved")).isEmpty());
			}
			catch (TimeoutException notSaved) {
				throw new AssertionError("The dose was not saved; the form says: "
						+ nurse.find(By.id("dose-form")).getText(), notSaved);
			}
			assertThat(nurse.find(By.id("dose-saved")).getText()).contains("30.50 mg IV given by nurse",
					"at 45.75 mg/h", "lot KET-2030-017");

			// a reading during the infusion, shown on the chart and in the countdown
			vitals(nurse, 134, 86, 80, 97, 15);
			readings(nurse, 2);
			nurse.waiting(Duration.ofSeconds(20))
				.until(d -> "2".equals(d.findElement(By.id("vitals-chart")).getAttribute("data-readings")));
			assertThat(nurse.all(By.cssSelector("#vitals-chart [data-series='systolic'] circle"))).hasSize(2);
			assertThat(nurse.find(By.cssSelector("#vitals-chart [data-threshold='systolic']")).getAttribute("data-value"))
				.isEqualTo("180");
			assertThat(nurse.find(By.id("next-reading")).getText()).contains("vitals reading");
			scrollTo(nurse, "vitals");
			nurse.screenshot("session-chart-vitals");

			// the tablet drops off the network: the entry is kept on it, and sent once the network is back
			nurse.offline(true);
			type(nurse, "side-effect-note", "Queasy during the infusion");
			click(nurse, By.id("side-effect-button"));
			nurse.waiting(Duration.ofSeconds(20))
				.until(d -> d.findElement(By.id("side-effect-notice")).getText().contains("Kept on this tablet"));
			assertThat(nurse.find(By.id("pending-entries")).getText()).contains("Side effect: nausea, mild");
			assertThat(sideEffects(nurseApi, recordId)).isZero();
			nurse.offline(false);
			nurse.waiting(Duration.ofSeconds(60)).until(d -> d.findElements(By.id("pending-entries")).isEmpty());
			nurse.waiting(Duration.ofSeconds(20))
				.until(d -> d.findElement(By.id("side-effects-list")).getText().contains("Queasy during the infusion"));
			assertThat(sideEffects(nurseApi, recordId)).as("recorded once").isEqualTo(1);

			// the infusion ends early, with the reason
			type(nurse, "infusion-end-reason", "Patient asked to stop: nausea");
			click(nurse, By.id("infusion-end-button"));
			assertThat(nurse.find(By.id("infusion-ended")).getText()).contains("Patient asked to stop: nausea");

			// the discharge checklist, then nothing is open and the nurse signs
			for (var box : new String[] { "discharge-vitals", "discharge-oriented", "discharge-gait", "discharge-escort",
					"discharge-instructions" }) {
				click(nurse, By.id(box));
			}
			click(nurse, By.id("discharge-button"));
			nurse.find(By.id("nothing-open"));
			assertThat(nurse.all(By.id("clinician-sign-button"))).as("a nurse has no clinician's button").isEmpty();
			click(nurse, By.id("nurse-sign-button"));
			nurse.waiting(Duration.ofSeconds(20))
				.until(d -> d.findElement(By.id("nurse-signature")).getText().startsWith("nurse at "));
			scrollTo(nurse, "session-chart");
			nurse.screenshot("session-chart");
			assertThat(nurse.accessibilityViolations()).as("the signed chart").isEmpty();
		}

		// the front desk sees no chart and no sign-off button, and a forged sign-off from its browser is refused
		try (var desk = new Browser(stack.gatewayUrl())) {
			desk.signIn("frontdesk", "/sessions.html?appointment=" + appointment);
			desk.find(By.id("chart-not-allowed"));
			assertThat(desk.all(By.id("clinician-sign-button"))).isEmpty();
			assertThat(desk.all(By.id("nurse-sign-button"))).isEmpty();
			assertThat(desk.all(By.id("nav-sessions"))).isEmpty();
			for (var step : new String[] { "clinician-sign-off", "completion" }) {
				var status = desk.script("""
						const done = arguments[arguments.length - 1];
						const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1] || '');
						fetch(arguments[0], { method: 'POST', credentials: 'same-origin',
						  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token }, body: '{}' })
						  .then(r => done(r.status), e => done(String(e)));""",
						"/api/session/records/" + recordId + "/" + step);
				assertThat(status).as("a forged " + step + " from the front desk's browser").isEqualTo(403L);
			}
		}
		assertThat(record(nurseApi, recordId).get("clinicianSignature").isNull()).isTrue();

		// the clinician co-signs from their own browser: the record is complete
		try (var doctor = new Browser(stack.gatewayUrl())) {
			doctor.signIn("clinician", "/sessions.html?appointment=" + appointment);
			doctor.find(By.id("clinician-sign-button"));
			assertThat(doctor.all(By.id("nurse-sign-button"))).isEmpty();
			assertThat(doctor.all(By.id("vitals-form"))).as("the nurse's entries are not the clinician's").isEmpty();
			click(doctor, By.id("clinician-sign-button"));
			assertThat(doctor.find(By.id("record-completed")).getText()).contains("signed by nurse and clinician");
			assertThat(doctor.accessibilityViolations()).isEmpty();
		}
		var completed = record(nurseApi, recordId);
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("vitals").size()).isEqualTo(2);
		assertThat(completed.get("sideEffects").size()).isEqualTo(1);
		assertThat(completed.get("infusionEnd").get("reason").asString()).isEqualTo("Patient asked to stop: nausea");
	}

	private static JsonNode record(ClinicUser user, String recordId) {
		var reply = user.get("/api/session/records/" + recordId);
		assertThat(reply.status()).as(ClinicUser.describe(reply)).isEqualTo(200);
		return reply.json();
	}

	private static int sideEffects(ClinicUser user, String recordId) {
		return record(user, recordId).get("sideEffects").size();
	}

	private static void vitals(Browser browser, int systolic, int diastolic, int heartRate, int spo2, int rr) {
		type(browser, "vitals-systolic", String.valueOf(systolic));
		type(browser, "vitals-diastolic", String.valueOf(diastolic));
		type(browser, "vitals-heart-rate", String.valueOf(heartRate));
		type(browser, "vitals-spo2", String.valueOf(spo2));
		type(browser, "vitals-respiratory-rate", String.valueOf(rr));
		click(browser, By.id("vitals-button"));
	}

	private static void readings(Browser browser, int count) {
		browser.waiting(Duration.ofSeconds(20))
			.until(d -> d.findElements(By.cssSelector("#vitals-table tbody tr")).size() == count);
	}

	private static void type(Browser browser, String id, String text) {
		browser.find(By.id(id)).sendKeys(text);
	}

	/**
	 * Empties a field as a person does, selecting what it holds and deleting it: each key is an input event the page
	 * hears. WebDriver's own clear() sets the value behind the page's back, and the chart's next tick (it re-renders
	 * every second) may put the old value back before the new one is typed.
	 */
	private static void clear(Browser browser, String id) {
		WebElement field = browser.find(By.id(id));
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.waiting(Duration.ofSeconds(5)).until(d -> field.getAttribute("value").isEmpty());
	}

	/** Clicks as a person does: the element in the middle of the screen, not under the patient banner at the top. */
	private static void click(Browser browser, By by) {
		var element = browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by));
		browser.script("arguments[0].scrollIntoView({ block: 'center' }); arguments[arguments.length - 1]();", element);
		element.click();
	}

	private static void scrollTo(Browser browser, String id) {
		browser.script("document.getElementById(arguments[0]).scrollIntoView(); arguments[arguments.length - 1]();", id);
	}
}
