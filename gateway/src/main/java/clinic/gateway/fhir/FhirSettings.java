package clinic.gateway.fhir;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FHIR-serving services and how their CapabilityStatements are read ({@code clinic.gateway.fhir}).
 *
 * @param services the services' lb:// names, each answering {@code /fhir/metadata}
 * @param metadataCache how long the merged statement is kept before the services are asked again
 * @param metadataTimeout how long a service's statement is waited for before the gateway answers 503
 */
@ConfigurationProperties("clinic.gateway.fhir")
public record FhirSettings(List<String> services, Duration metadataCache, Duration metadataTimeout) {

	public FhirSettings {
		services = List.copyOf(services);
		if (services.isEmpty()) {
			throw new IllegalArgumentException("clinic.gateway.fhir.services: name at least one service");
		}
	}
}
