package clinic.intake.eligibility;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The range within which a clinician sets a patient's mg/kg (DOMAIN.md: 0.1–1.0 mg/kg). */
@ConfigurationProperties("clinic.intake.dose")
public record DoseSettings(BigDecimal minMgPerKg, BigDecimal maxMgPerKg) {
}
