package clinic.session.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.platform.fhir.PageSizes;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Session's FHIR settings ({@code clinic.session.fhir} in application.yml).
 *
 * @param codeSystem the clinic's code system for what has no standard code: CADSS-6 and its items, side effects
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count}), at
 * least 1
 * @param maxPageSize the most a client may ask for per page, at least {@code pageSize}
 */
@Validated
@ConfigurationProperties("clinic.session.fhir")
public record FhirSettings(@NotBlank(message = "must name the clinic's code system") String codeSystem,
		@Min(1) int pageSize, int maxPageSize) implements PageSizes {

	@AssertTrue(message = "clinic.session.fhir.max-page-size must be at least page-size")
	public boolean isMaxPageSizeAtLeastPageSize() {
		return maxPageSize >= pageSize;
	}
}
