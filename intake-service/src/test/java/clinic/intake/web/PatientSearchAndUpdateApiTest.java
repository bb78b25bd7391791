package clinic.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import clinic.contracts.EventSchemas;
import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;
import tools.jackson.databind.JsonNode;

/** Patient search, duplicate detection and updates through the API, on real PostgreSQL (unaccent, pg_trgm). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchAndUpdateApiTest extends IntakeIntegrationTest {

	JsonNode ada;

	static String registration(String given, String family, String birthDate, String phone, boolean confirmed) {
		return """
				{"givenName":"%s","familyName":"%s","birthDate":"%s",%s
				 "referral":{"referringClinician":"Dr. Babbage","indication":"ANXIETY"},"confirmedNotDuplicate":%s}"""
			.formatted(given, family, birthDate, phone == null ? "" : "\"phone\":\"" + phone + "\",", confirmed);
	}

	JsonNode register(String given, String family, String birthDate, String phone) throws Exception {
		var body = mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration(given, family, birthDate, phone, true)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body);
	}

	List<String> search(String query) throws Exception {
		var body = mvc.perform(get("/api/intake/patients").param("q", query).with(as("nina", "nurse")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var mrns = new ArrayList<String>();
		json.readTree(body).forEach(p -> mrns.add(p.get("mrn").asString()));
		return mrns;
	}

	@BeforeAll
	void somePatients() throws Exception {
		ada = register("Ada", "Lovelace", "1985-12-10", "+41 44 123 45 67");
		register("Zoë", "Müller", "1990-03-04", "079 555 66 77");
		register("Jürg", "Müller-Nüesch", "1962-07-01", null);
		register("Adam", "Smith", "1985-12-11", "+41 31 999 88 77");
	}

	String mrn(String given, String family) throws Exception {
		var body = mvc.perform(get("/api/intake/patients").param("q", given + " " + family).with(as("nina", "nurse")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (var p : json.readTree(body)) {
			if (p.get("givenName").asString().equals(given) && p.get("familyName").asString().equals(family)) {
				return p.get("mrn").asString();
			}
		}
		throw new AssertionError(given + " " + family + " not found");
	}

	@Test
	void givenPartsOfTheNameInAnyOrderThenThePatientIsFound() throws Exception {
		var mrn = ada.get("mrn").asString();
		assertThat(search("love ada")).contains(mrn);
		assertThat(search("Ada Lovelace")).first().isEqualTo(mrn);
		assertThat(search("LOVEL")).containsExactly(mrn);
		assertThat(search("lovelace smith")).isEmpty();
	}

	@Test
	void givenANameWithALetterWrongOrMissingThenThePatientIsFoundWhenNoNameHoldsItAsTyped() throws Exception {
		var mrn = ada.get("mrn").asString();
		assertThat(search("Ada Lovelase")).first().isEqualTo(mrn);
		assertThat(search("lovelase")).first().isEqualTo(mrn);
		assertThat(search("Ada Loveace")).first().isEqualTo(mrn);
		// every word searched must be like a word of the name
		assertThat(search("lovelase smith")).isEmpty();
		assertThat(search("Ada Lovelase 1985-12-11")).as("born another day").isEmpty();
		assertThat(search("Ada Lovelase 10.12.1985")).containsExactly(mrn);
	}

	@Test
	void givenEveryWordBeginningAWordOfSomeNameButNoNameHoldingThemAllThenEachWordMayBeMistyped() throws Exception {
		var curie = register("Marie", "Curie", "1967-11-07", null).get("mrn").asString();
		var curley = register("Pierre", "Curley", "1959-05-15", null).get("mrn").asString();
		assertThat(search("Pierre Curl")).as("as typed: a name holds both").contains(curley).doesNotContain(curie);
		// "curl" begins Curley, but no Marie is a Curley: then "curl" is taken for the word nearest it, Curie
		assertThat(search("Marie Curl")).contains(curie).doesNotContain(curley);
	}

	@Test
	void givenANameWithoutItsAccentsThenThePatientIsFound() throws Exception {
		var zoe = mrn("Zoë", "Müller");
		var jurg = mrn("Jürg", "Müller-Nüesch");
		assertThat(search("Zoe")).containsExactly(zoe);
		assertThat(search("muller")).containsExactlyInAnyOrder(zoe, jurg);
		assertThat(search("nuesch jurg")).containsExactly(jurg);
		assertThat(search("zoë MÜLLER")).first().isEqualTo(zoe);
	}

	@Test
	void givenPhoneDigitsInAnyFormatThenThePatientIsFound() throws Exception {
		var mrn = ada.get("mrn").asString();
		assertThat(search("044 123")).containsExactly(mrn);
		assertThat(search("+41 44 123 45 67")).containsExactly(mrn);
		assertThat(search("0041441234567")).containsExactly(mrn);
		assertThat(search("555 66 77")).containsExactly(mrn("Zoë", "Müller"));
	}

	@Test
	void givenADateOfBirthInEitherFormatThenOnlyPatientsBornThatDayAreFound() throws Exception {
		var mrn = ada.get("mrn").asString();
		assertThat(search("1985-12-10")).containsExactly(mrn);
		assertThat(search("10.12.1985")).containsExactly(mrn);
		assertThat(search("ada 11.12.1985")).containsExactly(mrn("Adam", "Smith"));
	}

	@Test
	void givenAnMrnThenThatPatientIsFoundFirst() throws Exception {
		var mrn = ada.get("mrn").asString();
		assertThat(search(mrn)).containsExactly(mrn);
		assertThat(search(mrn.toLowerCase())).containsExactly(mrn);
		assertThat(search("mrn " + Integer.parseInt(mrn.substring(4)))).containsExactly(mrn);
	}

	@Test
	void givenASimilarNameAndTheSameBirthDateThenRegistrationIsRefusedWithTheCandidatesUntilConfirmed()
			throws Exception {
		var existing = register("Marie", "Dubois", "1971-05-05", null);
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration("Marie", "Duboís", "1971-05-05", null, false)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("likely duplicate")))
			.andExpect(jsonPath("$.candidates.length()").value(1))
			.andExpect(jsonPath("$.candidates[0].id").value(existing.get("id").asString()))
			.andExpect(jsonPath("$.candidates[0].mrn").value(existing.get("mrn").asString()))
			.andExpect(jsonPath("$.candidates[0].givenName").value("Marie"))
			.andExpect(jsonPath("$.candidates[0].familyName").value("Dubois"))
			.andExpect(jsonPath("$.candidates[0].birthDate").value("1971-05-05"));
		assertThat(search("marie dubois")).hasSize(1);

		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration("Marie", "Duboís", "1971-05-05", null, true)))
			.andExpect(status().isCreated());
		assertThat(search("marie dubois")).hasSize(2);
	}

	@Test
	void givenTheSamePhoneAndBirthDateButAnotherNameThenItIsALikelyDuplicate() throws Exception {
		var existing = register("Pat", "Keller", "1980-01-02", "+41 61 222 33 44");
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration("Patricia", "Keller-Frei", "1980-01-02", "061 222 33 44", false)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.candidates[*].mrn", hasItem(existing.get("mrn").asString())));
		// a similar name born on another day is another person
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration("Pat", "Keller", "1980-01-03", null, false)))
			.andExpect(status().isCreated());
	}

	@Test
	void givenABirthDateMoreThan130YearsAgoThenA400NamesItAndNothingIsWritten() throws Exception {
		mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration("Methuselah", "Zzyxq", "1850-01-01", null, true)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("birthDate"))
			.andExpect(jsonPath("$.errors[0].message", containsString("check the year")));
		assertThat(jdbc.sql("select count(*) from patient where family_name = 'Zzyxq'").query(Long.class).single())
			.isZero();
		var patient = register("Ida", "Zzyxqw", "1950-01-01", null);
		mvc.perform(put("/api/intake/patients/{patientId}", patient.get("id").asString()).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Ida","familyName":"Zzyxqw","birthDate":"1850-01-01","version":%d}"""
				.formatted(patient.get("version").asLong())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("birthDate"));
	}

	@Test
	void givenAStaleVersionThenTheUpdateIsRefusedAndNothingChanges() throws Exception {
		var patient = register("Grace", "Hopper", "1966-12-09", null);
		var id = patient.get("id").asString();
		mvc.perform(put("/api/intake/patients/{patientId}", id).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Grace","familyName":"Hopper","birthDate":"1966-12-09","phone":"044 000 11 22","version":%d}"""
				.formatted(patient.get("version").asLong())))
			.andExpect(status().isOk());
		mvc.perform(put("/api/intake/patients/{patientId}", id).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Gracie","familyName":"Hopper","birthDate":"1966-12-09","version":%d}"""
				.formatted(patient.get("version").asLong())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("changed by someone else")));
		mvc.perform(get("/api/intake/patients/{patientId}", id).with(as("frank", "front-desk")))
			.andExpect(jsonPath("$.givenName").value("Grace"))
			.andExpect(jsonPath("$.phone").value("044 000 11 22"));
		mvc.perform(put("/api/intake/patients/{patientId}", id).with(as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Grace","familyName":"Hopper","birthDate":"1966-12-09","version":2}"""))
			.andExpect(status().isForbidden());
	}

	@Test
	void givenAnUpdateThenExactlyOneSchemaValidPatientUpdatedEventCarriesTheNewData() throws Exception {
		var patient = register("Hedy", "Kiesler", "1974-11-09", null);
		var id = UUID.fromString(patient.get("id").asString());
		mvc.perform(put("/api/intake/patients/{patientId}", id).with(as("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"Hedy","familyName":"Lamarr","birthDate":"1974-11-09","version":%d}"""
				.formatted(patient.get("version").asLong())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.familyName").value("Lamarr"))
			.andExpect(jsonPath("$.version").value(patient.get("version").asLong() + 1));
		assertThat(search("lamarr")).containsExactly(patient.get("mrn").asString());
		assertThat(search("kiesler")).doesNotContain(patient.get("mrn").asString());
		assertThat(search("Hedy Lamerr")).as("a letter wrong in the new name").contains(patient.get("mrn").asString());
		assertThat(search("Hedy Kiesller")).as("the old name, a letter added, finds her no more")
			.doesNotContain(patient.get("mrn").asString());

		var type = "clinic.intake.patient-updated.v1";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> EventProbe.records("clinic.intake", EventProbe.ofType(type, id)).size() == 1);
		outboxSettled();
		var events = EventProbe.records("clinic.intake", EventProbe.ofType(type, id));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(type, events.get(0).value())).isEmpty();
		var data = json.readTree(events.get(0).value());
		assertThat(data.get("familyName").asString()).isEqualTo("Lamarr");
		assertThat(data.get("aggregateVersion").asLong()).isEqualTo(patient.get("version").asLong() + 1);
		assertThat(data.get("mrn").asString()).isEqualTo(patient.get("mrn").asString());
	}
}
