package clinic.intake.fhir;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.platform.fhir.PageSizes;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How the clinic names itself in FHIR ({@code clinic.intake.fhir} in application.yml).
 *
 * @param mrnSystem the identifier system (a URI of the clinic's) of its medical record numbers
 * @param assigner the name of the clinic that assigns them, the identifier's assigner
 * @param indicationSystem the clinic's code system of indications (what a patient is referred for): no standard code
 * names each of them with certainty, so they are the clinic's codes
 * @param pageSize how many resources a search answers per page when the client does not say ({@code _count}), at
 * least 1
 * @param maxPageSize the most a client may ask for per page, at least {@code pageSize}
 * @param timeZone the clinic's zone, in which a date searched for without a time ({@code date=2026-12-01}) is read
 */
@Validated
@ConfigurationProperties("clinic.intake.fhir")
public record FhirSettings(@NotBlank String mrnSystem, @NotBlank String assigner, @NotBlank String indicationSystem,
		@Min(1) int pageSize, int maxPageSize, @NotNull ZoneId timeZone) implements PageSizes {

	@AssertTrue(message = "clinic.intake.fhir.max-page-size must be at least page-size")
	public boolean isMaxPageSizeAtLeastPageSize() {
		return maxPageSize >= pageSize;
	}
}
