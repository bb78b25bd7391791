package clinic.intake.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.instruments.Pcl5;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Screening cut-offs that are clinic choices rather than published constants (published bands stay in
 * clinic.instruments). PCL-5: a total at or above {@code pcl5ProbablePtsdFrom} suggests probable PTSD; the scoring
 * guide gives 31–33, DOMAIN.md default 33. Override with {@code clinic.intake.screening.pcl5-probable-ptsd-from},
 * 0 to {@link Pcl5#MAX_TOTAL} (80).
 */
@Validated
@ConfigurationProperties("clinic.intake.screening")
public record ScreeningSettings(@Min(0) @Max(Pcl5.MAX_TOTAL) int pcl5ProbablePtsdFrom) {
}
