package clinic.platform.fhir;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * A service's own refusal in FHIR's words (intake's likely duplicate), asked before the platform's translations of the
 * domain's refusals ({@link FhirErrors}).
 */
@FunctionalInterface
public interface FhirErrorTranslation {

	/** The answer to a cause found along what a provider threw, or null when this translation does not know it. */
	@Nullable BaseServerResponseException translate(Throwable cause);
}
