package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import clinic.launcher.Stack;
import clinic.launcher.demo.DemoClinic;
import tools.jackson.databind.JsonNode;

/**
 * The demo clinic {@code ./clinic up} makes on a new data directory, made against the running suite through the
 * gateway: what a newcomer then sees (the site's calendar, the review queue, the nurse's day with infusions under
 * way, a referred patient's consultation on the clinician's day), and that a second start leaves it as it is. Runs after the other classes: it adds a site every page lists.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class DemoClinicIT {

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	@Test
	void theDemoClinicShowsEveryStageOfThePathAndIsMadeOnlyOnce() {
		var progress = new ArrayList<String>();
		var made = DemoClinic.seed(stack.gatewayUrl(), RunningSuite.clinicClock(), progress::add);
		assertThat(made).as(String.join("\n", progress)).contains("1 consultation booked", "3 courses booked",
				"2 of today's infusions under way");

		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var site = elements(frontDesk.get("/api/scheduling/sites").json()).stream()
			.filter(s -> s.get("name").asString().equals(DemoClinic.SITE))
			.findFirst()
			.orElseThrow();
		var siteId = site.get("id").asString();
		var chairs = elements(frontDesk.get("/api/scheduling/chairs?siteId=" + siteId).json());
		assertThat(chairs).hasSize(4);

		// the front desk's calendar of the site today: the three courses' first infusions
		var today = LocalDate.ofInstant(RunningSuite.clinicNow(), RunningSuite.CLINIC_ZONE);
		var calendar = frontDesk.get("/api/scheduling/calendar?siteId=" + siteId + "&from=" + today).json();
		var booked = new ArrayList<String>();
		for (var chair : calendar.get("chairs")) {
			for (var appointment : chair.get("appointments")) {
				booked.add(appointment.get("patientName").asString() + " #" + appointment.get("sequence").asInt());
			}
		}
		assertThat(booked).containsExactlyInAnyOrder("Katherine Johnson #1", "Rosalind Franklin #1", "Marie Curie #1");

		// the clinician's review queue: the urgent screening (PHQ-9 item 9 above 0) first of the demo's two
		var clinician = new ClinicUser(stack.gatewayUrl());
		clinician.login("clinician", "demo");
		var queue = elements(clinician.get("/api/intake/review-queue").json()).stream()
			.filter(item -> List.of("Emily Dickinson", "Mary Shelley").contains(item.get("patientName").asString()))
			.toList();
		assertThat(queue).extracting(item -> item.get("patientName").asString() + (item.get("urgent").asBoolean() ? " (urgent)" : ""))
			.containsExactly("Emily Dickinson (urgent)", "Mary Shelley");

		// the nurse's day at the site: one infusing, one checked in, one still booked
		var nurse = new ClinicUser(stack.gatewayUrl());
		nurse.login("nurse", "demo");
		var day = nurse.get("/api/session/appointments?site=" + siteId + "&date=" + today);
		assertThat(day.status()).as(ClinicUser.describe(day)).isEqualTo(200);
		var stages = new ArrayList<String>();
		for (var session : day.json().get("appointments")) {
			var progressOf = session.path("progress");
			stages.add(progressOf.isMissingNode() || progressOf.isNull() ? "BOOKED" : progressOf.get("stage").asString());
		}
		assertThat(stages).containsExactlyInAnyOrder("INFUSING", "CHECKED_IN", "BOOKED");

		// consultation first: Ada Lovelace (referred) is booked with the demo clinician this afternoon at Lakeside; her
		// referral says so, and the clinician's day shows her
		var ada = elements(frontDesk.get("/api/intake/patients?q=Ada%20Lovelace").json()).stream()
			.filter(p -> p.get("givenName").asString().equals("Ada") && p.get("familyName").asString().equals("Lovelace"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		var referral = new JsonNode[1];
		await().atMost(ClinicSteps.EVENTUAL).pollInterval(Duration.ofMillis(500)).until(() -> {
			referral[0] = frontDesk.get("/api/intake/patients/" + ada).json();
			return referral[0].get("referrals").get(0).get("state").asString().equals("CONSULTATION_BOOKED");
		});
		var consultationStart = Instant.parse(referral[0].get("consultation").get("start").asString())
			.atZone(RunningSuite.CLINIC_ZONE);
		assertThat(consultationStart.toLocalDate()).isEqualTo(today);
		assertThat(consultationStart.toLocalTime()).isEqualTo(LocalTime.of(13, 0));
		assertThat(referral[0].get("consultation").get("siteName").asString()).isEqualTo(DemoClinic.SITE);
		var consultations = clinician.get("/api/scheduling/consultations/mine?date=" + today);
		assertThat(consultations.status()).as(ClinicUser.describe(consultations)).isEqualTo(200);
		assertThat(elements(consultations.json().get("consultations")))
			.filteredOn(c -> c.get("siteName").asString().equals(DemoClinic.SITE))
			.extracting(c -> c.get("patientName").asString() + " " + c.get("status").asString())
			.containsExactly("Ada Lovelace booked");
		var atLakeside = frontDesk.get("/api/scheduling/consultations?siteId=" + siteId + "&from=" + today + "&to="
				+ today.plusDays(1));
		assertThat(atLakeside.json().get("consultations").size()).as("one consultation booked at Lakeside").isEqualTo(1);

		// what a newcomer sees in the browser: the home page's cards by role, the nurse's Today board at Lakeside with
		// the infusion under way, the front desk's week on the calendar (the README's screenshots come from here)
		try (var nurseBrowser = new Browser(stack.gatewayUrl())) {
			nurseBrowser.signIn("nurse", "/");
			nurseBrowser.find(By.id("home-today"));
			assertThat(nurseBrowser.all(By.cssSelector(".cards a")))
				.extracting(card -> card.getAttribute("id"))
				.containsExactly("home-today", "home-patients", "home-calendar", "home-sessions");
			nurseBrowser.screenshot("demo-home");
			assertThat(nurseBrowser.accessibilityViolations()).as("the home page").isEmpty();
			nurseBrowser.open("/today.html?site=" + siteId);
			var infusing = By.cssSelector("#today-board [data-state='infusing']");
			nurseBrowser.waiting(Duration.ofSeconds(30)).until(d -> !d.findElements(infusing).isEmpty());
			assertThat(nurseBrowser.all(By.cssSelector("#today-board .booking-patient")))
				.extracting(WebElement::getText)
				.containsExactlyInAnyOrder("Katherine Johnson", "Rosalind Franklin", "Marie Curie");
			nurseBrowser.screenshot("demo-today");
			assertThat(nurseBrowser.accessibilityViolations()).as("Today at Lakeside").isEmpty();
		}
		try (var deskBrowser = new Browser(stack.gatewayUrl())) {
			deskBrowser.signIn("frontdesk", "/calendar.html?view=week&site=" + siteId);
			var week = By.cssSelector("#calendar-grid[data-view='week']");
			deskBrowser.waiting(Duration.ofSeconds(30))
				.until(d -> d.findElements(week).stream().anyMatch(grid -> grid.getText().contains("Marie Curie")));
			deskBrowser.screenshot("demo-calendar-week");
			assertThat(deskBrowser.accessibilityViolations()).as("the week at Lakeside").isEmpty();
		}

		// ./clinic up --demo on against a clinic that has it: nothing is made twice
		assertThat(DemoClinic.seed(stack.gatewayUrl(), RunningSuite.clinicClock(), progress::add)).contains("there already");
		assertThat(elements(frontDesk.get("/api/scheduling/sites").json()))
			.filteredOn(s -> s.get("name").asString().equals(DemoClinic.SITE))
			.hasSize(1);
	}

	private static List<JsonNode> elements(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}
}
