package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.intake.outcomes.OutcomeScores;
import clinic.platform.test.EventProbe;

/** GAD-7, PCL-5 and C-SSRS at screening, and the outcome series with its flags, on real PostgreSQL and Kafka. */
class OutcomeApiTest extends IntakeIntegrationTest {

	@Autowired
	OutcomeScores outcomes;

	UUID register() throws Exception {
		return registerPatient("Outcome");
	}

	static final String PCL5_40 = Collections.nCopies(20, 2).toString();

	static String screening(String extra) {
		return """
				{"phq9":[3,3,3,3,3,3,2,0,0],%s"systolic":120,"diastolic":80,"heartRate":72,"weightKg":68.5}"""
			.formatted(extra);
	}

	@Test
	void givenAllInstrumentsThenEachIsScoredStoredAndAHighRiskCssrsMakesTheScreeningUrgent() throws Exception {
		var patient = register();
		var body = mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("""
					"gad7":[2,2,2,2,2,1,1],"pcl5":%s,
					"cssrs":{"q1":true,"q2":true,"q3":true,"q4":true,"q5":false,"q6":false},""".formatted(PCL5_40))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.phq9Total").value(20))
			.andExpect(jsonPath("$.suicideRiskFlag").value(false))
			.andExpect(jsonPath("$.gad7.total").value(12))
			.andExpect(jsonPath("$.gad7.band").value("MODERATE"))
			.andExpect(jsonPath("$.gad7.warrantsEvaluation").value(true))
			.andExpect(jsonPath("$.pcl5.total").value(40))
			.andExpect(jsonPath("$.pcl5.cutoff").value(33))
			.andExpect(jsonPath("$.pcl5.probablePtsd").value(true))
			.andExpect(jsonPath("$.cssrs.q4").value(true))
			.andExpect(jsonPath("$.cssrs.highRisk").value(true))
			.andExpect(jsonPath("$.urgent").value(true))
			.andExpect(jsonPath("$.proposal.outcome").value("NEEDS_REVIEW"))
			.andExpect(jsonPath("$.proposal.reasons[*].ruleId", hasItem("suicide-risk-cssrs")))
			.andExpect(jsonPath("$.proposal.reasons[*].answer", hasItem("C-SSRS Q4 = yes")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var screeningId = UUID.fromString(json.readTree(body).get("id").asString());

		var stored = jdbc.sql("select urgent, gad7_total, pcl5_total, cssrs_high_risk from screening where id = :id")
			.param("id", screeningId)
			.query((rs, n) -> rs.getBoolean(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getBoolean(4))
			.single();
		assertThat(stored).isEqualTo("true 12 40 true");
		assertThat(jdbc.sql("select instrument || '=' || total from outcome_score where source_id = :id order by instrument")
			.param("id", screeningId)
			.query(String.class)
			.list()).containsExactly("GAD-7=12", "PCL-5=40", "PHQ-9=20");

		mvc.perform(get("/api/intake/patients/{id}", patient).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.screenings[0].urgent").value(true))
			.andExpect(jsonPath("$.screenings[0].gad7.band").value("MODERATE"))
			.andExpect(jsonPath("$.screenings[0].pcl5.probablePtsd").value(true))
			.andExpect(jsonPath("$.screenings[0].cssrs.q5").value(false));

		var type = "clinic.intake.screening-completed.v1";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).size() == 1);
		var event = EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).get(0).value();
		assertThat(EventSchemas.violations(type, event)).isEmpty();
		var data = json.readTree(event);
		assertThat(data.get("urgent").asBoolean()).isTrue();
		assertThat(data.get("gad7Total").asInt()).isEqualTo(12);
		assertThat(data.get("cssrsHighRisk").asBoolean()).isTrue();
	}

	@Test
	void givenOnlyPhq9ThenTheOtherInstrumentsAreAbsentAndTheEventStaysSchemaValid() throws Exception {
		var patient = register();
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.gad7").value(nullValue()))
			.andExpect(jsonPath("$.cssrs").value(nullValue()))
			.andExpect(jsonPath("$.urgent").value(false));
		var type = "clinic.intake.screening-completed.v1";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).size() == 1);
		var event = EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).get(0).value();
		assertThat(EventSchemas.violations(type, event)).isEmpty();
	}

	@Test
	void givenABadOptionalInstrumentThenTheItemIsNamedAndNothingIsStored() throws Exception {
		var patient = register();
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("\"gad7\":[0,0,4,0,0,0,0],")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("gad7[2]"));
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("\"cssrs\":{\"q1\":false,\"q6\":false},")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cssrs.q2"));
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("\"pcl5\":[1,2,3],")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("pcl5"));
		assertThat(jdbc.sql("select count(*) from screening where patient_id = :p").param("p", patient)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from outcome_score where patient_id = :p").param("p", patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void givenAScreeningAndSessionScoresThenTheSeriesShowsBaselineResponseAndFutility() throws Exception {
		var patient = register();
		mvc.perform(post("/api/intake/patients/{id}/screenings", patient).with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening("\"gad7\":[2,2,2,2,2,1,1],")))
			.andExpect(status().isCreated());
		var day = Duration.ofDays(1);
		var start = Instant.now();
		int[] sessions = { 18, 15, 11 };
		for (int i = 0; i < sessions.length; i++) {
			outcomes.record(patient, OutcomeScores.PHQ9, sessions[i], OutcomeScores.Source.SESSION, UUID.randomUUID(),
					start.plus(day.multipliedBy(i + 1)));
		}

		mvc.perform(get("/api/intake/patients/{id}/outcomes", patient).param("instrument", "PHQ-9")
			.with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instrument").value("PHQ-9"))
			.andExpect(jsonPath("$.points.length()").value(4))
			.andExpect(jsonPath("$.points[0].total").value(20))
			.andExpect(jsonPath("$.points[0].source").value("SCREENING"))
			.andExpect(jsonPath("$.points[3].total").value(11))
			.andExpect(jsonPath("$.points[3].source").value("SESSION"))
			.andExpect(jsonPath("$.points[3].recordedAt").isNotEmpty())
			.andExpect(jsonPath("$.baseline").value(20))
			.andExpect(jsonPath("$.latest").value(11))
			.andExpect(jsonPath("$.change").value(-9))
			.andExpect(jsonPath("$.changePercent").value(-45.0))
			.andExpect(jsonPath("$.response").value(false))
			.andExpect(jsonPath("$.remission").value(false))
			.andExpect(jsonPath("$.infusionsSinceBaseline").value(3))
			.andExpect(jsonPath("$.futility").value(true))
			// the criteria a chart draws its response and remission lines with
			.andExpect(jsonPath("$.responseDropPercent").value(50))
			.andExpect(jsonPath("$.remissionBelow").value(5));

		outcomes.record(patient, OutcomeScores.PHQ9, 10, OutcomeScores.Source.SESSION, UUID.randomUUID(),
				start.plus(day.multipliedBy(4)));
		mvc.perform(get("/api/intake/patients/{id}/outcomes", patient).with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latest").value(10))
			.andExpect(jsonPath("$.changePercent").value(-50.0))
			.andExpect(jsonPath("$.response").value(true))
			.andExpect(jsonPath("$.futility").value(false))
			.andExpect(jsonPath("$.infusionsSinceBaseline").value(4));

		mvc.perform(get("/api/intake/patients/{id}/outcomes", patient).param("instrument", "GAD-7")
			.with(as("ada", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points.length()").value(1))
			.andExpect(jsonPath("$.baseline").value(12))
			.andExpect(jsonPath("$.remission").value(nullValue()))
			.andExpect(jsonPath("$.remissionBelow").value(nullValue()));
	}

	@Test
	void givenTheFrontDeskOrABadInstrumentOrAnUnknownPatientThenRefused() throws Exception {
		var patient = register();
		mvc.perform(get("/api/intake/patients/{id}/outcomes", patient).with(as("frank", "front-desk")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/intake/patients/{id}/outcomes", patient).param("instrument", "HAM-D")
			.with(as("nina", "nurse")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instrument"));
		mvc.perform(get("/api/intake/patients/{id}/outcomes", UUID.randomUUID()).with(as("nina", "nurse")))
			.andExpect(status().isNotFound());
	}
}
