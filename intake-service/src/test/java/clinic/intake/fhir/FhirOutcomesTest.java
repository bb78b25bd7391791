package clinic.intake.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static clinic.contracts.test.FhirValidation.validXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.intake.IntakeIntegrationTest;
import clinic.intake.outcomes.OutcomeScores;

/**
 * Intake's screening questionnaires (QuestionnaireResponse) and outcome scores over time (Observation) as another
 * clinic system reads them, on the real database, every answer validated against base R4: the answers item by item
 * under LOINC's codes, the totals with their LOINC codes derived from their questionnaire, a session's PHQ-9 in the
 * same series, the searches' filters and order (date, then id: the order the gateway merges owners in), paging, the
 * audit trail, and errors as OperationOutcomes.
 */
class FhirOutcomesTest extends IntakeIntegrationTest {

	private static final String JSON = "application/fhir+json";

	private static final Instant SCREENED = Instant.parse("2026-11-02T09:15:30.250Z");

	@Autowired
	private OutcomeScores outcomes;

	@AfterEach
	void clockBackToTheSystemClock() {
		clock.followSystemClock();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as("ehr-link", "integration")).accept(JSON)).andReturn().getResponse();
	}

	private Bundle search(String pathAndQuery) throws Exception {
		var answer = call(get(URI.create(pathAndQuery)));
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		return validJson(Bundle.class, answer.getContentAsString());
	}

	/** A patient screened with all three questionnaires at {@link #SCREENED}; returns the screening's id. */
	private UUID screenedWithAllThree(UUID patient) throws Exception {
		clock.set(SCREENED);
		return screenPatient(patient, """
				{"phq9":[3,3,3,3,3,3,2,0,1],"gad7":[2,2,2,2,2,1,1],"pcl5":%s,
				 "systolic":120,"diastolic":80,"heartRate":72,"weightKg":68.5}"""
			.formatted(Collections.nCopies(20, 2)));
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}

	@Test
	void givenAScreeningWithThreeQuestionnairesThenEachIsAResponseWithLoincItemsAndItsTotal() throws Exception {
		var patient = registerPatient("Quinta");
		var screening = screenedWithAllThree(patient);

		var bundle = search("/fhir/QuestionnaireResponse?patient=Patient/" + patient);

		assertThat(bundle.getTotal()).isEqualTo(3);
		// one time, so by id: gad7-, pcl5-, phq9-
		assertThat(ids(bundle)).containsExactly("gad7-" + screening, "pcl5-" + screening, "phq9-" + screening);
		var phq9 = (QuestionnaireResponse) bundle.getEntry().get(2).getResource();
		assertThat(phq9.getQuestionnaire()).isEqualTo("http://loinc.org/q/44249-1");
		assertThat(phq9.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		assertThat(phq9.getSubject().getReference()).isEqualTo("Patient/" + patient);
		assertThat(phq9.getAuthoredElement().getValue().toInstant()).isEqualTo(SCREENED);
		assertThat(phq9.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
			.containsExactly("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
					"44260-8", "44261-6");
		assertThat(phq9.getItem()).extracting(item -> item.getAnswerFirstRep().getValueIntegerType().getValue())
			.containsExactly(3, 3, 3, 3, 3, 3, 2, 0, 1, 21);
		var gad7 = (QuestionnaireResponse) bundle.getEntry().get(0).getResource();
		assertThat(gad7.getQuestionnaire()).isEqualTo("http://loinc.org/q/69737-5");
		assertThat(gad7.getItem().get(0).getLinkId()).isEqualTo("69725-0");
		assertThat(gad7.getItem().get(7).getLinkId()).isEqualTo("70274-6");
		assertThat(gad7.getItem().get(7).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(12);
		var pcl5 = (QuestionnaireResponse) bundle.getEntry().get(1).getResource();
		assertThat(pcl5.getQuestionnaire()).isEqualTo("http://loinc.org/q/101697-1");
		assertThat(pcl5.getItem()).hasSize(21);
		assertThat(pcl5.getItem().get(19).getLinkId()).isEqualTo("pcl5-20");
		assertThat(pcl5.getItem().get(20).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(40);

		var read = call(get("/fhir/QuestionnaireResponse/{id}", "phq9-" + screening));
		assertThat(read.getStatus()).isEqualTo(200);
		assertThat(validJson(QuestionnaireResponse.class, read.getContentAsString()).getItem()).hasSize(10);

		var byQuestionnaire = search("/fhir/QuestionnaireResponse?patient=" + patient
				+ "&questionnaire=http://loinc.org/q/69737-5&status=completed&authored=2026-11-02");
		assertThat(ids(byQuestionnaire)).containsExactly("gad7-" + screening);
		assertThat(search("/fhir/QuestionnaireResponse?patient=" + patient + "&status=in-progress").getTotal())
			.isZero();
		assertThat(search("/fhir/QuestionnaireResponse?patient=" + patient + "&authored=lt2026-11-02").getTotal())
			.isZero();
	}

	@Test
	void givenAScreeningAndALaterSessionThenTheScoresAreObservationsOverTimeDerivedFromTheirResponses()
			throws Exception {
		var patient = registerPatient("Oskar");
		var screening = screenedWithAllThree(patient);
		var session = UUID.randomUUID();
		outcomes.record(patient, OutcomeScores.PHQ9, 9, OutcomeScores.Source.SESSION, session,
				Instant.parse("2026-11-20T10:00:00Z"));

		var bundle = search("/fhir/Observation?patient=Patient/" + patient);

		assertThat(bundle.getTotal()).isEqualTo(4);
		assertThat(ids(bundle)).containsExactly("screening-gad7-" + screening, "screening-pcl5-" + screening,
				"screening-phq9-" + screening, "session-phq9-" + session);
		var baseline = (Observation) bundle.getEntry().get(2).getResource();
		assertThat(baseline.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
		assertThat(baseline.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
		assertThat(baseline.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
		assertThat(baseline.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
		assertThat(baseline.getValueIntegerType().getValue()).isEqualTo(21);
		assertThat(baseline.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(SCREENED);
		assertThat(baseline.getInterpretationFirstRep().getText()).isEqualTo("Severe");
		assertThat(baseline.getDerivedFromFirstRep().getReference())
			.isEqualTo("QuestionnaireResponse/phq9-" + screening);
		var pcl5 = (Observation) bundle.getEntry().get(1).getResource();
		assertThat(pcl5.getCode().getCodingFirstRep().getCode()).isEqualTo("101698-9");
		assertThat(pcl5.getValueIntegerType().getValue()).isEqualTo(40);
		var later = (Observation) bundle.getEntry().get(3).getResource();
		assertThat(later.getValueIntegerType().getValue()).isEqualTo(9);
		assertThat(later.getInterpretationFirstRep().getText()).isEqualTo("Mild");
		assertThat(later.getDerivedFrom()).isEmpty();

		var phq9Series = search("/fhir/Observation?patient=" + patient + "&code=http://loinc.org%7C44261-6"
				+ "&category=survey&status=final&_count=1");
		assertThat(phq9Series.getTotal()).isEqualTo(2);
		assertThat(ids(phq9Series)).containsExactly("screening-phq9-" + screening);
		var next = URI.create(phq9Series.getLink(Bundle.LINK_NEXT).getUrl());
		assertThat(ids(search(next.getPath() + "?" + next.getRawQuery()))).containsExactly("session-phq9-" + session);
		assertThat(ids(search("/fhir/Observation?patient=" + patient + "&date=ge2026-11-03")))
			.containsExactly("session-phq9-" + session);
		assertThat(search("/fhir/Observation?patient=" + patient + "&category=vital-signs").getTotal()).isZero();
		assertThat(search("/fhir/Observation?patient=" + patient + "&code=http://loinc.org%7C8867-4").getTotal())
			.isZero();

		var xml = mvc.perform(get("/fhir/Observation/{id}", "session-phq9-" + session)
			.with(as("ehr-link", "integration"))
			.accept("application/fhir+xml")).andReturn().getResponse();
		assertThat(xml.getStatus()).isEqualTo(200);
		assertThat(validXml(Observation.class, xml.getContentAsString()).getValueIntegerType().getValue())
			.isEqualTo(9);
	}

	@Test
	void givenASearchOfScoresThenTheAuditRowNamesThePatientsShown() throws Exception {
		var patient = registerPatient("Aurelia");
		screenedWithAllThree(patient);
		var user = "audit-scores-" + UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(get("/fhir/Observation").param("patient", patient.toString())
			.with(as(user, "integration"))
			.accept(JSON)).andReturn();

		var rows = jdbc.sql("select action, kind, patient_ids, outcome from audit_log where actor = ?")
			.param(user)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
					List.of((Object[]) rs.getArray(3).getArray()), rs.getInt(4)))
			.list();
		assertThat(rows).singleElement()
			.isEqualTo(List.of("GET /fhir/Observation", "search", List.of(patient), 200));
	}

	@Test
	void givenAnUnknownIdOrABadParameterThenAnOperationOutcomeNamesIt() throws Exception {
		var unknown = call(get("/fhir/Observation/{id}", "screening-phq9-" + UUID.randomUUID()));
		var malformed = call(get("/fhir/QuestionnaireResponse/{id}", "not-ours"));
		var badPrefix = call(get("/fhir/Observation").param("date", "ne2026-11-02"));
		var badStatus = call(get("/fhir/QuestionnaireResponse").param("status", "finished"));
		var wrongRole = mvc.perform(get("/fhir/Observation").with(as("nina", "nurse")).accept(JSON))
			.andReturn()
			.getResponse();

		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(malformed.getStatus()).isEqualTo(404);
		assertThat(validJson(OperationOutcome.class, malformed.getContentAsString()).getIssueFirstRep()
			.getDiagnostics()).contains("not-ours");
		assertThat(badPrefix.getStatus()).isEqualTo(400);
		assertThat(validJson(OperationOutcome.class, badPrefix.getContentAsString()).getIssueFirstRep()
			.getDiagnostics()).contains("date");
		assertThat(badStatus.getStatus()).isEqualTo(400);
		assertThat(validJson(OperationOutcome.class, badStatus.getContentAsString()).getIssueFirstRep()
			.getDiagnostics()).contains("finished");
		assertThat(wrongRole.getStatus()).isEqualTo(403);
	}
}
