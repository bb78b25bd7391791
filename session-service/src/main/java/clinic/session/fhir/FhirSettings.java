package clinic.session.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.platform.fhir.PageSizes;

/**
 * Session's FHIR settings ({@code clinic.session.fhir} in application.yml).
 *
 * @param codeSystem the clinic's code system for what has no standard code: CADSS-6 and its items, side effects
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count})
 * @param maxPageSize the most a client may ask for per page
 */
@ConfigurationProperties("clinic.session.fhir")
public record FhirSettings(String codeSystem, int pageSize, int maxPageSize) implements PageSizes {

	public FhirSettings {
		if (codeSystem == null || codeSystem.isBlank()) {
			throw new IllegalArgumentException("clinic.session.fhir.code-system must name the clinic's code system");
		}
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException("clinic.session.fhir: page-size must be at least 1 and at most "
					+ "max-page-size: " + pageSize + ", " + maxPageSize);
		}
	}
}
