package clinic.intake.clinical;

import java.math.BigDecimal;

/** Resting vitals and weight taken at screening. */
public record Vitals(int systolic, int diastolic, int heartRate, BigDecimal weightKg) {
}
