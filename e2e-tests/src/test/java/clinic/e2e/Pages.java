package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a member of staff does on a page, the same way in every browser test that does it: register a referred
 * patient, choose them for a consultation, answer and record a screening, clear them from the review queue, plan and
 * book a whole course on the calendar. Each step waits for what the page shows once it is done; the tests assert the
 * rest.
 */
final class Pages {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private Pages() {
	}

	/** A family name no other test uses: letters only, so that search finds it by a part. */
	static String uniqueFamilyName(String prefix) {
		var letters = new StringBuilder(prefix);
		for (var c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
			letters.append((char) ('a' + Character.digit(c, 16) % 26));
		}
		return letters.toString();
	}

	/** Sets a field's value as a date picker would and tells the page, as the user's input does. */
	static void pick(Browser browser, WebElement field, String value) {
		browser.script("""
				const [field, value, done] = arguments;
				Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, value);
				field.dispatchEvent(new Event('input', { bubbles: true }));
				field.dispatchEvent(new Event('change', { bubbles: true }));
				done(true);""", field, value);
	}

	static String text(Browser browser, String id) {
		return browser.find(By.id(id)).getText();
	}

	static void scrollTo(Browser browser, String id) {
		browser.script("""
				const [element, done] = arguments;
				element.scrollIntoView();
				done(true);""", browser.find(By.id(id)));
	}

	/** Clicks the first element that shows the text once it is there (a list re-rendered as the user types). */
	static void clickWhenThere(Browser browser, By by, String text) {
		browser.waiting(PATIENCE).ignoring(StaleElementReferenceException.class).until((WebDriver d) -> {
			for (WebElement element : d.findElements(by)) {
				if (element.getText().contains(text)) {
					element.click();
					return true;
				}
			}
			return false;
		});
	}

	/** A referred patient as the front desk enters them; the indication is its value (TREATMENT_RESISTANT_DEPRESSION…). */
	record Referred(String given, String family, String birthDate, String referrer, String indication, String reason) {
	}

	/**
	 * Signs in on /patients.html and waits for the search's first answer: until it comes the registration form sits
	 * higher up, and a click meant for its button can land on whatever the list pushes there (a CI run lost one so).
	 */
	static void openPatients(Browser desk, String username) {
		desk.signIn(username, "/patients.html");
		desk.find(By.id("register-form"));
		var count = desk.find(By.id("patient-results-count"));
		desk.waiting(PATIENCE).until(d -> !count.getText().startsWith("Searching"));
	}

	/**
	 * Fills /patients.html's registration form and sends it. The page then shows the registration (see
	 * {@link #registeredPatientId}) or, for someone who looks like a patient the clinic has, the likely duplicates.
	 */
	static void registerReferredPatient(Browser desk, Referred patient) {
		desk.find(By.id("register-givenName")).sendKeys(patient.given());
		desk.find(By.id("register-familyName")).sendKeys(patient.family());
		pick(desk, desk.find(By.id("register-birthDate")), patient.birthDate());
		desk.find(By.id("register-referral-referringClinician")).sendKeys(patient.referrer());
		desk.find(By.cssSelector("#register-referral-indication option[value='%s']".formatted(patient.indication())))
			.click();
		desk.find(By.id("register-referral-reason")).sendKeys(patient.reason());
		desk.find(By.id("register-button")).click();
	}

	/** The id of the patient /patients.html says it has just registered, once it says so. */
	static String registeredPatientId(Browser desk) {
		var result = desk.find(By.id("register-result"));
		desk.waiting(PATIENCE).until(d -> result.getText().startsWith("Registered"));
		return result.getAttribute("data-patient-id");
	}

	/**
	 * On /consultations.html: finds the patient by typing the search, chooses them, and returns the button that books
	 * them into the slot (not clicked).
	 */
	static WebElement consultationSlotFor(Browser desk, String search, String patientId, String slotId) {
		desk.find(By.id("patient-search")).sendKeys(search);
		desk.find(By.cssSelector(".patient-choice[data-patient-id='" + patientId + "']")).click();
		return desk.find(By.cssSelector(".book-slot[data-slot-id='" + slotId + "']"));
	}

	/** Waits until /consultations.html says what it did ("Booked: …", "Cancelled: …"). */
	static void awaitConsultationResult(Browser desk, String said) {
		desk.waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("consult-result")).getText().startsWith(said));
	}

	/** Answers the questionnaire's items on the screening form, from item 1 on, one value each. */
	static void answers(Browser browser, String question, int... values) {
		for (int item = 1; item <= values.length; item++) {
			browser.find(By.cssSelector("input[name='%s-%d'][value='%d']".formatted(question, item, values[item - 1])))
				.click();
		}
	}

	/** Answers the questionnaire's first {@code items} items with the same value. */
	static void answer(Browser browser, String question, int items, int value) {
		var values = new int[items];
		Arrays.fill(values, value);
		answers(browser, question, values);
	}

	/** Types the screening's blood pressure, heart rate and weight. */
	static void vitals(Browser browser, String systolic, String diastolic, String heartRate, String weightKg) {
		browser.find(By.id("screening-systolic")).sendKeys(systolic);
		browser.find(By.id("screening-diastolic")).sendKeys(diastolic);
		browser.find(By.id("screening-heartRate")).sendKeys(heartRate);
		browser.find(By.id("screening-weightKg")).sendKeys(weightKg);
	}

	/** Adds an antidepressant trial per drug (adequate and failed, as the form starts them). */
	static void failedTrials(Browser browser, String... drugs) {
		for (int i = 0; i < drugs.length; i++) {
			browser.find(By.id("add-trial")).click();
			browser.find(By.id("screening-trial-" + i)).sendKeys(drugs[i]);
		}
	}

	/** Records the screening on the chart; returns what the page says of it once intake has scored it. */
	static String recordScreening(Browser clinician) {
		clinician.find(By.id("screening-button")).click();
		var recorded = clinician.find(By.id("screening-result"));
		clinician.waiting(PATIENCE).until(d -> recorded.getText().startsWith("Screening recorded"));
		return recorded.getText();
	}

	/** The patient's entry in /review.html's queue, once it is there. */
	static WebElement reviewEntry(Browser clinician, String patientId) {
		var entry = By.cssSelector("#review-queue article[data-patient-id='%s']".formatted(patientId));
		clinician.waiting(PATIENCE).until(d -> !d.findElements(entry).isEmpty());
		return clinician.find(entry);
	}

	/**
	 * Opens the decision on the queue's entry and chooses to clear the patient; returns the form's id prefix once the
	 * dose plan holds the clinic's default mg/kg. Nothing is signed yet.
	 */
	static String decideToClear(Browser clinician, WebElement entry, String patientId) {
		entry.findElement(By.cssSelector("button.decide")).click();
		var prefix = "decide-" + patientId;
		clinician.find(By.cssSelector("input[name='%s-outcome'][value='CLEARED']".formatted(prefix))).click();
		clinician.waiting(PATIENCE)
			.until(d -> !d.findElement(By.id(prefix + "-mg-per-kg")).getAttribute("value").isEmpty());
		return prefix;
	}

	/** Signs the decision to clear; waits until the queue says so and the patient has left it. */
	static void signClearance(Browser clinician, String prefix, String patientId) {
		clinician.find(By.id(prefix + "-sign")).click();
		clinician.waiting(PATIENCE).until(d -> text(clinician, "review-done").contains("signed: cleared"));
		var entry = By.cssSelector("#review-queue article[data-patient-id='%s']".formatted(patientId));
		clinician.waiting(PATIENCE).until(d -> d.findElements(entry).isEmpty());
	}

	/**
	 * On /calendar.html: opens the whole-course planner, finds the cleared patient by typing the search, picks them by
	 * name, and waits for the proposal's {@code infusions} occurrences.
	 */
	static void planCourse(Browser desk, String search, String name, int infusions) {
		desk.find(By.id("plan-course")).click();
		desk.find(By.id("plan-course-search")).sendKeys(search);
		clickWhenThere(desk, By.cssSelector("#course-planner .picker-choice"), name);
		desk.waiting(PATIENCE).until(d -> d.findElements(By.cssSelector("#plan-occurrences li")).size() == infusions);
	}

	/** Books the planned course as it stands, all together; waits until the planner lists every infusion booked. */
	static void bookPlannedCourse(Browser desk, int infusions) {
		desk.find(By.id("plan-book")).click();
		desk.waiting(PATIENCE).until(d -> d.findElements(By.cssSelector("#plan-booked li")).size() == infusions);
		assertThat(desk.all(By.cssSelector("#plan-booked li")))
			.allSatisfy(li -> assertThat(li.getAttribute("data-status")).isEqualTo("booked"));
	}

	/** Waits until the calendar's grid shows the appointment. */
	static void awaitOnCalendar(Browser desk, String appointmentId) {
		desk.waiting(PATIENCE)
			.until(d -> !d.findElements(By.cssSelector("#calendar-grid .booking[data-appointment-id='" + appointmentId + "']"))
				.isEmpty());
	}
}
