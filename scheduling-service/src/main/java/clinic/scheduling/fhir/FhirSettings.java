package clinic.scheduling.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.platform.fhir.PageSizes;

/**
 * Scheduling's FHIR settings ({@code clinic.scheduling.fhir} in application.yml).
 *
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count})
 * @param maxPageSize the most a client may ask for per page (and the most appointments $find proposes)
 * @param holdTtl how long $hold keeps a proposed appointment (its chair or slot and the patient's time) from everyone
 *        else
 * @param proposalTtl how long a proposal of $find (or a lapsed hold) can still be held or booked by its id
 */
@ConfigurationProperties("clinic.scheduling.fhir")
public record FhirSettings(int pageSize, int maxPageSize, Duration holdTtl, Duration proposalTtl) implements PageSizes {

	public FhirSettings {
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException("clinic.scheduling.fhir: page-size must be at least 1 and at most "
					+ "max-page-size: " + pageSize + ", " + maxPageSize);
		}
		if (holdTtl == null || holdTtl.toSeconds() < 1 || proposalTtl == null || proposalTtl.compareTo(holdTtl) < 0) {
			throw new IllegalArgumentException("clinic.scheduling.fhir: hold-ttl must be at least 1s and proposal-ttl "
					+ "at least hold-ttl: " + holdTtl + ", " + proposalTtl);
		}
	}
}
