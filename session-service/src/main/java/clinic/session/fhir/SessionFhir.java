package clinic.session.fhir;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.fhir.FhirService;

/**
 * What session serves in FHIR, for the platform's server (clinic.platform.fhir) and its CapabilityStatement, which the
 * gateway merges with intake's and scheduling's: the sessions, their vitals and scores, doses and adverse events; no
 * {@code _include}.
 */
@Configuration(proxyBeanMethods = false)
class SessionFhir {

	@Bean
	FhirService fhirService() {
		return FhirService.withoutIncludes("Ketamine clinic sessions",
				"Session's infusion sessions (Encounter), their vitals and CADSS-6 scores (Observation), doses "
						+ "(MedicationAdministration) and adverse events and side effects (AdverseEvent) in FHIR R4",
				Set.of("Encounter", "Observation", "MedicationAdministration", "AdverseEvent"));
	}
}
