package clinic.intake.fhir;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

import clinic.intake.patients.Indication;
import clinic.intake.patients.Patient;
import clinic.intake.patients.PatientIdentity;
import clinic.intake.patients.Referral;
import clinic.intake.patients.ReferralState;

/**
 * Intake's patients and referrals as FHIR R4 resources, mapping only what the domain keeps: a patient's MRN (the
 * clinic's identifier, typed {@code MR}, with its system and assigner), other systems' identifiers, links of merges,
 * name, birth date and phone; a referral's
 * patient, referring clinician (a display-only requester), indication (a coded reason of the clinic's code system),
 * free-text reason (a note), state and when it came.
 */
@Component
class FhirMapping {

	/** HL7's identifier types (v2 table 0203): {@code MR}, a medical record number. */
	static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";

	private final FhirSettings settings;

	FhirMapping(FhirSettings settings) {
		this.settings = settings;
	}

	/**
	 * The patient with its MRN first, then other systems' identifiers; a patient merged into another (ADT^A40) is
	 * inactive with a {@code replaced-by} link to its survivor, and a survivor links ({@code replaces}) each patient
	 * merged into it.
	 */
	org.hl7.fhir.r4.model.Patient patient(Patient patient, PatientIdentity identity) {
		var resource = new org.hl7.fhir.r4.model.Patient();
		resource.setId(patient.id().toString());
		resource.addIdentifier(mrn(patient.mrn()));
		for (var other : identity.identifiers()) {
			var identifier = resource.addIdentifier().setSystem(other.system()).setValue(other.value());
			if (other.assigner() != null) {
				identifier.setAssigner(new Reference().setDisplay(other.assigner()));
			}
		}
		resource.setActive(!identity.merged());
		if (identity.mergedInto() != null) {
			resource.addLink()
				.setType(org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY)
				.setOther(new Reference("Patient/" + identity.mergedInto()));
		}
		for (var replaced : identity.replaces()) {
			resource.addLink()
				.setType(org.hl7.fhir.r4.model.Patient.LinkType.REPLACES)
				.setOther(new Reference("Patient/" + replaced));
		}
		resource.addName()
			.setUse(HumanName.NameUse.OFFICIAL)
			.setFamily(patient.familyName())
			.addGiven(patient.givenName());
		resource.setBirthDateElement(new DateType(patient.birthDate().toString()));
		if (patient.phone() != null && !patient.phone().isBlank()) {
			resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(patient.phone());
		}
		return resource;
	}

	Identifier mrn(String mrn) {
		var identifier = new Identifier().setUse(Identifier.IdentifierUse.USUAL)
			.setSystem(settings.mrnSystem())
			.setValue(mrn);
		identifier.getType().addCoding(new Coding(IDENTIFIER_TYPES, "MR", "Medical record number"));
		identifier.setAssigner(new Reference().setDisplay(settings.assigner()));
		return identifier;
	}

	ServiceRequest serviceRequest(Referral referral) {
		var resource = new ServiceRequest();
		resource.setId(referral.id().toString());
		resource.setStatus(status(referral.state()));
		resource.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		resource.setSubject(new Reference("Patient/" + referral.patientId()));
		resource.setAuthoredOn(Date.from(referral.receivedAt()));
		resource.setRequester(new Reference().setDisplay(referral.referringClinician()));
		resource.addReasonCode(indication(referral.indication()));
		if (referral.reason() != null && !referral.reason().isBlank()) {
			resource.addNote().setText(referral.reason());
		}
		return resource;
	}

	/** Received, with a consultation booked or screened: still to be decided (active); decided: completed. */
	static ServiceRequest.ServiceRequestStatus status(ReferralState state) {
		return state == ReferralState.DECIDED ? ServiceRequest.ServiceRequestStatus.COMPLETED
				: ServiceRequest.ServiceRequestStatus.ACTIVE;
	}

	/** The referral states a FHIR status stands for (none for the statuses intake never gives). */
	static List<ReferralState> states(ServiceRequest.ServiceRequestStatus status) {
		return Arrays.stream(ReferralState.values()).filter(state -> status(state) == status).toList();
	}

	CodeableConcept indication(Indication indication) {
		var concept = new CodeableConcept().setText(display(indication));
		concept.addCoding(new Coding(settings.indicationSystem(), code(indication), display(indication)));
		return concept;
	}

	/** The indication a coded reason names in the clinic's code system, if it names one. */
	Optional<Indication> indicationOf(CodeableConcept concept) {
		return concept.getCoding()
			.stream()
			.filter(coding -> settings.indicationSystem().equals(coding.getSystem()))
			.flatMap(coding -> Arrays.stream(Indication.values()).filter(i -> code(i).equals(coding.getCode())))
			.findFirst();
	}

	/** {@code TREATMENT_RESISTANT_DEPRESSION} as {@code treatment-resistant-depression}. */
	static String code(Indication indication) {
		return indication.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static String display(Indication indication) {
		return switch (indication) {
			case TREATMENT_RESISTANT_DEPRESSION -> "Treatment-resistant depression";
			case ANXIETY -> "Anxiety";
			case PTSD -> "Post-traumatic stress disorder";
			case CHRONIC_PAIN -> "Chronic pain";
		};
	}
}
