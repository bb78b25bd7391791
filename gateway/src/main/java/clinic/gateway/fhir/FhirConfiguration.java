package clinic.gateway.fhir;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;

/** FHIR R4's structures, made once (costly: seconds) for reading and writing CapabilityStatements. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}
}
