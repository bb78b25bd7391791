package clinic.scheduling.fhir;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.fhir.FhirService;

/**
 * What scheduling serves in FHIR, for the platform's server (clinic.platform.fhir) and its CapabilityStatement, which
 * the gateway merges with intake's: sites and chairs, chairs' schedules and bookings; no {@code _include}.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingFhir {

	@Bean
	FhirService fhirService() {
		return FhirService.withoutIncludes("Ketamine clinic scheduling",
				"Scheduling's sites and chairs (Location), chairs' schedules (Schedule) and bookings (Appointment) in "
						+ "FHIR R4",
				Set.of("Location", "Schedule", "Appointment"));
	}
}
