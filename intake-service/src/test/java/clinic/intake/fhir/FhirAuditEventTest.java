package clinic.intake.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.Tokens;

/**
 * Intake's audit trail as FHIR AuditEvents (the platform's provider, which every FHIR-serving service has): the rows
 * real calls wrote (a registration and a chart read on the REST API, a FHIR read) come back for their patient, in the
 * order the gateway merges the services' pages in (recorded to the millisecond, then the id as text), page after
 * page, narrowed by date and by user, each resource valid R4; an id names its owner, and another service's id is
 * unknown here. Only administrators and integration clients holding the AuditEvent scope read it, and reading it is
 * itself audited.
 */
class FhirAuditEventTest extends IntakeIntegrationTest {

	private static final String JSON = "application/fhir+json";

	/** A row of intake's trail as the test reads it from the table, with its AuditEvent id. */
	private record Row(String id, Instant at, String actor) {
	}

	@Test
	void givenCallsOnAPatientThenTheirAuditEventsComeBackPageByPageInTheGatewaysOrderAndValid() throws Exception {
		var patient = registerPatient("Audra");
		var other = registerPatient("Otto");
		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/Patient/{id}", patient).with(as("ehr-link", "integration")).accept(JSON))
			.andExpect(status().isOk());
		var until = afterTheCalls();
		var expected = rowsNaming(patient, until);
		assertThat(expected).as("rows the calls wrote").hasSizeGreaterThanOrEqualTo(3);

		var pages = pages(admin(), get("/fhir/AuditEvent").param("patient", "Patient/" + patient)
			.param("date", "lt" + until)
			.param("_count", "2"));

		assertThat(pages).hasSize((expected.size() + 1) / 2);
		assertThat(pages.get(0).getLink(Bundle.LINK_PREV)).isNull();
		assertThat(pages.get(0).getTotal()).isEqualTo(expected.size());
		var events = events(pages);
		assertThat(events).extracting(event -> event.getIdElement().getIdPart())
			.containsExactlyElementsOf(expected.stream().map(Row::id).toList());
		assertThat(events).allSatisfy(event -> {
			assertThat(event.getEntity()).anySatisfy(
					entity -> assertThat(entity.getWhat().getReference()).isEqualTo("Patient/" + patient));
			assertThat(event.getEntity()).noneSatisfy(
					entity -> assertThat(entity.getWhat().getReference()).isEqualTo("Patient/" + other));
			assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("intake-service");
			assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
		});
		var registration = events.stream()
			.filter(event -> event.getAgentFirstRep().getName().equals("frank")
					&& event.getAction() == AuditEvent.AuditEventAction.C)
			.findFirst()
			.orElseThrow();
		assertThat(registration.getType().getCode()).isEqualTo("110110");
		assertThat(registration.getSubtypeFirstRep().getCode()).isEqualTo("create");
		assertThat(registration.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		var fhirRead = events.stream()
			.filter(event -> event.getAgentFirstRep().getName().equals("ehr-link"))
			.findFirst()
			.orElseThrow();
		assertThat(fhirRead.getType().getCode()).isEqualTo("rest");
		assertThat(fhirRead.getSubtypeFirstRep().getCode()).isEqualTo("read");
		assertThat(fhirRead.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		assertThat(fhirRead.getEntity()).anySatisfy(
				entity -> assertThat(entity.getDescription()).isEqualTo("GET /fhir/Patient/{patientId}"));
	}

	@Test
	void givenADateRangeOrAUserThenOnlyTheirRowsAndARefusalIsAnOutcomeOf4() throws Exception {
		var patient = registerPatient("Dora");
		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk());
		mvc.perform(get("/fhir/Patient/{id}", patient).with(as("nina", "nurse")).accept(JSON))
			.andExpect(status().isForbidden());
		var until = afterTheCalls();
		var rows = rowsNaming(patient, until);
		var from = rows.get(1).at().truncatedTo(ChronoUnit.MILLIS);

		var later = events(pages(admin(), get("/fhir/AuditEvent").param("patient", "Patient/" + patient)
			.param("date", "ge" + from, "lt" + until)));
		var byFrank = events(pages(admin(), get("/fhir/AuditEvent").param("patient", "Patient/" + patient)
			.param("date", "lt" + until)
			.param("agent-name", "FRA")));
		var byFrankExactly = events(pages(admin(), get("/fhir/AuditEvent").param("patient", "Patient/" + patient)
			.param("date", "lt" + until)
			.param("agent-name:exact", "fra")));

		assertThat(later).extracting(event -> event.getIdElement().getIdPart())
			.containsExactlyElementsOf(rows.stream()
				.filter(row -> !row.at().truncatedTo(ChronoUnit.MILLIS).isBefore(from))
				.map(Row::id)
				.toList())
			.doesNotContain(rows.get(0).id());
		assertThat(byFrank).extracting(event -> event.getIdElement().getIdPart())
			.containsExactlyElementsOf(rows.stream().filter(row -> row.actor().equals("frank")).map(Row::id).toList())
			.isNotEmpty();
		assertThat(byFrankExactly).isEmpty();
		var refused = rows.stream().filter(row -> row.actor().equals("nina")).findFirst().orElseThrow();
		var read = ok(admin(), get("/fhir/AuditEvent/{id}", refused.id()), AuditEvent.class);
		assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(read.getOutcomeDesc()).isEqualTo("HTTP 403");
	}

	@Test
	void givenAnIdOfAnotherServiceOrNoneThenNotFoundAndOwnIdsAreRead() throws Exception {
		var patient = registerPatient("Ida");
		var row = rowsNaming(patient, afterTheCalls()).get(0);
		var number = row.id().substring("intake-".length());

		var own = ok(admin(), get("/fhir/AuditEvent/{id}", row.id()), AuditEvent.class);

		assertThat(own.getIdElement().getIdPart()).isEqualTo(row.id());
		for (var unknown : List.of("session-" + number, "scheduling-" + number, number, "intake-0",
				"intake-99999999999999", "intake-" + number + "x", "intake-99999999999999999999")) {
			var answer = call(admin(), get("/fhir/AuditEvent/{id}", unknown));
			assertThat(answer.getStatus()).as(unknown).isEqualTo(404);
			assertThat(validJson(OperationOutcome.class, answer.getContentAsString()).getIssueFirstRep()
				.getDiagnostics()).contains("AuditEvent/" + unknown);
		}
	}

	@Test
	void givenANurseOrAClientWithoutTheScopeThenRefusedAndEveryReadingIsAudited() throws Exception {
		var patient = registerPatient("Nell");
		var search = get("/fhir/AuditEvent").param("patient", "Patient/" + patient);
		var reader = "siem-" + UUID.randomUUID().toString().substring(0, 8);

		var nurse = call(Tokens.as("nina", "nurse"), search);
		var frontDesk = call(Tokens.as("frank", "front-desk"), search);
		var clinician = call(Tokens.as("dr.house", "clinician"), search);
		var unscoped = call(Tokens.withScopes(reader, "integration", "system/Patient.rs system/Observation.rs"),
				search);
		var scoped = call(Tokens.withScopes(reader, "integration", "system/AuditEvent.rs"), search);
		var v1 = call(Tokens.withScopes(reader, "integration", "system/AuditEvent.read"), search);

		for (var refused : List.of(nurse, frontDesk, clinician, unscoped)) {
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(validJson(OperationOutcome.class, refused.getContentAsString()).getIssueFirstRep().getCode())
				.isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
			assertThat(refused.getContentAsString()).doesNotContain(patient.toString());
		}
		assertThat(unscoped.getHeader("WWW-Authenticate")).contains("insufficient_scope")
			.contains("system/AuditEvent");
		assertThat(scoped.getStatus()).isEqualTo(200);
		assertThat(v1.getStatus()).isEqualTo(200);
		assertThat(validJson(Bundle.class, scoped.getContentAsString()).getTotal()).isPositive();
		// a refusal comes before the search is read, so only the answered searches know their patient
		assertThat(jdbc.sql("""
				select outcome || ' ' || (patient_ids @> array[?]::uuid[]) from audit_log
				where actor = ? and action = 'GET /fhir/AuditEvent' and kind = 'search' order by id""")
			.param(patient)
			.param(reader)
			.query(String.class)
			.list()).as("the reader's searches").containsExactly("403 false", "200 true", "200 true");
		assertThat(jdbc.sql("""
				select count(*) from audit_log
				where actor = 'nina' and action = 'GET /fhir/AuditEvent' and outcome = 403""").query(Long.class)
			.single()).isPositive();
	}

	/** Every page of a search, following the next links as a client sends them; each page validated. */
	private List<Bundle> pages(RequestPostProcessor caller, MockHttpServletRequestBuilder first) throws Exception {
		var pages = new ArrayList<Bundle>();
		var page = ok(caller, first, Bundle.class);
		pages.add(page);
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			var next = URI.create(page.getLink(Bundle.LINK_NEXT).getUrl());
			page = ok(caller, get(URI.create(next.getPath() + "?" + next.getRawQuery())), Bundle.class);
			pages.add(page);
			assertThat(pages).as("pages").hasSizeLessThan(50);
		}
		return pages;
	}

	private static List<AuditEvent> events(List<Bundle> pages) {
		return pages.stream()
			.flatMap(page -> page.getEntry().stream())
			.map(entry -> (AuditEvent) entry.getResource())
			.toList();
	}

	private <T extends IBaseResource> T ok(RequestPostProcessor caller,
			MockHttpServletRequestBuilder request, Class<T> type) throws Exception {
		var answer = call(caller, request);
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith(JSON);
		return validJson(type, answer.getContentAsString());
	}

	private MockHttpServletResponse call(RequestPostProcessor caller, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(caller).accept(JSON)).andReturn().getResponse();
	}

	private static RequestPostProcessor admin() {
		return Tokens.as("audit-admin", "admin");
	}

	/**
	 * A millisecond after the last row the calls wrote (the database's clock): searching before it leaves out the rows
	 * the searches themselves add.
	 */
	private Instant afterTheCalls() throws InterruptedException {
		var now = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
		Thread.sleep(5);
		return now.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
	}

	/**
	 * The rows naming the patient written before {@code until}, ordered as the gateway orders AuditEvents: recorded
	 * (to the millisecond), then the id as text.
	 */
	private List<Row> rowsNaming(UUID patient, Instant until) {
		return jdbc.sql("""
				select id, at, actor from audit_log
				where (patient_ids @> array[?]::uuid[] or patient_id = ?) and at < ?""")
			.param(patient)
			.param(patient)
			.param(OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
			.query((rs, n) -> new Row("intake-" + rs.getLong("id"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor")))
			.list()
			.stream()
			.sorted(Comparator.comparing((Row row) -> row.at().truncatedTo(ChronoUnit.MILLIS))
				.thenComparing(Row::id))
			.toList();
	}
}
