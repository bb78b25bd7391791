package clinic.intake.hl7;

import static clinic.contracts.test.FhirValidation.validJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Other systems' identifiers in PID-3 (kept, found, and refused when another patient holds one) and ADT^A40 merges,
 * over a real MLLP socket: the retired patient keeps its record, identifiers and referrals, marked merged; FHIR shows
 * both ends of the link (validated), and a search by the retired patient's identifier finds the survivor too.
 */
class Hl7MergeTest extends Hl7SenderTest {

	private static final String EHR_OID = "2.16.840.1.113883.3.7777";

	private static final String NORTHSIDE_SYSTEM = "https://ketamine-clinic.example/fhir/sid/hl7-authority/NORTHSIDE";

	@Test
	void pid3IdentifiersOfOtherAuthoritiesAreKeptShownAndFoundAndASecondPatientClaimingOneIsRefused()
			throws Exception {
		var person = new Person("m");
		var ehrId = "EHR-" + person.family;

		var ack = send(a04(person, "ID-" + person.family,
				"GP-" + person.family + "^^^NORTHSIDE~" + ehrId + "^^^NORTHSIDE-EHR&" + EHR_OID + "&ISO"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		var mrn = field(ack, "MSA-3").replace("Registered as ", "");
		var id = patientWithMrn(mrn);
		var patient = fhirPatient(id);
		assertThat(patient.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("https://ketamine-clinic.example/fhir/sid/mrn", mrn),
					org.assertj.core.groups.Tuple.tuple(NORTHSIDE_SYSTEM, "GP-" + person.family),
					org.assertj.core.groups.Tuple.tuple("urn:oid:" + EHR_OID, ehrId));
		assertThat(patient.getIdentifier().get(2).getAssigner().getDisplay()).isEqualTo("NORTHSIDE-EHR");
		assertThat(jdbc.sql("select added_by from patient_identifier where value = ?").param(ehrId)
			.query(String.class).single()).isEqualTo("hl7:GP-SYSTEM@NORTHSIDE-GP");
		assertThat(foundBy("urn:oid:" + EHR_OID + "|" + ehrId)).containsExactly(id.toString());
		assertThat(foundBy(ehrId)).as("any system").containsExactly(id.toString());

		var other = new Person("m");
		var claim = send(a04(other, "ID-CLAIM-" + other.family, ehrId + "^^^NORTHSIDE-EHR&" + EHR_OID + "&ISO"));

		assertThat(field(claim, "MSA-1")).isEqualTo("AE");
		assertThat(field(claim, "ERR-2-1")).isEqualTo("PID");
		assertThat(field(claim, "ERR-2-3")).isEqualTo("3");
		assertThat(field(claim, "ERR-8")).startsWith("PID-3").contains(mrn);
		assertThat(patientsNamed(other.family)).as("nothing half-written").isZero();

		var update = send(a04(person, "ID-A08-" + person.family,
				mrn + "^^^KETAMINE-CLINIC^MR~LAB-" + person.family + "^^^&https://lab.example/sid/patient&URI")
			.replace("ADT^A04", "ADT^A08"));

		assertThat(field(update, "MSA-1")).isEqualTo("AA");
		assertThat(fhirPatient(id).getIdentifier()).extracting(Identifier::getSystem)
			.contains("https://lab.example/sid/patient")
			.hasSize(4);
	}

	@Test
	void anA40MergesTheRetiredPatientIntoTheSurvivorKeepingItsRecordAndLinkingBothWays() throws Exception {
		var kept = new Person("m");
		var keptMrn = register(kept, "GP-" + kept.family + "^^^NORTHSIDE");
		var gone = new Person("m");
		var goneMrn = register(gone, "GP-" + gone.family + "^^^NORTHSIDE");
		var survivor = patientWithMrn(keptMrn);
		var retired = patientWithMrn(goneMrn);
		var control = "A40-" + kept.family;

		var ack = send(a40(control, keptMrn + "^^^KETAMINE-CLINIC^MR", "GP-" + gone.family + "^^^NORTHSIDE"));

		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		assertThat(field(ack, "MSA-3")).isEqualTo("Merged " + goneMrn + " into " + keptMrn);
		assertThat(jdbc.sql("select merged_into from patient where id = ?").param(retired).query(UUID.class).single())
			.isEqualTo(survivor);
		assertThat(jdbc.sql("select merged_by from patient where id = ?").param(retired).query(String.class).single())
			.isEqualTo("hl7:GP-SYSTEM@NORTHSIDE-GP");
		assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(retired).query(Long.class)
			.single()).as("the retired patient's referral stays its own").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from patient_identifier where patient_id = ?").param(retired)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select outcome from audit_log where resource = :resource and :retired = any(patient_ids)"
				+ " and :survivor = any(patient_ids)")
			.param("resource", "MSH-10=" + control)
			.param("retired", retired)
			.param("survivor", survivor)
			.query(Integer.class)
			.single()).isEqualTo(200);

		var retiredPatient = fhirPatient(retired);
		assertThat(retiredPatient.getActive()).isFalse();
		assertThat(retiredPatient.getLink()).singleElement().satisfies(link -> {
			assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
			assertThat(link.getOther().getReference()).isEqualTo("Patient/" + survivor);
		});
		var survivorPatient = fhirPatient(survivor);
		assertThat(survivorPatient.getActive()).isTrue();
		assertThat(survivorPatient.getLink()).singleElement().satisfies(link -> {
			assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACES);
			assertThat(link.getOther().getReference()).isEqualTo("Patient/" + retired);
		});
		assertThat(foundBy(NORTHSIDE_SYSTEM + "|GP-" + gone.family)).containsExactlyInAnyOrder(survivor.toString(),
				retired.toString());
		assertThat(foundBy("https://ketamine-clinic.example/fhir/sid/mrn|" + goneMrn))
			.containsExactlyInAnyOrder(survivor.toString(), retired.toString());
		mvc.perform(get("/api/intake/patients/{patientId}", retired).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referrals.length()").value(1));

		var again = send(a40("A40-AGAIN-" + kept.family, keptMrn + "^^^KETAMINE-CLINIC^MR", goneMrn));

		assertThat(field(again, "MSA-1")).isEqualTo("AE");
		assertThat(field(again, "ERR-8")).startsWith("MRG-1").contains("merged already");

		var intoRetired = send(a40("A40-INTO-" + kept.family, goneMrn, keptMrn));

		assertThat(field(intoRetired, "MSA-1")).isEqualTo("AE");
		assertThat(field(intoRetired, "ERR-8")).startsWith("PID-3").contains(keptMrn);
	}

	@Test
	void anA40NamingNoPatientOrTheSamePatientTwiceIsRefusedNamingTheField() throws Exception {
		var person = new Person("m");
		var mrn = register(person, "GP-" + person.family + "^^^NORTHSIDE");

		var unknownRetired = send(a40("A40-NO-MRG-" + person.family, mrn, "MRN-NOBODY"));
		var unknownSurvivor = send(a40("A40-NO-PID-" + person.family, "NOBODY^^^NORTHSIDE", mrn));
		var same = send(a40("A40-SAME-" + person.family, mrn, "GP-" + person.family + "^^^NORTHSIDE"));
		var withoutMrg = send(a40("A40-NO-SEG-" + person.family, mrn, "X").replaceAll("\rMRG\\|[^\r]*", ""));

		assertThat(field(unknownRetired, "MSA-1")).isEqualTo("AE");
		assertThat(field(unknownRetired, "ERR-3")).isEqualTo("204");
		assertThat(field(unknownRetired, "ERR-8")).startsWith("MRG-1").contains("MRN-NOBODY");
		assertThat(field(unknownSurvivor, "MSA-1")).isEqualTo("AE");
		assertThat(field(unknownSurvivor, "ERR-8")).startsWith("PID-3").contains("NOBODY");
		assertThat(field(same, "MSA-1")).isEqualTo("AE");
		assertThat(field(same, "ERR-8")).startsWith("MRG-1").contains("itself");
		assertThat(field(withoutMrg, "MSA-1")).isEqualTo("AE");
		assertThat(field(withoutMrg, "ERR-8")).startsWith("MRG");
		assertThat(jdbc.sql("select count(*) from patient where merged_into is not null and family_name = ?")
			.param(person.family).query(Long.class).single()).isZero();
		assertThat(fhirPatient(patientWithMrn(mrn)).getActive()).isTrue();
	}

	private String register(Person person, String pid3) throws Exception {
		var ack = send(a04(person, "REG-" + person.family, pid3));
		assertThat(field(ack, "MSA-1")).isEqualTo("AA");
		return field(ack, "MSA-3").replace("Registered as ", "");
	}

	private static String a40(String control, String pid3, String mrg1) {
		return String.join("\r",
				"MSH|^~\\&|GP-SYSTEM|NORTHSIDE-GP|INTAKE|KETAMINE-CLINIC|20260101120000||ADT^A40^ADT_A39|" + control
						+ "|P|2.5",
				"EVN|A40|20260101120000", "PID|||" + pid3, "MRG|" + mrg1);
	}

	private Patient fhirPatient(UUID id) throws Exception {
		var answer = mvc.perform(get("/fhir/Patient/{id}", id).with(as("ehr-link", "integration"))
			.accept("application/fhir+json")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(200);
		return validJson(Patient.class, answer.getContentAsString());
	}

	private java.util.List<String> foundBy(String identifier) throws Exception {
		var answer = mvc.perform(get("/fhir/Patient").param("identifier", identifier)
			.with(as("ehr-link", "integration"))
			.accept("application/fhir+json")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(200);
		return validJson(Bundle.class, answer.getContentAsString()).getEntry()
			.stream()
			.map(entry -> entry.getResource().getIdElement().getIdPart())
			.toList();
	}

	private static String a04(Person person, String control, String pid3) {
		return String.join("\r",
				"MSH|^~\\&|GP-SYSTEM|NORTHSIDE-GP|INTAKE|KETAMINE-CLINIC|20260101120000||ADT^A04^ADT_A01|"
						+ control + "|P|2.5",
				"EVN|A04|20260101120000",
				"PID|||" + pid3 + "||" + person.family + "^Ada||" + person.hl7BirthDate() + "|F",
				"PV1||O||||||^Hopper^Grace^^^Dr", "PV2|||PTSD^Nightmares after deployment");
	}
}
