package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;
import tools.jackson.databind.JsonNode;

/** The clinician review queue, decisions that supersede and never change, and the referral states. */
class ReviewAndDecisionApiTest extends IntakeIntegrationTest {

	static final String NO_RISK = "[1,1,1,1,1,1,1,1,0]";

	/** PHQ-9 item 9 above 0: a suicide-risk flag, urgent review. */
	static final String SUICIDE_RISK = "[1,1,1,1,1,1,1,1,1]";

	UUID register() throws Exception {
		return registerPatient("Review");
	}

	UUID screen(UUID patient, String phq9) throws Exception {
		return screenPatient(patient, """
				{"phq9":%s,"systolic":120,"diastolic":80,"heartRate":72,"weightKg":68.5}""".formatted(phq9));
	}

	ResultActions decide(UUID patient, String body) throws Exception {
		return mvc.perform(post("/api/intake/patients/{patientId}/eligibility-decisions", patient)
			.with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	UUID clear(UUID patient, UUID screening) throws Exception {
		var body = decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Reviewed, fit for a course",
				 "dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.supersedesId").value(nullValue()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	/** The whole chart, as a clinician reads it (the front desk's leaves out screenings and decisions). */
	JsonNode patient(UUID patient) throws Exception {
		return json.readTree(mvc.perform(get("/api/intake/patients/{patientId}", patient).with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	List<String> referralStates(UUID patient) throws Exception {
		var states = new ArrayList<String>();
		patient(patient).get("referrals").forEach(r -> states.add(r.get("state").asString()));
		return states;
	}

	// ---- review queue

	@Test
	void givenSeveralPatientsThenTheQueueListsEachUndecidedPatientOnceUrgentFirstThenOldestFirst() throws Exception {
		var older = register();
		screen(older, NO_RISK);
		var decided = register();
		clear(decided, screen(decided, NO_RISK));
		var urgent = register();
		var urgentScreening = screen(urgent, SUICIDE_RISK);
		var twice = register();
		screen(twice, NO_RISK);
		var twiceLatest = screen(twice, NO_RISK);
		var newestUrgent = register();
		screen(newestUrgent, SUICIDE_RISK);
		var notScreened = register();

		var body = mvc.perform(get("/api/intake/review-queue").with(as("dr.house", "clinician")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var mine = Set.of(older, decided, urgent, twice, newestUrgent, notScreened);
		var order = new ArrayList<UUID>();
		JsonNode urgentItem = null;
		JsonNode twiceItem = null;
		for (var item : json.readTree(body)) {
			var id = UUID.fromString(item.get("patientId").asString());
			if (mine.contains(id)) {
				order.add(id);
			}
			if (id.equals(urgent)) {
				urgentItem = item;
			}
			if (id.equals(twice)) {
				twiceItem = item;
			}
		}
		assertThat(order).containsExactly(urgent, newestUrgent, older, twice);

		assertThat(urgentItem.get("screeningId").asString()).isEqualTo(urgentScreening.toString());
		assertThat(urgentItem.get("urgent").asBoolean()).isTrue();
		assertThat(urgentItem.get("mrn").asString()).startsWith("MRN-");
		assertThat(urgentItem.get("patientName").asString()).startsWith("Review R");
		assertThat(urgentItem.get("proposedOutcome").asString()).isIn("NEEDS_REVIEW", "DECLINED");
		assertThat(urgentItem.get("screenedAt").asString()).isNotEmpty();
		assertThat(urgentItem.get("reasons").isArray()).isTrue();
		assertThat(urgentItem.get("reasons").size()).isPositive();
		assertThat(twiceItem.get("screeningId").asString()).isEqualTo(twiceLatest.toString());
		assertThat(twiceItem.get("urgent").asBoolean()).isFalse();
	}

	@Test
	void givenADecidedPatientScreenedAgainThenTheyAreBackInTheQueue() throws Exception {
		var patient = register();
		clear(patient, screen(patient, NO_RISK));
		var again = screen(patient, NO_RISK);

		mvc.perform(get("/api/intake/review-queue").with(as("ada", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.patientId == '%s')].screeningId".formatted(patient)).value(again.toString()));
	}

	@Test
	void givenANurseOrTheFrontDeskThenTheQueueIsForbidden() throws Exception {
		mvc.perform(get("/api/intake/review-queue").with(as("nina", "nurse"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/intake/review-queue").with(as("frank", "front-desk"))).andExpect(status().isForbidden());
	}

	// ---- decisions supersede, never change

	@Test
	void givenASignedDecisionThenTheDatabaseRefusesToChangeOrDeleteIt() throws Exception {
		var patient = register();
		var decision = clear(patient, screen(patient, NO_RISK));

		assertThatThrownBy(() -> jdbc.sql("update eligibility_decision set outcome = 'DECLINED' where id = :id")
			.param("id", decision)
			.update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from eligibility_decision where id = :id").param("id", decision).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThat(jdbc.sql("select outcome from eligibility_decision where id = :id")
			.param("id", decision)
			.query(String.class)
			.single()).isEqualTo("CLEARED");
	}

	@Test
	void givenASignedDecisionWhenANewOneDoesNotNameTheLatestThen409AndNothingIsStored() throws Exception {
		var patient = register();
		var screening = screen(patient, NO_RISK);
		var first = clear(patient, screening);

		decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","reason":"New cardiac history"}""".formatted(screening))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString(first.toString())));
		decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","reason":"New cardiac history","supersedesDecisionId":"%s"}"""
			.formatted(screening, UUID.randomUUID())).andExpect(status().isConflict());

		assertThat(decisionCount(patient)).isEqualTo(1);
		assertThat(patient(patient).get("status").asString()).isEqualTo("CLEARED");
	}

	@Test
	void givenASignedDecisionWhenSupersededWithoutAReasonThen400NamingReason() throws Exception {
		var patient = register();
		var screening = screen(patient, NO_RISK);
		var first = clear(patient, screening);

		decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","supersedesDecisionId":"%s"}""".formatted(screening, first))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(decisionCount(patient)).isEqualTo(1);
	}

	@Test
	void givenASignedDecisionWhenSupersededNamingTheLatestWithAReasonThen201AndTheStatusFollows() throws Exception {
		var patient = register();
		var screening = screen(patient, NO_RISK);
		var first = clear(patient, screening);

		var body = decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","reason":"Pregnancy reported after clearance",
				 "supersedesDecisionId":"%s"}""".formatted(screening, first))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.supersedesId").value(first.toString()))
			.andExpect(jsonPath("$.outcome").value("DECLINED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var second = UUID.fromString(json.readTree(body).get("id").asString());

		var details = patient(patient);
		assertThat(details.get("status").asString()).isEqualTo("DECLINED");
		assertThat(details.get("decisions").size()).isEqualTo(2);
		assertThat(details.get("decisions").get(0).get("id").asString()).isEqualTo(first.toString());
		assertThat(details.get("decisions").get(0).get("outcome").asString()).isEqualTo("CLEARED");
		assertThat(details.get("decisions").get(0).get("supersedesId").isNull()).isTrue();
		assertThat(details.get("decisions").get(1).get("supersedesId").asString()).isEqualTo(first.toString());

		// the first decision is now stale: superseding it again is refused
		decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Mistake","supersedesDecisionId":"%s",
				 "dosePlan":{"route":"IV","mgPerKg":0.5}}""".formatted(screening, first))
			.andExpect(status().isConflict());
		// the chain goes on from the latest
		decide(patient, """
				{"screeningId":"%s","outcome":"CLEARED","reason":"Pregnancy report was for another patient",
				 "supersedesDecisionId":"%s","dosePlan":{"route":"IV","mgPerKg":0.4}}""".formatted(screening, second))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.supersedesId").value(second.toString()));
		assertThat(patient(patient).get("status").asString()).isEqualTo("CLEARED");
		assertThat(decisionCount(patient)).isEqualTo(3);
	}

	@Test
	void givenNoSignedDecisionWhenANewOneClaimsToSupersedeOneThen409() throws Exception {
		var patient = register();
		var screening = screen(patient, NO_RISK);

		decide(patient, """
				{"screeningId":"%s","outcome":"DECLINED","reason":"x","supersedesDecisionId":"%s"}"""
			.formatted(screening, UUID.randomUUID())).andExpect(status().isConflict());
		assertThat(decisionCount(patient)).isZero();
	}

	long decisionCount(UUID patient) {
		return jdbc.sql("select count(*) from eligibility_decision where patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single();
	}

	// ---- referrals

	@Test
	void givenAPatientThenTheirReferralsMoveFromReceivedToScreenedToDecided() throws Exception {
		var patient = register();
		assertThat(referralStates(patient)).containsExactly("RECEIVED");

		mvc.perform(post("/api/intake/patients/{patientId}/referrals", patient).with(as("remote-system", "integration"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"Dr. Second","reason":"PTSD after accident","indication":"PTSD",
					 "attachments":[{"name":"letter.pdf","mediaType":"application/pdf","sizeBytes":48213,
					                 "reference":"dms://referrals/letter-7"}]}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("RECEIVED"))
			.andExpect(jsonPath("$.attachments[0].reference").value("dms://referrals/letter-7"));
		assertThat(referralStates(patient)).containsExactly("RECEIVED", "RECEIVED");
		assertThat(patient(patient).get("referrals").get(1).get("attachments").get(0).get("sizeBytes").asLong())
			.isEqualTo(48213);

		var screening = screen(patient, NO_RISK);
		assertThat(referralStates(patient)).containsExactly("SCREENED", "SCREENED");

		clear(patient, screening);
		assertThat(referralStates(patient)).containsExactly("DECIDED", "DECIDED");
	}

	@Test
	void givenAnAddedReferralThenReferralReceivedIsPublishedWithItsAttachmentsAndKeepsTheContract() throws Exception {
		var patient = register();
		var body = mvc.perform(post("/api/intake/patients/{patientId}/referrals", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"Dr. Second","indication":"ANXIETY",
					 "attachments":[{"name":"gad7.png","mediaType":"image/png","sizeBytes":0,"reference":"dms://x/1"}]}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var referral = json.readTree(body).get("id").asString();

		var type = "clinic.intake.referral-received.v1";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(type, patient)).size() == 2);
		var events = EventProbe.records("clinic.intake", EventProbe.ofType(type, patient));
		for (var event : events) {
			assertThat(EventSchemas.violations(type, event.value())).isEmpty();
		}
		var added = events.stream()
			.map(e -> json.readTree(e.value()))
			.filter(data -> data.get("referralId").asString().equals(referral))
			.toList();
		assertThat(added).hasSize(1);
		assertThat(added.get(0).get("indication").asString()).isEqualTo("ANXIETY");
		assertThat(added.get(0).get("attachments").get(0).get("mediaType").asString()).isEqualTo("image/png");
	}

	@Test
	void givenABadOrUnauthorisedReferralThenRejected() throws Exception {
		var patient = register();
		mvc.perform(post("/api/intake/patients/{patientId}/referrals", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"Dr. Second","indication":"PTSD",
					 "attachments":[{"name":"letter.pdf","mediaType":"application/pdf","sizeBytes":10}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem(containsString("reference"))));
		mvc.perform(post("/api/intake/patients/{patientId}/referrals", patient).with(as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"Dr. Second","indication":"PTSD"}""")).andExpect(status().isForbidden());
		mvc.perform(post("/api/intake/patients/{patientId}/referrals", UUID.randomUUID()).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"referringClinician":"Dr. Second","indication":"PTSD"}""")).andExpect(status().isNotFound());
		assertThat(referralStates(patient)).containsExactly("RECEIVED");
	}
}
