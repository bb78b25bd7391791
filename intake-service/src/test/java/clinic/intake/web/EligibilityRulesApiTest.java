package clinic.intake.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import clinic.intake.IntakeIntegrationTest;

/**
 * The rule catalogue, versioned thresholds and the clinical history at screening, on real PostgreSQL and Kafka.
 * Tests that change thresholds restore the defaults as a further version when done (versions are never edited).
 */
class EligibilityRulesApiTest extends IntakeIntegrationTest {

	static final String DEFAULTS = """
			{"absoluteSystolicAbove":180,"absoluteDiastolicAbove":100,"reviewSystolicAbove":140,
			 "reviewDiastolicAbove":90,"minimumAgeYears":18,"abstinenceMonths":12,"requiredFailedTrials":2,
			 "reason":"back to the DOMAIN.md defaults"}""";

	UUID register() throws Exception {
		var body = mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Grace","familyName":"Hopper","birthDate":"1976-12-09",
					 "referral":{"referringClinician":"Dr. Aiken","indication":"TREATMENT_RESISTANT_DEPRESSION"},
					 "confirmedNotDuplicate":true}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	static String screening(int systolic) {
		return """
				{"phq9":[2,2,2,2,1,1,1,1,0],"systolic":%d,"diastolic":80,"heartRate":72,"weightKg":68.5,
				 "diagnoses":["MAJOR_DEPRESSIVE_DISORDER"],
				 "antidepressantTrials":[{"drug":"sertraline","adequate":true,"failed":true},
				                         {"drug":"venlafaxine","adequate":true,"failed":true}],
				 "medicalHistory":[],"onMoodStabiliser":false,
				 "substanceUse":{"disorderHistory":false,"activeUse":false},
				 "currentMedications":[{"name":"bupropion","drugClass":"OTHER"}]}""".formatted(systolic);
	}

	String putSettings(String body, String role) throws Exception {
		return mvc
			.perform(put("/api/intake/eligibility-rules/settings").with(as("ada.admin", role))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void givenAnAdminChangesTheLimitThenLaterProposalsChangeAndEarlierScreeningsKeepTheirs() throws Exception {
		var patient = register();
		var before = mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening(175)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.proposal.outcome").value("NEEDS_REVIEW"))
			.andExpect(jsonPath("$.proposal.reasons[*].ruleId").value(hasItem("elevated-blood-pressure")))
			.andExpect(jsonPath("$.antidepressantTrials[1].drug").value("venlafaxine"))
			.andExpect(jsonPath("$.currentMedications[0].drugClass").value("OTHER"))
			.andExpect(jsonPath("$.substanceUse.activeUse").value(false))
			.andExpect(jsonPath("$.indication").value("TREATMENT_RESISTANT_DEPRESSION"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int oldVersion = json.readTree(before).get("proposal").get("rulesVersion").asInt();

		try {
			var changed = mvc.perform(put("/api/intake/eligibility-rules/settings").with(as("ada.admin", "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"absoluteSystolicAbove":170,"absoluteDiastolicAbove":100,"reviewSystolicAbove":140,
						 "reviewDiastolicAbove":90,"minimumAgeYears":18,"abstinenceMonths":12,"requiredFailedTrials":2,
						 "reason":"Clinic policy: stricter systolic limit"}"""))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.settings.version").value(oldVersion + 1))
				.andExpect(jsonPath("$.settings.absoluteSystolicAbove").value(170))
				.andExpect(jsonPath("$.settings.changedBy").value("ada.admin"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			int newVersion = json.readTree(changed).get("settings").get("version").asInt();

			mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(screening(175)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.proposal.outcome").value("DECLINED"))
				.andExpect(jsonPath("$.proposal.rulesVersion").value(newVersion))
				.andExpect(jsonPath("$.proposal.reasons[0].ruleId").value("uncontrolled-hypertension"))
				.andExpect(jsonPath("$.proposal.reasons[0].answer").value("BP 175/80"));

			mvc.perform(get("/api/intake/patients/{id}", patient).with(as("dr.house", "clinician")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.screenings[0].proposal.outcome").value("NEEDS_REVIEW"))
				.andExpect(jsonPath("$.screenings[0].proposal.rulesVersion").value(oldVersion))
				.andExpect(jsonPath("$.screenings[1].proposal.outcome").value("DECLINED"))
				.andExpect(jsonPath("$.screenings[1].proposal.rulesVersion").value(newVersion));

			mvc.perform(get("/api/intake/eligibility-rules/settings").with(as("dr.house", "clinician")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.version == %d)].absoluteSystolicAbove".formatted(oldVersion))
					.value(hasItem(180)));
		}
		finally {
			putSettings(DEFAULTS, "admin");
		}
	}

	@Test
	void givenTheCatalogueThenClinicianAndAdminReadItAndOthersDoNot() throws Exception {
		for (var role : new String[] { "clinician", "admin" }) {
			mvc.perform(get("/api/intake/eligibility-rules").with(as("someone", role)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.settings.version").isNumber())
				.andExpect(jsonPath("$.settings.reviewSystolicAbove").isNumber())
				.andExpect(jsonPath("$.rules[*].id").value(hasItem("trd-fewer-than-two-adequate-trials")))
				.andExpect(jsonPath("$.rules[?(@.id == 'pregnancy')].severity").value(hasItem("ABSOLUTE")))
				.andExpect(jsonPath("$.rules[?(@.id == 'minor')].reads[0]").value(hasItem("birthDate")));
		}
		mvc.perform(get("/api/intake/eligibility-rules").with(as("nina", "nurse"))).andExpect(status().isForbidden());
	}

	@Test
	void givenTheVersionReadWhenAnotherVersionWasAddedSinceThen409AndNothingIsAdded() throws Exception {
		var read = json.readTree(mvc.perform(get("/api/intake/eligibility-rules").with(as("a", "admin")))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("settings").get("version").asInt();
		try {
			mvc.perform(put("/api/intake/eligibility-rules/settings").with(as("ada.admin", "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(DEFAULTS.replace("}", ",\"basedOnVersion\":%d}".formatted(read))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.settings.version").value(read + 1));

			// a second administrator still holding the version read before that change
			mvc.perform(put("/api/intake/eligibility-rules/settings").with(as("bob.admin", "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(DEFAULTS.replace("}", ",\"basedOnVersion\":%d}".formatted(read))))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value("STALE_VERSION"))
				.andExpect(jsonPath("$.currentVersion").value(read + 1))
				.andExpect(jsonPath("$.detail").value(containsString("ada.admin changed them since you read them")));
			mvc.perform(get("/api/intake/eligibility-rules").with(as("a", "admin")))
				.andExpect(jsonPath("$.settings.version").value(read + 1));
		}
		finally {
			putSettings(DEFAULTS, "admin");
		}
	}

	@Test
	void givenANonAdminThenChangingThresholdsIsForbidden() throws Exception {
		for (var role : new String[] { "clinician", "nurse", "front-desk" }) {
			mvc.perform(put("/api/intake/eligibility-rules/settings").with(as("someone", role))
				.contentType(MediaType.APPLICATION_JSON)
				.content(DEFAULTS)).andExpect(status().isForbidden());
		}
	}

	@Test
	void givenInvalidSettingsThen400NamingTheFieldAndNoNewVersion() throws Exception {
		var version = json.readTree(mvc.perform(get("/api/intake/eligibility-rules").with(as("a", "admin")))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("settings").get("version").asInt();
		String[][] cases = {
				{ "\"absoluteSystolicAbove\":180", "\"absoluteSystolicAbove\":260", "absoluteSystolicAbove" },
				{ "\"reviewSystolicAbove\":140", "\"reviewSystolicAbove\":99", "reviewSystolicAbove" },
				{ "\"absoluteDiastolicAbove\":100", "\"absoluteDiastolicAbove\":151", "absoluteDiastolicAbove" },
				{ "\"reviewDiastolicAbove\":90", "\"reviewDiastolicAbove\":49", "reviewDiastolicAbove" },
				{ "\"reviewSystolicAbove\":140", "\"reviewSystolicAbove\":190", "reviewSystolicAbove" },
				{ "\"reviewDiastolicAbove\":90", "\"reviewDiastolicAbove\":110", "reviewDiastolicAbove" },
				{ "\"abstinenceMonths\":12", "\"abstinenceMonths\":-1", "abstinenceMonths" },
				{ "\"reason\":\"back to the DOMAIN.md defaults\"", "\"reason\":\" \"", "reason" } };
		for (var c : cases) {
			mvc.perform(put("/api/intake/eligibility-rules/settings").with(as("ada.admin", "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(DEFAULTS.replace(c[0], c[1])))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem(c[2])));
		}
		mvc.perform(get("/api/intake/eligibility-rules").with(as("a", "admin")))
			.andExpect(jsonPath("$.settings.version").value(version));
	}

	@Test
	void givenClinicalHistoryThatARuleCannotReadOrBadCodesThenTheFieldIsNamed() throws Exception {
		var patient = register();
		String[][] cases = {
				{ "\"diagnoses\":[\"MAJOR_DEPRESSIVE_DISORDER\"]", "\"diagnoses\":[\"FLU\"]", "diagnoses[0]" },
				{ "\"diagnoses\":[\"MAJOR_DEPRESSIVE_DISORDER\"],\n \"antidepressantTrials\":[{\"drug\":\"sertraline\",\"adequate\":true,\"failed\":true},",
						"\"diagnoses\":[\"MAJOR_DEPRESSIVE_DISORDER\"],\n \"antidepressantTrials\":[{\"drug\":\"sertraline\",\"failed\":true},",
						"antidepressantTrials[0].adequate" },
				{ "\"onMoodStabiliser\":false", "\"onMoodStabiliser\":null", "onMoodStabiliser",
						"\"diagnoses\":[\"MAJOR_DEPRESSIVE_DISORDER\"]", "\"diagnoses\":[\"BIPOLAR_DISORDER\"]" },
				{ "\"activeUse\":false}", "\"activeUse\":true,\"abstinentSince\":\"2020-01-01\"}",
						"substanceUse.abstinentSince" },
				{ "\"drugClass\":\"OTHER\"", "\"drugClass\":\"OPIOID\"", "currentMedications[0].drugClass" } };
		for (var c : cases) {
			var body = screening(120).replace("\n", "").replace(c[0].replace("\n", ""), c[1].replace("\n", ""));
			if (c.length > 3) {
				body = body.replace(c[3], c[4]); // a second change (one key given twice would be refused as such)
			}
			mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem(c[2])));
		}
	}
}
