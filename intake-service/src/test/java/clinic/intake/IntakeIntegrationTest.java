package clinic.intake;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import clinic.platform.test.ServiceIntegrationTest;
import clinic.platform.test.Tokens;

/**
 * The intake service on real PostgreSQL and Kafka, with what its integration tests share: one application context
 * (and so one database) for every class extending this, users with realm roles, and patients and screenings set
 * up through the API as the front desk and a clinician would. Tests keep apart by their own patients: the helpers
 * give every patient a family name of its own and a birth date before 1950, which no test searches for. The HL7 v2
 * listener runs on a free port, taking messages from two sending facilities. Reminders go by SMTP to a real mail
 * server (GreenMail, started once per test JVM on a free port), which every test reads for its own patients' mails.
 */
@TestPropertySource(properties = { "clinic.intake.hl7.port=0",
		"clinic.intake.hl7.allowed-facilities=NORTHSIDE-GP,EAST-CLINIC" })
public abstract class IntakeIntegrationTest extends ServiceIntegrationTest {

	/** The SMTP server the reminders go to: GreenMail takes mail for any address. */
	protected static final GreenMail MAIL = startMailServer();

	private static GreenMail startMailServer() {
		var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("clinic.intake.reminders.email.transport", () -> "smtp");
		registry.add("clinic.intake.reminders.poll-interval", () -> "500ms");
	}

	protected static RequestPostProcessor as(String user, String role) {
		return Tokens.as(user, role);
	}

	/**
	 * Registers a patient with a family name and birth date of their own, so that no other test's patient looks like
	 * a duplicate; returns the patient's id.
	 */
	protected UUID registerPatient(String givenName) throws Exception {
		return registerPatient(givenName, givenName.substring(0, 1));
	}

	/**
	 * As {@link #registerPatient(String)}, the family name starting with {@code familyPrefix}. The rest of the
	 * family name is consonants, so it never contains a name another test searches for.
	 */
	protected UUID registerPatient(String givenName, String familyPrefix) throws Exception {
		var random = ThreadLocalRandom.current();
		var consonants = "bcdfghjklmnpqrstvwxz";
		var family = new StringBuilder(familyPrefix);
		for (int i = 0; i < 10; i++) {
			family.append(consonants.charAt(random.nextInt(consonants.length())));
		}
		var birthDate = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(7_300));
		return idOf(mvc.perform(post("/api/intake/patients").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"givenName":"%s","familyName":"%s","birthDate":"%s","confirmedNotDuplicate":true,
					 "referral":{"referringClinician":"Dr. Babbage","indication":"TREATMENT_RESISTANT_DEPRESSION"}}"""
				.formatted(givenName, family, birthDate))));
	}

	/** A clinician records a screening with this body; returns the screening's id. */
	protected UUID screenPatient(UUID patient, String screening) throws Exception {
		return idOf(mvc.perform(post("/api/intake/patients/{patientId}/screenings", patient)
			.with(as("dr.house", "clinician"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(screening)));
	}

	/** The id of what the request created (201). */
	protected UUID idOf(ResultActions created) throws Exception {
		var body = created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}
}
