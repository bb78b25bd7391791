package clinic.intake.fhir;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.fhir.FhirService;

/**
 * What intake serves in FHIR, for the platform's server (clinic.platform.fhir) and its CapabilityStatement: patients,
 * referrals, the screenings' questionnaires and the outcome scores, and of the {@code _include}s HAPI could offer only the one a ServiceRequest search supports, its
 * patient ({@link ReferralResources#INCLUDE_PATIENT}).
 */
@Configuration(proxyBeanMethods = false)
class IntakeFhir {

	@Bean
	FhirService fhirService() {
		return new FhirService("Ketamine clinic intake",
				"Intake's patients, referrals (ServiceRequest), screening questionnaires (QuestionnaireResponse) and "
						+ "outcome scores (Observation) in FHIR R4",
				Set.of("Patient", "ServiceRequest", "QuestionnaireResponse", "Observation"), (type, include) -> type.equals("ServiceRequest")
						&& include.equals(ReferralResources.INCLUDE_PATIENT));
	}
}
