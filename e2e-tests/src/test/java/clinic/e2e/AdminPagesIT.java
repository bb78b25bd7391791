package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import clinic.launcher.Stack;

/**
 * The Admin page in headless Chromium against the running suite, signed in at Keycloak's form: the administrator
 * sets up a site of its own in New York through the page (zone, room, chairs, hours after a refused closing time,
 * a closure, a rota line, a consultation slot; a chair changed meanwhile is a stale version, reloaded), then reads the
 * utilisation of the week the test booked in through the API; front desk and nurse see no Admin link, get no forms
 * and are refused (403) when they call the admin APIs anyway; the audit trail shows a nurse's read of a patient the
 * test just made. axe-core on every state of the page.
 */
@ExtendWith(RunningSuite.class)
class AdminPagesIT {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	/** Sets a date or time picker's value as the picker does (typing into one depends on the browser's locale). */
	static void pick(Browser browser, String id, String value) {
		Pages.pick(browser, browser.find(By.id(id)), value);
	}

	static void type(Browser browser, String id, String text) {
		var field = browser.find(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	static void choose(Browser browser, String id, String value) {
		new Select(browser.find(By.id(id))).selectByValue(value);
	}

	static void section(Browser browser, String key, String heading) {
		browser.find(By.id("admin-tab-" + key)).click();
		browser.waiting(PATIENCE).until(d -> !d.findElements(By.id(heading)).isEmpty());
	}

	/**
	 * Waits until the chair's status cell (name, room, attributes, status, version, actions) says so; the table is
	 * drawn again as the page reloads, so the cell is looked up afresh on every try.
	 */
	private static void awaitChairStatus(Browser browser, String chair, String status) {
		var cell = By.xpath("//table[@id='chairs']//tr[td[contains(normalize-space(.), \"" + chair + "\")]]/td[4]");
		browser.waiting(PATIENCE)
			.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElements(cell).stream().anyMatch(td -> td.getText().equals(status)));
	}

	static WebElement rowWith(Browser browser, String tableId, String text) {
		var row = By.xpath("//table[@id='" + tableId + "']//tr[td[contains(normalize-space(.), \"" + text + "\")]]");
		browser.waiting(PATIENCE).until(d -> !d.findElements(row).isEmpty());
		return browser.find(row);
	}

	static void accessible(Browser browser, String state) {
		assertThat(browser.accessibilityViolations()).as("axe-core on " + state).isEmpty();
	}

	/** What a browser of the signed-in user gets from an admin call it makes itself, with the CSRF token. */
	static long forged(Browser browser, String method, String path, String body) {
		return (Long) browser.script("""
				const done = arguments[arguments.length - 1];
				const token = (document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
				const init = { method: arguments[0], credentials: 'same-origin',
				  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token || '') } };
				if (arguments[2]) { init.body = arguments[2]; }
				fetch(arguments[1], init).then(r => done(r.status), e => done(-1));""", method, path, body);
	}

	@Test
	void anAdministratorSetsUpASiteThroughThePageAndReadsItsWeeksUtilisation() {
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var siteName = "Harbour " + tag;
		var nurse = "Nurse Harbour " + tag;
		var clinicianName = "Dr. Harbour " + tag;
		// the suite's Monday on New York's clock (08:30 in Zurich is 02:30 there)
		var monday = LocalDate.ofInstant(RunningSuite.clinicNow(), NEW_YORK);
		assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		var tuesday = monday.plusDays(1);
		var wednesday = monday.plusDays(2);
		var week = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

		try (var admin = new Browser(stack.gatewayUrl())) {
			admin.signIn("admin", "/admin.html");
			admin.find(By.id("nav-admin"));
			admin.find(By.id("new-site-form"));
			accessible(admin, "the site section");

			// a site of its own in New York, with a room
			type(admin, "new-site-name", siteName);
			choose(admin, "new-site-zone", "America/New_York");
			admin.find(By.id("new-site-form-submit")).click();
			admin.waiting(PATIENCE).until(d -> d.findElement(By.id("site-heading")).getText().equals(siteName));
			assertThat(admin.find(By.id("admin-zone")).getText()).isEqualTo("Times in New York (America/New_York)");
			type(admin, "room-name", "Infusion room");
			admin.find(By.id("room-form-submit")).click();
			rowWith(admin, "rooms", "Infusion room");
			admin.find(By.id("site-history")).click();
			admin.waiting(PATIENCE).until(d -> d.findElement(By.id("site-history-versions")).getText().contains("created"));
			assertThat(admin.find(By.id("site-history-versions")).getText()).contains("admin", "America/New_York");
			admin.screenshot("admin-site");
			accessible(admin, "the site with its room and history");

			// two chairs
			section(admin, "chairs", "chair-form");
			type(admin, "chair-name", "Chair 1");
			type(admin, "chair-attributes", "recliner, monitor");
			admin.find(By.id("chair-form-submit")).click();
			rowWith(admin, "chairs", "Chair 1");
			type(admin, "chair-name", "Chair 2");
			admin.find(By.id("chair-form-submit")).click();
			var chair2 = rowWith(admin, "chairs", "Chair 2").getAttribute("data-chair-id");
			assertThat(rowWith(admin, "chairs", "Chair 1").getText()).contains("monitor, recliner", "in service");

			// someone else takes chair 2 out of service meanwhile: the page's stale version is said in words
			var adminApi = new ClinicUser(stack.gatewayUrl());
			adminApi.login("admin", "demo");
			var meanwhile = adminApi.post("/api/scheduling/chairs/" + chair2 + "/deactivation", "{\"version\":1}");
			assertThat(meanwhile.status()).as(ClinicUser.describe(meanwhile)).isEqualTo(200);
			admin.find(By.id("chair-" + chair2 + "-out")).click();
			admin.find(By.id("chair-" + chair2 + "-out-confirm")).click();
			admin.waiting(PATIENCE)
				.until(d -> d.findElement(By.id("chair-" + chair2 + "-out-problem")).getText()
					.contains("Someone changed this since you opened it."));
			admin.screenshot("admin-chairs-stale");
			accessible(admin, "a stale chair");
			admin.find(By.id("chair-" + chair2 + "-out-problem-reload")).click();
			// (the row's text holds its buttons' too, "Take out of service" among them: read the status cell)
			awaitChairStatus(admin, "Chair 2", "out of service");
			admin.find(By.id("chair-" + chair2 + "-in")).click();
			awaitChairStatus(admin, "Chair 2", "in service");

			// hours: a closing time before the opening time is refused at that field, then the week is saved
			section(admin, "hours", "hours-form");
			assertThat(admin.find(By.id("hours-source")).getText()).contains("the clinic's hours apply");
			pick(admin, "hours-1-closes", "07:00");
			admin.find(By.id("hours-form-submit")).click();
			var error = admin.find(By.id("hours-1-closes-error"));
			assertThat(error.getText()).isEqualTo("The site must open (08:00) before it closes (07:00).");
			assertThat(admin.find(By.id("hours-1-closes")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(admin.find(By.id("hours-form-problem")).getText()).contains("check the field marked below");
			admin.screenshot("admin-hours-error");
			accessible(admin, "the hours form with its error");
			pick(admin, "hours-1-closes", "18:00");
			admin.find(By.id("hours-6-open")).click();
			pick(admin, "hours-6-opens", "09:00");
			pick(admin, "hours-6-closes", "13:00");
			admin.find(By.id("hours-form-submit")).click();
			admin.waiting(PATIENCE).until(d -> d.findElement(By.id("hours-source")).getText().contains("own hours"));
			assertThat(admin.all(By.id("hours-1-closes-error"))).isEmpty();

			// a closure on Wednesday, picked with the date picker
			pick(admin, "closure-date", wednesday.toString());
			type(admin, "closure-reason", "Staff training");
			admin.find(By.id("closure-form-submit")).click();
			rowWith(admin, "closures", "Staff training");
			admin.screenshot("admin-hours");
			accessible(admin, "hours and closures");

			// a nurse on Tuesdays, and the rota's line
			section(admin, "nurses", "rota-form");
			type(admin, "rota-nurse", nurse);
			choose(admin, "rota-day", "2");
			admin.find(By.id("rota-form-submit")).click();
			assertThat(rowWith(admin, "rota", nurse).getText()).contains("Tuesday", "08:00–18:00");
			admin.screenshot("admin-nurses");
			accessible(admin, "the nurses");

			// a consultation slot on Tuesday afternoon, New York time
			section(admin, "consultations", "slot-form");
			type(admin, "slot-clinician", clinicianName);
			pick(admin, "slot-date", tuesday.toString());
			pick(admin, "slot-start", "14:00");
			pick(admin, "slot-end", "15:00");
			admin.find(By.id("slot-form-submit")).click();
			assertThat(rowWith(admin, "slots", clinicianName).getText()).contains("14:00–15:00");
			accessible(admin, "the consultation slots");

			section(admin, "settings", "thresholds-form");
			admin.find(By.id("dose-range"));
			accessible(admin, "the clinic settings");

			// two infusions booked through the API on Tuesday, one of them a no-show
			var siteId = siteIdOf(adminApi, siteName);
			bookTuesdayWithANoShow(siteId, tuesday, tag);

			section(admin, "utilisation", "utilisation-table");
			admin.waiting(PATIENCE).until(d -> d.findElement(By.id("utilisation-week")).getAttribute("value").equals(week));
			var tuesdayRow = admin.find(By.cssSelector("#utilisation-table tr[data-date='" + tuesday + "']")).getText();
			// 2 chairs × 10 h open, a nurse for both all day, 2 × 110 min booked: 220 / 1200 = 18.3 %
			assertThat(tuesdayRow).contains("08:00–18:00", "20.0", "3.7", "18.3 %", "1 (1.8 h)");
			assertThat(admin.find(By.cssSelector("#utilisation-table tr[data-date='" + wednesday + "']")).getText())
				.contains("Closed: Staff training");
			// Mon, Tue, Thu, Fri 2 × 10 h and Saturday 2 × 4 h: 88 chair-hours; 220 / 5280 min = 4.2 %
			assertThat(admin.find(By.id("utilisation-total")).getText()).contains("88.0", "20.0", "3.7", "4.2 %", "1 (1.8 h)");
			assertThat(admin.find(By.id("utilisation-summary")).getText()).contains("New York", "2 chairs in service");
			assertThat(admin.all(By.cssSelector("#utilisation-chart rect.bar-booked"))).hasSize(1);
			admin.screenshot("admin-utilisation");
			accessible(admin, "the utilisation report");
		}
	}

	private static String siteIdOf(ClinicUser user, String name) {
		for (var site : user.get("/api/scheduling/sites").json()) {
			if (site.get("name").asString().equals(name)) {
				return site.get("id").asString();
			}
		}
		throw new AssertionError("no site " + name);
	}

	private static void bookTuesdayWithANoShow(String siteId, LocalDate tuesday, String tag) {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		var chairs = frontDesk.get("/api/scheduling/chairs?siteId=" + siteId).json();
		assertThat(chairs.size()).isEqualTo(2);
		var start = tuesday.atTime(10, 0).atZone(NEW_YORK).toInstant();
		String noShow = null;
		for (int i = 0; i < 2; i++) {
			var patient = ClinicSteps.clearedPatient(frontDesk, clinician, i == 0 ? "Ada" : "Ben", "Harbour-" + tag,
					"19" + (60 + i) + "-03-14");
			var course = ClinicSteps.courseOf(frontDesk, patient.patientId());
			var booked = frontDesk.post("/api/scheduling/courses/" + course.get("id").asString() + "/appointments", """
					{"chairId":"%s","start":"%s"}""".formatted(chairs.get(i).get("id").asString(), start));
			assertThat(booked.status()).as(ClinicUser.describe(booked)).isEqualTo(201);
			noShow = booked.json().get("id").asString();
		}
		var marked = frontDesk.post("/api/scheduling/appointments/" + noShow + "/no-show", "{}");
		assertThat(marked.status()).as(ClinicUser.describe(marked)).isEqualTo(200);
	}

	@Test
	void anAdministratorFindsInTheAuditTrailTheNurseWhoJustReadAPatient() {
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var patientId = ClinicSteps.referredPatient(frontDesk, "Audrey",
				"Audit-" + UUID.randomUUID().toString().substring(0, 8), "1955-05-05");
		var nurse = new ClinicUser(stack.gatewayUrl());
		nurse.login("nurse", "demo");
		var read = nurse.get("/api/intake/patients/" + patientId);
		assertThat(read.status()).as(ClinicUser.describe(read)).isEqualTo(200);

		try (var admin = new Browser(stack.gatewayUrl())) {
			admin.signIn("admin", "/admin.html");
			section(admin, "audit", "audit-heading");
			type(admin, "audit-patient", patientId);
			admin.find(By.id("audit-submit")).click();
			var nursesRead = By.xpath("//table[@id='audit-table']//tr[td[starts-with(normalize-space(.), 'nurse')]]"
					+ "[td[contains(., 'GET /api/intake/patients/{patientId}')]]");
			browserWaits(admin, nursesRead);
			assertThat(admin.find(nursesRead).getText()).contains(patientId, "200 done", "intake-service");
			admin.screenshot("admin-audit-trail");
			accessible(admin, "the audit trail");
		}
	}

	private static void browserWaits(Browser browser, By what) {
		browser.waiting(PATIENCE).until(d -> !d.findElements(what).isEmpty());
	}

	@Test
	void theFrontDeskAndANurseSeeNoAdminAndAreRefusedWhenTheyCallItsApisAnyway() {
		for (var user : new String[] { "frontdesk", "nurse" }) {
			try (var browser = new Browser(stack.gatewayUrl())) {
				browser.signIn(user, "/admin.html");
				browser.find(By.id("admin-not-allowed"));
				browser.find(By.id("nav-today"));
				assertThat(browser.all(By.id("nav-admin"))).as(user + "'s Admin link").isEmpty();
				assertThat(browser.all(By.tagName("form")).stream().map(f -> f.getAttribute("id")))
					.as(user + " gets no admin forms")
					.containsExactly("logout-form");
				assertThat(forged(browser, "POST", "/api/scheduling/sites", "{\"name\":\"Forged " + user + "\"}"))
					.as(user + " creating a site").isEqualTo(403L);
				assertThat(forged(browser, "PUT", "/api/scheduling/sites/" + UUID.randomUUID() + "/hours",
						"{\"version\":0,\"days\":[]}")).as(user + " replacing hours").isEqualTo(403L);
				assertThat(forged(browser, "GET", "/api/scheduling/reports/utilisation", null))
					.as(user + " reading the utilisation report").isEqualTo(403L);
				assertThat(forged(browser, "PUT", "/api/intake/eligibility-rules/settings", """
						{"absoluteSystolicAbove":180,"absoluteDiastolicAbove":100,"reviewSystolicAbove":140,
						 "reviewDiastolicAbove":90,"minimumAgeYears":18,"abstinenceMonths":12,"requiredFailedTrials":2,
						 "reason":"forged"}""")).as(user + " changing the eligibility thresholds").isEqualTo(403L);
				browser.screenshot("admin-refused-" + user);
				accessible(browser, "the admin page for " + user);
			}
		}
	}
}
