package clinic.intake.web;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import clinic.intake.IntakeIntegrationTest;

/**
 * Scoring answers as a clinician types them (POST /api/intake/instruments/score): clinic.instruments' scores, the
 * clinic's PCL-5 cut-off, progress while answers are missing, a 400 naming the item, nothing stored.
 */
class LiveScoringApiTest extends IntakeIntegrationTest {

	private ResultActions score(String body, String role) throws Exception {
		return mvc.perform(post("/api/intake/instruments/score").with(as("someone", role))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void givenCompleteAnswersThenEachInstrumentIsScoredAsAScreeningScoresIt() throws Exception {
		score("""
				{"phq9":[3,3,3,3,3,3,2,0,1],"gad7":[2,2,2,2,2,1,1],"pcl5":%s,
				 "cssrs":{"q1":true,"q2":true,"q3":true,"q4":true,"q5":false,"q6":false}}"""
			.formatted(Collections.nCopies(20, 2)), "clinician")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phq9.complete").value(true))
			.andExpect(jsonPath("$.phq9.total").value(21))
			.andExpect(jsonPath("$.phq9.band").value("SEVERE"))
			.andExpect(jsonPath("$.phq9.suicideRiskFlag").value(true))
			.andExpect(jsonPath("$.gad7.total").value(12))
			.andExpect(jsonPath("$.gad7.band").value("MODERATE"))
			.andExpect(jsonPath("$.gad7.warrantsEvaluation").value(true))
			.andExpect(jsonPath("$.pcl5.total").value(40))
			.andExpect(jsonPath("$.pcl5.cutoff").value(33))
			.andExpect(jsonPath("$.pcl5.probablePtsd").value(true))
			.andExpect(jsonPath("$.cssrs.highRisk").value(true))
			.andExpect(jsonPath("$.cssrs.highRiskAnswers[0]").value("Q4"))
			.andExpect(jsonPath("$.suicideRisk").value(true));
	}

	@Test
	void givenAnswersSoFarThenProgressIsShownAndNoScoreYet() throws Exception {
		score("""
				{"phq9":[1,2,null,null,null,null,null,null,null],"cssrs":{"q1":false,"q2":true}}""", "nurse")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phq9.answered").value(2))
			.andExpect(jsonPath("$.phq9.items").value(9))
			.andExpect(jsonPath("$.phq9.complete").value(false))
			.andExpect(jsonPath("$.phq9.total").value(nullValue()))
			.andExpect(jsonPath("$.cssrs.answered").value(2))
			.andExpect(jsonPath("$.cssrs.items").value(6))
			.andExpect(jsonPath("$.gad7").value(nullValue()))
			.andExpect(jsonPath("$.suicideRisk").value(false));
	}

	@Test
	void givenAnAnswerOutOfRangeThenA400NamesTheItem() throws Exception {
		score("""
				{"phq9":[1,2,7]}""", "clinician")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phq9[2]"))
			.andExpect(jsonPath("$.errors[0].message").value("PHQ-9 item 3 must be 0 to 3, got 7"));
		score("""
				{"cssrs":{"q1":false,"q2":false,"q4":true}}""", "clinician")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cssrs.q4"));
	}

	@Test
	void givenTheFrontDeskThenScoringIsRefused() throws Exception {
		score("""
				{"phq9":[0,0,0,0,0,0,0,0,0]}""", "front-desk").andExpect(status().isForbidden());
	}
}
