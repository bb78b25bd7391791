package clinic.intake.eligibility;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The range within which a clinician sets a patient's mg/kg, and the mg/kg a new plan starts from (DOMAIN.md: IV
 * 0.5 mg/kg, range 0.1–1.0 mg/kg). Intake owns the range: each signed plan carries it to the session service, and
 * the clinician's page reads it from the API.
 */
@ConfigurationProperties("clinic.intake.dose")
public record DoseSettings(BigDecimal minMgPerKg, BigDecimal maxMgPerKg, BigDecimal defaultMgPerKg) {

	public DoseSettings {
		if (minMgPerKg == null || maxMgPerKg == null || defaultMgPerKg == null || minMgPerKg.signum() <= 0
				|| maxMgPerKg.compareTo(minMgPerKg) < 0 || defaultMgPerKg.compareTo(minMgPerKg) < 0
				|| defaultMgPerKg.compareTo(maxMgPerKg) > 0) {
			throw new IllegalArgumentException("clinic.intake.dose needs 0 < min-mg-per-kg <= default-mg-per-kg <= "
					+ "max-mg-per-kg");
		}
	}
}
