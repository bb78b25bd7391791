package clinic.scheduling.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.platform.fhir.PageSizes;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Scheduling's FHIR settings ({@code clinic.scheduling.fhir} in application.yml).
 *
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count}), at
 *        least 1
 * @param maxPageSize the most a client may ask for per page (and the most appointments $find proposes), at least
 *        {@code pageSize}
 * @param holdTtl how long $hold keeps a proposed appointment (its chair or slot and the patient's time) from everyone
 *        else, at least 1s
 * @param proposalTtl how long a proposal of $find (or a lapsed hold) can still be held or booked by its id, at least
 *        {@code holdTtl}
 */
@Validated
@ConfigurationProperties("clinic.scheduling.fhir")
public record FhirSettings(@Min(1) int pageSize, int maxPageSize, @NotNull Duration holdTtl,
		@NotNull Duration proposalTtl) implements PageSizes {

	@AssertTrue(message = "clinic.scheduling.fhir.max-page-size must be at least page-size")
	public boolean isMaxPageSizeAtLeastPageSize() {
		return maxPageSize >= pageSize;
	}

	@AssertTrue(message = "clinic.scheduling.fhir: hold-ttl must be at least 1s and proposal-ttl at least hold-ttl")
	public boolean isTtlsOrdered() {
		return holdTtl == null || proposalTtl == null || holdTtl.toSeconds() >= 1 && proposalTtl.compareTo(holdTtl) >= 0;
	}
}
