package clinic.scheduling.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.platform.fhir.PageSizes;

/**
 * Scheduling's FHIR settings ({@code clinic.scheduling.fhir} in application.yml).
 *
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count})
 * @param maxPageSize the most a client may ask for per page
 */
@ConfigurationProperties("clinic.scheduling.fhir")
public record FhirSettings(int pageSize, int maxPageSize) implements PageSizes {

	public FhirSettings {
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException("clinic.scheduling.fhir: page-size must be at least 1 and at most "
					+ "max-page-size: " + pageSize + ", " + maxPageSize);
		}
	}
}
