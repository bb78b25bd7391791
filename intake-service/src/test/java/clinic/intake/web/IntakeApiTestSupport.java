package clinic.intake.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.RealInfrastructure;
import clinic.platform.test.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake API on real PostgreSQL and Kafka, with what the API tests share: users with realm roles, and patients
 * and screenings set up through the API as the front desk and a clinician would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class IntakeApiTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.register(registry, "intake-service");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	/**
	 * Registers a patient with a family name and birth date of their own, so that no other test's patient looks like
	 * a duplicate; returns the patient's id.
	 */
	UUID registerPatient(String givenName) throws Exception {
		return registerPatient(givenName, givenName.substring(0, 1));
	}

	/** As {@link #registerPatient(String)}, the family name starting with {@code familyPrefix}. */
	UUID registerPatient(String givenName, String familyPrefix) throws Exception {
		var random = ThreadLocalRandom.current();
		var family = new StringBuilder(familyPrefix);
		for (int i = 0; i < 10; i++) {
			family.append((char) ('a' + random.nextInt(26)));
		}
		var birthDate = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000));
		return idOf(mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"%s","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
					 "referral":{"referringClinician":"Dr. Babbage","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
				.formatted(givenName, family, birthDate))));
	}

	/** A clinician records a screening with this body; returns the screening's id. */
	UUID screenPatient(UUID patient, String screening) throws Exception {
		return idOf(mvc.perform(post("/api/intake/patients/{patientId}/screenings", patient)
			.with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening)));
	}

	/** The id of what the request created (201). */
	UUID idOf(ResultActions created) throws Exception {
		var body = created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}
}
