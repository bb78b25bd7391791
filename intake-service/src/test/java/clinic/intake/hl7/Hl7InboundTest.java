package clinic.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * HL7 v2 in, over a real MLLP socket: ADT^A04 registers (and a second one is a likely duplicate, nothing written),
 * ADT^A08 updates, REF^I12 adds a referral, every message answered with an ACK whose MSA-2 is its MSH-10, refusals
 * naming the field, and the audit trail naming the sender.
 */
class Hl7InboundTest extends Hl7SenderTest {

	@Test
	void anA04RegistersThePatientWithItsReferralAndASecondIsADuplicate() throws Exception {
		var person = new Person("h");
		var control = "A04-" + UUID.randomUUID().toString().substring(0, 8);

		var ack = send(a04(person, control, "NORTHSIDE-GP"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		assertThat(field(ack, "MSA-2")).isEqualTo(control);
		var mrn = field(ack, "MSA-3").replace("Registered as ", "");
		var patient = patientWithMrn(mrn);
		mvc.perform(get("/api/intake/patients/{patientId}", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.familyName").value(person.family))
			.andExpect(jsonPath("$.givenName").value("Ada"))
			.andExpect(jsonPath("$.birthDate").value(person.birthDate.toString()))
			.andExpect(jsonPath("$.phone").value("+44 20 7946 0958"))
			.andExpect(jsonPath("$.referrals[0].referringClinician").value("Dr Grace Hopper"))
			.andExpect(jsonPath("$.referrals[0].indication").value("PTSD"))
			.andExpect(jsonPath("$.referrals[0].reason").value("Nightmares after deployment"));
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("""
					select count(*) from event_publication where event_type like '%PatientRegistered'
					and serialized_event like :id and completion_date is not null""")
				.param("id", "%" + patient + "%")
				.query(Long.class)
				.single() == 1);

		var again = send(a04(person, "A04-AGAIN-" + control, "NORTHSIDE-GP"));

		assertThat(field(again, "MSA-1")).isEqualTo("AE");
		assertThat(field(again, "MSA-2")).isEqualTo("A04-AGAIN-" + control);
		assertThat(field(again, "ERR-8")).contains(mrn);
		assertThat(field(again, "ERR-3")).isEqualTo("205");
		assertThat(patientsNamed(person.family)).isEqualTo(1);
	}

	@Test
	void anA04WithABirthDateThatIsNoDateIsRefusedNamingPid7() throws Exception {
		var person = new Person("h");

		var ack = send(a04(person, "A04-BAD-DATE", "NORTHSIDE-GP").replace(person.hl7BirthDate(), "19801340"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AE");
		assertThat(field(ack, "ERR-2-1")).isEqualTo("PID");
		assertThat(field(ack, "ERR-2-3")).isEqualTo("7");
		assertThat(field(ack, "ERR-8")).startsWith("PID-7");
		assertThat(patientsNamed(person.family)).isZero();
	}

	@Test
	void anA04BornMoreThan130YearsAgoIsRefusedByTheDomainsRuleNamingPid7() throws Exception {
		var person = new Person("h");

		var ack = send(a04(person, "A04-OLD", "NORTHSIDE-GP").replace(person.hl7BirthDate(), "18500101"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AE");
		assertThat(field(ack, "ERR-8")).startsWith("PID-7").contains("130 years");
		assertThat(patientsNamed(person.family)).isZero();
	}

	@Test
	void anA04WithoutAPidSegmentIsRefusedNamingTheSegment() throws Exception {
		var person = new Person("h");
		var withoutPid = a04(person, "A04-NO-PID", "NORTHSIDE-GP").replaceAll("\rPID\\|[^\r]*", "");

		var ack = send(withoutPid);

		assertThat(field(ack, "MSA-1")).isEqualTo("AE");
		assertThat(field(ack, "MSA-2")).isEqualTo("A04-NO-PID");
		assertThat(field(ack, "ERR-2-1")).isEqualTo("PID");
		assertThat(field(ack, "ERR-8")).startsWith("PID");
		assertThat(patientsNamed(person.family)).isZero();
	}

	@Test
	void anA04WithoutAReferringClinicianIsRefusedNamingPv18() throws Exception {
		var person = new Person("h");

		var ack = send(a04(person, "A04-NO-REF", "NORTHSIDE-GP").replace("^Hopper^Grace^^^Dr", ""));

		assertThat(field(ack, "MSA-1")).isEqualTo("AE");
		assertThat(field(ack, "ERR-8")).startsWith("PV1-8");
		assertThat(patientsNamed(person.family)).isZero();
	}

	@Test
	void anA04FromAFacilityNotAllowedIsRejectedAndAudited() throws Exception {
		var person = new Person("h");
		var control = "A04-STRANGER-" + UUID.randomUUID().toString().substring(0, 8);

		var ack = send(a04(person, control, "SOMEWHERE-ELSE"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AR");
		assertThat(field(ack, "MSA-2")).isEqualTo(control);
		assertThat(field(ack, "ERR-8")).contains("SOMEWHERE-ELSE");
		assertThat(patientsNamed(person.family)).isZero();
		assertThat(jdbc.sql("select outcome from audit_log where resource = :resource")
			.param("resource", "MSH-10=" + control)
			.query(Integer.class)
			.single()).isEqualTo(403);
	}

	@Test
	void anA08ChangesThePhoneOfThePatientWithTheMrnInPid3() throws Exception {
		var person = new Person("h");
		var mrn = field(send(a04(person, "A08-SETUP-" + person.family, "NORTHSIDE-GP")), "MSA-3")
			.replace("Registered as ", "");
		var update = a04(person, "A08-" + person.family, "NORTHSIDE-GP")
			.replace("ADT^A04", "ADT^A08")
			.replace("GP-" + person.family + "^^^NORTHSIDE", mrn + "^^^KETAMINE-CLINIC^MR")
			.replace("+44 20 7946 0958", "+44 20 7946 0000");

		var ack = send(update);

		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		mvc.perform(get("/api/intake/patients/{patientId}", patientWithMrn(mrn)).with(as("frank", "front-desk")))
			.andExpect(jsonPath("$.phone").value("+44 20 7946 0000"))
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void anA08ForAnMrnNobodyHasIsRefused() throws Exception {
		var ack = send(a04(new Person("h"), "A08-NOBODY", "NORTHSIDE-GP")
			.replace("ADT^A04", "ADT^A08")
			.replaceFirst("GP-[a-z]+\\^\\^\\^NORTHSIDE", "MRN-NOBODY^^^KETAMINE-CLINIC^MR"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AE");
		assertThat(field(ack, "ERR-3")).isEqualTo("204");
		assertThat(field(ack, "ERR-8")).startsWith("PID-3");
	}

	@Test
	void anI12AddsAReferralToThePatientWithTheMrn() throws Exception {
		// the indication as FHIR's code system of the clinic writes it (chronic-pain); A04s here use the REST API's name
		var person = new Person("h");
		var mrn = field(send(a04(person, "I12-SETUP-" + person.family, "NORTHSIDE-GP")), "MSA-3")
			.replace("Registered as ", "");
		var referral = String.join("\r", "MSH|^~\\&|GP-SYSTEM|NORTHSIDE-GP|INTAKE|KETAMINE-CLINIC|20260101120000||REF^I12|I12-"
				+ person.family + "|P|2.5", "RF1|P^Pending||||||20260101", "PID|||" + mrn + "^^^KETAMINE-CLINIC^MR",
				"PV1||O||||||^Lovelace^Ada^^^Dr", "PV2|||chronic-pain^Back pain for ten years");

		var ack = send(referral);

		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		mvc.perform(get("/api/intake/patients/{patientId}", patientWithMrn(mrn)).with(as("frank", "front-desk")))
			.andExpect(jsonPath("$.referrals.length()").value(2))
			.andExpect(jsonPath("$.referrals[?(@.indication == 'CHRONIC_PAIN')].referringClinician").value("Dr Ada Lovelace"));
	}

	@Test
	void aMessageTypeIntakeDoesNotTakeIsRejected() throws Exception {
		var ack = send(a04(new Person("h"), "A03-X", "NORTHSIDE-GP").replace("ADT^A04", "ADT^A03"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AR");
		assertThat(field(ack, "MSA-2")).isEqualTo("A03-X");
	}

	@Test
	void garbageIsRejectedAndTheConnectionStaysOpen() throws Exception {
		try (var socket = new Socket("localhost", listener.port())) {
			socket.setSoTimeout(10_000);

			var first = exchange(socket, "this is no HL7 message");
			// an MSH with its control id (MSH-10) but neither type nor version: HAPI cannot parse it
			var second = exchange(socket, "MSH|^~\\&|GP-SYSTEM|NORTHSIDE-GP||||||GARBAGE-2");

			assertThat(first).contains("\rMSA|AR|\r");
			assertThat(second).contains("\rMSA|AR|GARBAGE-2\r");
		}
	}

	@Test
	void eachAppliedMessageIsAuditedWithTheSenderAsActor() throws Exception {
		var person = new Person("h");
		var control = "A04-AUDIT-" + UUID.randomUUID().toString().substring(0, 8);

		var mrn = field(send(a04(person, control, "NORTHSIDE-GP")), "MSA-3").replace("Registered as ", "");

		var row = jdbc.sql("""
				select actor, client_id, action, kind, outcome, patient_id from audit_log where resource = :resource""")
			.param("resource", "MSH-10=" + control)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getObject(6, UUID.class) })
			.single();
		assertThat(row).containsExactly("hl7:GP-SYSTEM@NORTHSIDE-GP", "hl7-mllp", "HL7 ADT^A04", "create", 201,
				patientWithMrn(mrn));
	}

	/** One MLLP frame out, one in: what a sender's engine does. */
	private static String exchange(Socket socket, String message) throws IOException {
		var out = socket.getOutputStream();
		out.write(0x0b);
		out.write(message.getBytes(StandardCharsets.UTF_8));
		out.write(new byte[] { 0x1c, 0x0d });
		out.flush();
		var in = socket.getInputStream();
		var answer = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != 0x1c) {
			if (b == -1) {
				throw new IOException("The listener closed the connection: " + answer);
			}
			if (b != 0x0b) {
				answer.write(b);
			}
		}
		in.read();
		return answer.toString(StandardCharsets.UTF_8);
	}

	private static String a04(Person person, String control, String facility) {
		return String.join("\r",
				"MSH|^~\\&|GP-SYSTEM|" + facility + "|INTAKE|KETAMINE-CLINIC|20260101120000||ADT^A04^ADT_A01|"
						+ control + "|P|2.5",
				"EVN|A04|20260101120000",
				"PID|||GP-" + person.family + "^^^NORTHSIDE||" + person.family + "^Ada||" + person.hl7BirthDate() + "|F|||||+44 20 7946 0958",
				"PV1||O||||||^Hopper^Grace^^^Dr", "PV2|||PTSD^Nightmares after deployment");
	}
}
