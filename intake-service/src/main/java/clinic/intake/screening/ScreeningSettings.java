package clinic.intake.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

import clinic.instruments.Pcl5;

/**
 * Screening cut-offs that are clinic choices rather than published constants (published bands stay in
 * clinic.instruments). PCL-5: a total at or above {@code pcl5ProbablePtsdFrom} suggests probable PTSD; the scoring
 * guide gives 31–33, DOMAIN.md default 33. Override with {@code clinic.intake.screening.pcl5-probable-ptsd-from}.
 */
@ConfigurationProperties("clinic.intake.screening")
public record ScreeningSettings(int pcl5ProbablePtsdFrom) {

	public ScreeningSettings {
		if (pcl5ProbablePtsdFrom < 0 || pcl5ProbablePtsdFrom > Pcl5.MAX_TOTAL) {
			throw new IllegalArgumentException("clinic.intake.screening.pcl5-probable-ptsd-from must be 0 to "
					+ Pcl5.MAX_TOTAL + ", got " + pcl5ProbablePtsdFrom);
		}
	}
}
