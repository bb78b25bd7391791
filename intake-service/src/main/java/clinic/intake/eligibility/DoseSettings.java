package clinic.intake.eligibility;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The range within which a clinician sets a patient's mg/kg, and the mg/kg a new plan starts from (DOMAIN.md: IV
 * 0.5 mg/kg, range 0.1–1.0 mg/kg). Intake owns the range: each signed plan carries it to the session service, and
 * the clinician's page reads it from the API. The service refuses to start unless 0 &lt; min-mg-per-kg &lt;=
 * default-mg-per-kg &lt;= max-mg-per-kg.
 */
@Validated
@ConfigurationProperties("clinic.intake.dose")
public record DoseSettings(@NotNull @Positive BigDecimal minMgPerKg, @NotNull BigDecimal maxMgPerKg,
		@NotNull BigDecimal defaultMgPerKg) {

	@AssertTrue(message = "clinic.intake.dose needs min-mg-per-kg <= default-mg-per-kg <= max-mg-per-kg")
	public boolean isDefaultWithinRange() {
		return minMgPerKg == null || maxMgPerKg == null || defaultMgPerKg == null
				|| minMgPerKg.compareTo(defaultMgPerKg) <= 0 && defaultMgPerKg.compareTo(maxMgPerKg) <= 0;
	}
}
