package clinic.session.dosing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The dose as given: weight at the chair, the planned and the given dose in mg, the IV infusion rate (null for
 * other routes), the drug lot, who prepared it and who administered it, and when.
 */
public record Dosing(BigDecimal weightKg, BigDecimal plannedDoseMg, BigDecimal doseMg, BigDecimal infusionRateMgPerHour,
		String drugLot, String preparedBy, String administeredBy, Instant administeredAt) {
}
