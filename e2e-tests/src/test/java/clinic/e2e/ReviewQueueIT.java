package clinic.e2e;

import static clinic.e2e.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import clinic.launcher.Stack;

/**
 * A clinician in headless Chromium against the running suite: records a patient's full screening on the chart (the
 * scores appear as the answers are given, scored by intake), sees the patient first in the review queue with the
 * rule that fired and the answer that triggered it, and clears them there with a reason and the dose plan; the
 * chart then shows the decision, the course to book and PHQ-9 over time. axe-core on each page, a form with errors
 * included.
 */
@ExtendWith(RunningSuite.class)
class ReviewQueueIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Stack stack;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
	}

	@Test
	void aClinicianRecordsAFullScreeningWithLiveScoresAndClearsThePatientFromTheReviewQueue() {
		var family = Pages.uniqueFamilyName("Okonkwo");
		var frontDesk = new ClinicUser(stack.gatewayUrl());
		frontDesk.login("frontdesk", "demo");
		var registered = frontDesk.post("/api/intake/patients", """
				{"givenName":"Ruth","familyName":"%s","birthDate":"1975-06-02",
				 "referral":{"referringClinician":"Dr. Aiken","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
			.formatted(family));
		assertThat(registered.status()).as(ClinicUser.describe(registered)).isEqualTo(201);
		var patientId = registered.json().get("id").asString();

		try (var clinician = new Browser(stack.gatewayUrl())) {
			clinician.signIn("clinician", "/patient.html?id=" + patientId);
			clinician.find(By.id("screening-form"));
			clinician.waiting(PATIENCE).until(d -> text(clinician, "banner-name").contains(family));

			// recorded empty: every unanswered item and missing vital named next to it, and axe-core is content
			clinician.find(By.id("screening-button")).click();
			assertThat(text(clinician, "phq9-9-error")).isEqualTo("PHQ-9 item 9 is not answered.");
			assertThat(text(clinician, "screening-systolic-error")).isEqualTo("Systolic BP is required.");
			assertThat(clinician.accessibilityViolations()).as("the screening form showing its errors").isEmpty();

			// PHQ-9 answered item by item: the scores follow the answers
			for (int item = 1; item <= 3; item++) {
				clinician.find(By.cssSelector("input[name='phq9-%d'][value='2']".formatted(item))).click();
			}
			clinician.waiting(PATIENCE).until(d -> text(clinician, "live-phq9").equals("3 of 9 answered"));
			for (int item = 4; item <= 5; item++) {
				clinician.find(By.cssSelector("input[name='phq9-%d'][value='2']".formatted(item))).click();
			}
			for (int item = 6; item <= 9; item++) {
				clinician.find(By.cssSelector("input[name='phq9-%d'][value='1']".formatted(item))).click();
			}
			clinician.waiting(PATIENCE).until(d -> text(clinician, "live-phq9").equals("14 · moderate"));
			assertThat(text(clinician, "live-suicide-risk")).contains("Suicide risk");

			Pages.answer(clinician, "gad7", 7, 1);
			clinician.waiting(PATIENCE).until(d -> text(clinician, "live-gad7").equals("7 · mild"));
			Pages.answer(clinician, "pcl5", 20, 2);
			clinician.waiting(PATIENCE).until(d -> text(clinician, "live-pcl5").equals("40 · probable PTSD (cut-off 33)"));
			for (var q : new String[] { "q1", "q2", "q6" }) {
				clinician.find(By.cssSelector("input[name='cssrs-%s'][value='no']".formatted(q))).click();
			}
			clinician.waiting(PATIENCE).until(d -> text(clinician, "live-cssrs").equals("not high risk"));

			Pages.vitals(clinician, "124", "79", "70", "68.5");
			Pages.failedTrials(clinician, "sertraline", "venlafaxine");
			clinician.find(By.cssSelector("#screening-diagnoses input[value='MAJOR_DEPRESSIVE_DISORDER']")).click();
			clinician.find(By.id("add-medication")).click();
			clinician.find(By.id("screening-medication-0")).sendKeys("escitalopram");
			Pages.scrollTo(clinician, "screening-heading");
			clinician.screenshot("patient-screening");
			assertThat(clinician.accessibilityViolations()).isEmpty();

			assertThat(Pages.recordScreening(clinician)).contains("PHQ-9 14", "needs review");

			// the review queue: urgent, the rule that fired with the answer that triggered it
			clinician.open("/review.html");
			var item = Pages.reviewEntry(clinician, patientId);
			assertThat(item.getAttribute("class")).contains("urgent");
			assertThat(item.getText()).contains("Ruth " + family, "PHQ-9 item 9 above 0", "PHQ-9 item 9 = 1");
			clinician.find(By.id("bp-confirmations"));
			clinician.find(By.id("co-signatures"));
			assertThat(clinician.accessibilityViolations()).isEmpty();

			// cleared against the proposal: a reason and the dose plan (the clinic's default mg/kg) sign it
			var prefix = Pages.decideToClear(clinician, item, patientId);
			clinician.find(By.id(prefix + "-sign")).click();
			assertThat(text(clinician, prefix + "-reason-error")).isEqualTo("A screening sent for review needs your reason for the decision.");
			assertThat(clinician.accessibilityViolations()).as("the decision form showing its error").isEmpty();
			clinician.find(By.id(prefix + "-reason")).sendKeys("Passive thoughts only; safety plan agreed with the patient");
			clinician.screenshot("review-queue");
			Pages.signClearance(clinician, prefix, patientId);

			// the chart: cleared, the decision signed, a course to book, PHQ-9 over time
			ClinicSteps.courseOf(frontDesk, patientId);
			clinician.open("/patient.html?id=" + patientId);
			clinician.waiting(PATIENCE).until(d -> text(clinician, "banner-status").equals("Cleared"));
			assertThat(text(clinician, "decision-list")).contains("cleared", "clinician", "IV 0.5 mg/kg",
					"Passive thoughts only");
			clinician.waiting(PATIENCE).until(d -> text(clinician, "course").contains("Infusion 1 · not booked yet"));
			assertThat(text(clinician, "outcome-summary")).contains("Baseline 14");
			clinician.find(By.cssSelector("#outcome-chart canvas"));
			clinician.screenshot("patient-chart");
			assertThat(clinician.accessibilityViolations()).isEmpty();
		}
	}
}
