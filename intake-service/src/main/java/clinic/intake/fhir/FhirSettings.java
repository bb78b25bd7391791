package clinic.intake.fhir;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.platform.fhir.PageSizes;

/**
 * How the clinic names itself in FHIR ({@code clinic.intake.fhir} in application.yml).
 *
 * @param mrnSystem the identifier system (a URI of the clinic's) of its medical record numbers
 * @param assigner the name of the clinic that assigns them, the identifier's assigner
 * @param indicationSystem the clinic's code system of indications (what a patient is referred for): no standard code
 * names each of them with certainty, so they are the clinic's codes
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count})
 * @param maxPageSize the most a client may ask for per page
 * @param timeZone the clinic's zone, in which a date searched for without a time ({@code date=2026-12-01}) is read
 */
@ConfigurationProperties("clinic.intake.fhir")
public record FhirSettings(String mrnSystem, String assigner, String indicationSystem, int pageSize,
		int maxPageSize, ZoneId timeZone) implements PageSizes {

	public FhirSettings {
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException("clinic.intake.fhir: page-size must be at least 1 and at most "
					+ "max-page-size: " + pageSize + ", " + maxPageSize);
		}
	}
}
