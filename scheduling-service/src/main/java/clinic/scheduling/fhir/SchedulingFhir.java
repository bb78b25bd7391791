package clinic.scheduling.fhir;

import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.fhir.FhirService;

/**
 * What scheduling serves in FHIR, for the platform's server (clinic.platform.fhir) and its CapabilityStatement, which
 * the gateway merges with intake's: sites and chairs, chairs' schedules and bookings; no {@code _include}. Booking
 * follows IHE ITI Scheduling: $find, $hold and $book on Appointment, named by the profile's OperationDefinitions.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingFhir {

	private static final String IHE = "https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/";

	@Bean
	FhirService fhirService() {
		return FhirService.withoutIncludes("Ketamine clinic scheduling",
				"Scheduling's sites and chairs (Location), chairs' schedules (Schedule) and their slots (Slot), and "
						+ "bookings (Appointment) in "
						+ "FHIR R4, booked as IHE ITI Scheduling says ($find, $hold, $book)",
				Set.of("Location", "Schedule", "Slot", "Appointment"))
			.withOperations(Map.of("find", IHE + "appointment-find", "hold", IHE + "appointment-hold", "book",
					IHE + "appointment-book"));
	}
}
