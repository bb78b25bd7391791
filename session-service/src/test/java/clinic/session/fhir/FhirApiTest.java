package clinic.session.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static clinic.contracts.test.FhirValidation.validXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.platform.test.Tokens;

/**
 * Session's FHIR R4 interactions as another clinic system uses them (the integration client), on sessions charted
 * through the service's own API, each answer validated against the base R4 definitions (the vital signs against R4's
 * vital-signs profiles they declare): the session as an Encounter, its vitals and CADSS-6 score as Observations, the
 * dose as a MedicationAdministration, adverse events and side effects as AdverseEvents, searched by patient, date and
 * status with paging, and every error an OperationOutcome.
 */
class FhirApiTest extends FhirTest {

	/** Monday 7 January 2030, 09:00 in Zurich (08:00 UTC). */
	private static final Instant MONDAY = ZonedDateTime.of(2030, 1, 7, 9, 0, 0, 0, ZURICH).toInstant();

	/** Thursday 10 January 2030, 00:30 in Zurich: still Wednesday 9 January in UTC. */
	private static final Instant THURSDAY_NIGHT = ZonedDateTime.of(2030, 1, 10, 0, 30, 0, 0, ZURICH).toInstant();

	/** A patient's signed Monday session, and a Thursday-night one dosed and running with a serious adverse event. */
	record Patient(UUID id, Charted signed, Charted running) {
	}

	Patient aPatientsTwoSessions() throws Exception {
		var course = newPatientsCourse();
		var signed = signedSession(course.patientId(), course, 1, MONDAY);
		var running = opened(course.patientId(), course, 2, THURSDAY_NIGHT);
		step(running.record(), "check-in", nurse(), CHECK_IN).andExpect(status().isOk());
		step(running.record(), "vitals", nurse(), CALM).andExpect(status().isCreated());
		step(running.record(), "dose", nurse(), """
				{"weightKg":70,"drugLot":"KET-8","preparedBy":"olga","infusionRateMgPerHour":52.5}""")
			.andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(3));
		step(running.record(), "adverse-events", nurse(), """
				{"grade":"SERIOUS","description":"Laryngospasm"}""").andExpect(status().isCreated());
		return new Patient(course.patientId(), signed, running);
	}

	@Test
	void givenASignedSessionThenItsEncounterNamesThePatientTheAppointmentTheChairAndItsPeriod() throws Exception {
		var patient = aPatientsTwoSessions();
		var signed = patient.signed();

		var encounter = ok(Encounter.class, get("/fhir/Encounter/{id}", signed.record()));

		assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
		assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
		assertThat(encounter.getAppointmentFirstRep().getReference()).isEqualTo("Appointment/" + signed.appointment());
		assertThat(encounter.getLocationFirstRep().getLocation().getReference()).isEqualTo("Location/" + signed.chair());
		assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(MONDAY);
		// dose, 5 + 5 + 30 min to the infusion's end, 60 min of recovery, then both signatures
		assertThat(encounter.getPeriod().getEnd().toInstant()).isEqualTo(MONDAY.plus(Duration.ofMinutes(100)));
		assertThat(encounter.getParticipant()).extracting(p -> p.getIndividual().getDisplay())
			.contains("nina", "dr.house");

		var running = ok(Encounter.class, get("/fhir/Encounter/{id}", patient.running().record()));
		assertThat(running.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
		assertThat(running.getPeriod().hasEnd()).isFalse();
	}

	@Test
	void givenTwoSessionsThenEncountersAreFoundByPatientStatusAppointmentAndTheDayAtTheSite() throws Exception {
		var patient = aPatientsTwoSessions();
		var signed = patient.signed().record().toString();
		var running = patient.running().record().toString();
		var ofPatient = get("/fhir/Encounter").param("patient", "Patient/" + patient.id());

		assertThat(ids(pages(ofPatient))).containsExactly(signed, running);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("status", "finished")))).containsExactly(signed);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("status", "in-progress,arrived")))).containsExactly(running);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("status", "cancelled")))).as("a status the clinic never uses finds nothing").isEmpty();
		assertThat(ids(pages(get("/fhir/Encounter").param("appointment",
				"Appointment/" + patient.running().appointment())))).containsExactly(running);
		// a day is the day at the session's site: 00:30 in Zurich on the 10th is the 10th, though 9 January in UTC
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("date", "2030-01-10")))).containsExactly(running);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("date", "2030-01-09")))).isEmpty();
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("date", "ge2030-01-07").param("date", "lt2030-01-08")))).containsExactly(signed);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", patient.id().toString())
			.param("date", "gt2030-01-09T23:00:00Z")))).containsExactly(running);
		assertThat(ids(pages(get("/fhir/Encounter").param("patient", "Patient/" + UUID.randomUUID())))).isEmpty();
	}

	@Test
	void givenASessionsReadingsThenEachIsFourVitalSignsInLoincAndUcumAndTheScoreASurvey() throws Exception {
		var patient = aPatientsTwoSessions();
		var signed = patient.signed();

		var pages = pages(get("/fhir/Observation").param("encounter", "Encounter/" + signed.record()));
		var observations = pages.stream().flatMap(page -> page.getEntry().stream())
			.map(entry -> (Observation) entry.getResource()).toList();

		assertThat(pages.get(0).getTotal()).as("2 readings of 4 vital signs, 1 CADSS-6 score").isEqualTo(9);
		assertThat(observations).allSatisfy(o -> {
			assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
			assertThat(o.getEncounter().getReference()).isEqualTo("Encounter/" + signed.record());
			assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
			assertThat(o.getPerformerFirstRep().getDisplay()).isEqualTo("nina");
		});
		var first = observations.stream().filter(o -> o.getEffectiveDateTimeType().getValue().toInstant()
			.equals(MONDAY)).toList();
		var bp = only(first, "85354-9");
		assertThat(bp.getMeta().getProfile()).extracting(p -> p.getValue())
			.containsExactly("http://hl7.org/fhir/StructureDefinition/bp");
		assertThat(bp.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
		assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode(),
				c -> c.getValueQuantity().getValue().intValue(), c -> c.getValueQuantity().getCode())
			.containsExactly(tuple("8480-6", 128, "mm[Hg]"),
					tuple("8462-4", 82, "mm[Hg]"));
		assertQuantity(only(first, "8867-4").getValueQuantity(), 76, "/min");
		assertQuantity(only(first, "2708-6").getValueQuantity(), 97, "%");
		assertQuantity(only(first, "9279-1").getValueQuantity(), 14, "/min");
		var cadss = observations.stream().filter(o -> o.getCategoryFirstRep().getCodingFirstRep().getCode()
			.equals("survey")).toList();
		assertThat(cadss).hasSize(1);
		assertThat(cadss.get(0).getValueIntegerType().getValue()).isEqualTo(5);
		assertThat(cadss.get(0).getComponent()).extracting(c -> c.getValueIntegerType().getValue())
			.containsExactly(1, 2, 0, 1, 0, 1);

		var read = ok(Observation.class, get("/fhir/Observation/{id}", bp.getIdElement().getIdPart()));
		assertThat(read.getComponent()).hasSize(2);
		var heartRates = pages(get("/fhir/Observation").param("patient", patient.id().toString())
			.param("code", "http://loinc.org|8867-4"));
		assertThat(heartRates.get(0).getTotal()).as("a reading in each session").isEqualTo(3);
		var surveys = pages(get("/fhir/Observation").param("patient", patient.id().toString())
			.param("category", "survey"));
		assertThat(ids(surveys)).containsExactly(cadss.get(0).getIdElement().getIdPart());
		var monday = pages(get("/fhir/Observation").param("patient", patient.id().toString())
			.param("date", "2030-01-07"));
		assertThat(monday.get(0).getTotal()).isEqualTo(9);
	}

	@Test
	void givenAPatientsObservationsWhenPagedThreeAtATimeThenThePagesHoldThemAllByDateThenId() throws Exception {
		var patient = aPatientsTwoSessions();
		var search = get("/fhir/Observation").param("patient", "Patient/" + patient.id());

		var whole = pages(search.param("_count", "100"));
		var paged = pages(get("/fhir/Observation").param("patient", "Patient/" + patient.id()).param("_count", "3"));

		assertThat(whole).hasSize(1);
		assertThat(whole.get(0).getTotal()).as("3 readings of 4 and a score").isEqualTo(13);
		assertThat(paged).hasSize(5);
		assertThat(paged).allSatisfy(page -> assertThat(page.getTotal()).isEqualTo(13));
		assertThat(ids(paged)).containsExactlyElementsOf(ids(whole));
		var observations = whole.get(0).getEntry().stream().map(e -> (Observation) e.getResource()).toList();
		assertThat(observations).isSortedAccordingTo(Comparator
			.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue())
			.thenComparing(o -> o.getIdElement().getIdPart()));
		assertThat(paged.get(1).getLink(Bundle.LINK_PREV)).isNotNull();
		var past = call(get("/fhir/Observation").param("patient", patient.id().toString()).param("_offset", "13"));
		assertThat(validJson(Bundle.class, past.getContentAsString()).getEntry()).isEmpty();
	}

	@Test
	void givenTheDosesThenEachIsKetamineInMgAtItsRateIvInTheEncounterCompletedOrInProgress() throws Exception {
		var patient = aPatientsTwoSessions();

		var given = ok(MedicationAdministration.class,
				get("/fhir/MedicationAdministration/{id}", patient.signed().record()));

		assertThat(given.getStatus()).isEqualTo(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
		assertThat(given.getMedicationCodeableConcept().getCodingFirstRep().getSystem())
			.isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
		assertThat(given.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("6130");
		assertThat(given.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
		assertThat(given.getContext().getReference()).isEqualTo("Encounter/" + patient.signed().record());
		assertThat(given.getEffectivePeriod().getStart().toInstant()).isEqualTo(MONDAY);
		assertThat(given.getEffectivePeriod().getEnd().toInstant()).isEqualTo(MONDAY.plus(Duration.ofMinutes(40)));
		assertQuantity(given.getDosage().getDose(), 35, "mg");
		assertThat(given.getDosage().getRateQuantity().getValue()).isEqualByComparingTo(new BigDecimal("52.5"));
		assertThat(given.getDosage().getRateQuantity().getCode()).isEqualTo("mg/h");
		assertThat(given.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
		assertThat(given.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("nina");

		var ofPatient = get("/fhir/MedicationAdministration").param("patient", "Patient/" + patient.id());
		assertThat(ids(pages(ofPatient))).containsExactly(patient.signed().record().toString(),
				patient.running().record().toString());
		assertThat(ids(pages(get("/fhir/MedicationAdministration").param("patient", patient.id().toString())
			.param("status", "in-progress")))).containsExactly(patient.running().record().toString());
		assertThat(ids(pages(get("/fhir/MedicationAdministration").param("context",
				"Encounter/" + patient.signed().record())))).containsExactly(patient.signed().record().toString());
		assertThat(ids(pages(get("/fhir/MedicationAdministration").param("patient", patient.id().toString())
			.param("effective-time", "2030-01-10")))).containsExactly(patient.running().record().toString());
	}

	@Test
	void givenAnAdverseEventAndASideEffectThenBothAreAdverseEventsOfTheirSeriousnessAndSeverity() throws Exception {
		var patient = aPatientsTwoSessions();
		var ofPatient = get("/fhir/AdverseEvent").param("subject", "Patient/" + patient.id());

		var all = pages(ofPatient).get(0).getEntry().stream().map(e -> (AdverseEvent) e.getResource()).toList();

		assertThat(all).hasSize(3);
		assertThat(all).allSatisfy(event -> {
			assertThat(event.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
			assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
			assertThat(event.getSuspectEntityFirstRep().getInstance().getReference())
				.isEqualTo("MedicationAdministration/" + event.getEncounter().getReferenceElement().getIdPart());
		});
		var nausea = all.get(0);
		assertThat(nausea.getIdElement().getIdPart()).startsWith("side-effect-");
		assertThat(nausea.getEvent().getText()).isEqualTo("nausea: Settled with water");
		assertThat(nausea.getSeverity().getCodingFirstRep().getCode()).isEqualTo("mild");
		var moderate = all.get(1);
		assertThat(moderate.getEvent().getText()).startsWith("Transient hypertension");
		assertThat(moderate.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Non-serious");
		assertThat(moderate.getEncounter().getReference()).isEqualTo("Encounter/" + patient.signed().record());
		var serious = all.get(2);
		assertThat(serious.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious");
		assertThat(serious.getEncounter().getReference()).isEqualTo("Encounter/" + patient.running().record());

		assertThat(ids(pages(get("/fhir/AdverseEvent").param("subject", patient.id().toString())
			.param("seriousness", "Serious")))).containsExactly(serious.getIdElement().getIdPart());
		assertThat(ids(pages(get("/fhir/AdverseEvent").param("subject", patient.id().toString())
			.param("severity", "moderate")))).containsExactly(moderate.getIdElement().getIdPart());
		assertThat(ids(pages(get("/fhir/AdverseEvent").param("subject", patient.id().toString())
			.param("date", "2030-01-07")))).containsExactly(nausea.getIdElement().getIdPart(),
					moderate.getIdElement().getIdPart());
		for (var event : all) {
			var read = ok(AdverseEvent.class, get("/fhir/AdverseEvent/{id}", event.getIdElement().getIdPart()));
			assertThat(read.getEvent().getText()).isEqualTo(event.getEvent().getText());
		}
	}

	@Test
	void givenAClientAskingForXmlThenTheEncounterComesInXml() throws Exception {
		var course = newPatientsCourse();
		var opened = opened(course.patientId(), course, 1, MONDAY);

		var answer = mvc.perform(get("/fhir/Encounter/{id}", opened.record()).param("_format", "xml")
			.with(Tokens.as("ehr-link", "integration"))).andExpect(status().isOk()).andReturn().getResponse();

		assertThat(answer.getContentType()).startsWith("application/fhir+xml");
		var encounter = validXml(Encounter.class, answer.getContentAsString());
		assertThat(encounter.getStatus()).as("opened, not checked in").isEqualTo(Encounter.EncounterStatus.ARRIVED);
		assertThat(call(get("/fhir/MedicationAdministration/{id}", opened.record())).getStatus())
			.as("no dose given yet").isEqualTo(404);
	}

	@Test
	void givenAnUnknownIdThen404AsAnOperationOutcome() throws Exception {
		var ids = List.of(UUID.randomUUID().toString(), "not-an-id", "bp-999999999999", "side-effect-999999999999",
				"cadss-x");
		for (var type : new String[] { "Encounter", "Observation", "MedicationAdministration", "AdverseEvent" }) {
			for (var id : ids) {
				var answer = call(get("/fhir/" + type + "/" + id));
				assertThat(answer.getStatus()).as(type + "/" + id).isEqualTo(404);
				validJson(OperationOutcome.class, answer.getContentAsString());
			}
		}
	}

	@Test
	void givenBadParametersThen400AsAnOperationOutcomeNever500() throws Exception {
		var bad = new MockHttpServletRequestBuilder[] { get("/fhir/Encounter").param("date", "yesterday"),
				get("/fhir/Encounter").param("date", "ne2030-01-07"),
				get("/fhir/Encounter").param("status", "sleeping"),
				get("/fhir/Encounter").param("status", "http://example.org/status|finished"),
				get("/fhir/Encounter").param("patient.name", "Ada"), get("/fhir/Encounter").param("_count", "0"),
				get("/fhir/Encounter").param("_offset", "-1"), get("/fhir/Encounter").param("colour", "blue"),
				get("/fhir/Observation").param("code", "http://loinc.org|"),
				get("/fhir/Observation").param("category", "http://example.org|vital-signs"),
				get("/fhir/Observation").param("status", "done"), get("/fhir/Observation").param("date", "sa2030"),
				get("/fhir/MedicationAdministration").param("status", "given"),
				get("/fhir/MedicationAdministration").param("effective-time", "eb2030-01-07"),
				get("/fhir/AdverseEvent").param("seriousness", "grave"),
				get("/fhir/AdverseEvent").param("severity", "http://example.org|mild"),
				get("/fhir/AdverseEvent").param("patient", "Patient/x") };
		for (var request : bad) {
			var answer = call(request);
			assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
			validJson(OperationOutcome.class, answer.getContentAsString());
		}
	}

	@Test
	void givenAStaffRoleOrNoTokenThenTheRefusalIsAnOperationOutcome() throws Exception {
		var answers = new ArrayList<MockHttpServletResponse>();
		for (var role : new String[] { "front-desk", "nurse", "clinician", "admin" }) {
			for (var path : new String[] { "/fhir/Encounter", "/fhir/Observation", "/fhir/MedicationAdministration",
					"/fhir/AdverseEvent", "/fhir/Encounter/" + UUID.randomUUID() }) {
				answers.add(mvc.perform(get(path).with(Tokens.as("staff", role)).accept(JSON))
					.andExpect(status().isForbidden())
					.andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")))
					.andReturn()
					.getResponse());
			}
		}
		answers.add(mvc.perform(get("/fhir/Observation").accept(JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andReturn()
			.getResponse());
		answers.add(mvc.perform(get("/fhir/Practitioner").with(Tokens.as("ehr-link", "integration")).accept(JSON))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse());

		for (var answer : answers) {
			assertThat(answer.getContentType()).startsWith(JSON);
			assertThat(validJson(OperationOutcome.class, answer.getContentAsString()).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		}
	}

	@Test
	void givenTheCapabilityStatementThenItIsPublicAndListsExactlyWhatSessionSupports() throws Exception {
		var answer = mvc.perform(get("/fhir/metadata").accept(JSON)).andExpect(status().isOk()).andReturn()
			.getResponse();

		var statement = validJson(CapabilityStatement.class, answer.getContentAsString());
		var server = statement.getRestFirstRep();
		assertThat(server.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
			.containsExactlyInAnyOrder("Encounter", "Observation", "MedicationAdministration", "AdverseEvent",
					"AuditEvent");
		for (var resource : server.getResource()) {
			assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
				.containsExactlyInAnyOrder("read", "search-type");
			assertThat(resource.getSearchInclude()).isEmpty();
			assertThat(resource.getSearchRevInclude()).isEmpty();
		}
		assertThat(params(server.getResource(), "Encounter")).containsExactlyInAnyOrder("patient", "date", "status",
				"appointment");
		assertThat(params(server.getResource(), "Observation")).containsExactlyInAnyOrder("patient", "encounter",
				"date", "code", "category", "status");
		assertThat(params(server.getResource(), "MedicationAdministration")).containsExactlyInAnyOrder("patient",
				"effective-time", "status", "context");
		assertThat(params(server.getResource(), "AdverseEvent")).containsExactlyInAnyOrder("subject", "date",
				"seriousness", "severity");
		assertThat(params(server.getResource(), "AuditEvent")).containsExactlyInAnyOrder("patient", "date",
				"agent-name");
	}

	private static List<String> params(List<CapabilityStatementRestResourceComponent> resources, String type) {
		return resources.stream()
			.filter(r -> r.getType().equals(type))
			.findFirst()
			.orElseThrow()
			.getSearchParam()
			.stream()
			.map(p -> p.getName())
			.toList();
	}

	private static Observation only(List<Observation> observations, String loinc) {
		var found = observations.stream().filter(o -> o.getCode().getCoding().stream()
			.anyMatch(c -> c.getSystem().equals("http://loinc.org") && c.getCode().equals(loinc))).toList();
		assertThat(found).as(loinc).hasSize(1);
		return found.get(0);
	}

	private static void assertQuantity(Quantity quantity, int value, String ucum) {
		assertThat(quantity.getValue().intValue()).isEqualTo(value);
		assertThat(quantity.getSystem()).isEqualTo("http://unitsofmeasure.org");
		assertThat(quantity.getCode()).isEqualTo(ucum);
	}
}
