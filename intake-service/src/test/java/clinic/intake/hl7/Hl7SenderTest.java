package clinic.intake.hl7;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import clinic.intake.IntakeIntegrationTest;

/**
 * What the HL7 v2 tests share: a sender's engine (HAPI's client, sending whatever it is given, unvalidated, so a
 * test can send what a faulty engine would) on a real MLLP connection to intake's listener, the ACK's fields, and
 * people no other test has. Abstract, on the service's one test context.
 */
abstract class Hl7SenderTest extends IntakeIntegrationTest {

	/** Each test class's own: closed after the class, as a sender's engine shuts down. */
	private static HapiContext client;

	@Autowired
	MllpListener listener;

	@BeforeAll
	static void plainClient() {
		client = new DefaultHapiContext();
		client.setValidationContext(ValidationContextFactory.noValidation());
	}

	@AfterAll
	static void closeClient() throws IOException {
		client.close();
	}

	/** The message sent over a new MLLP connection, as an engine does, and the ACK it got. */
	Message send(String message) throws Exception {
		var connection = client.newClient("localhost", listener.port(), false);
		try {
			return connection.getInitiator().sendAndReceive(client.getPipeParser().parse(message));
		}
		finally {
			connection.close();
		}
	}

	static String field(Message ack, String path) throws Exception {
		var value = new Terser(ack).get(path);
		return value == null ? "" : value;
	}

	UUID patientWithMrn(String mrn) {
		return jdbc.sql("select id from patient where mrn = :mrn").param("mrn", mrn).query(UUID.class).single();
	}

	long patientsNamed(String family) {
		return jdbc.sql("select count(*) from patient where family_name = :family")
			.param("family", family)
			.query(Long.class)
			.single();
	}

	/**
	 * A person nobody else's test has: a family name of consonants of their own (after the test's initial), born
	 * before 1950.
	 */
	static final class Person {

		final String family;

		final LocalDate birthDate;

		Person(String initial) {
			var random = ThreadLocalRandom.current();
			var consonants = "bcdfghjklmnpqrstvwxz";
			var name = new StringBuilder(initial);
			for (int i = 0; i < 10; i++) {
				name.append(consonants.charAt(random.nextInt(consonants.length())));
			}
			family = name.toString();
			birthDate = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(7_300));
		}

		String hl7BirthDate() {
			return birthDate.toString().replace("-", "");
		}
	}
}
