package clinic.intake.eligibility;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The dose plan a clinician sets when clearing a patient: route and mg/kg, with the clinic's mg/kg range it was
 * signed within ({@link DoseSettings}; decisions signed before the range travelled with the plan have none). The
 * range goes with the plan in eligibility-decided: the session service checks the dose given against it.
 */
public record DosePlan(Route route, BigDecimal mgPerKg, @Nullable BigDecimal minMgPerKg,
		@Nullable BigDecimal maxMgPerKg) {

	public enum Route {
		IV, IM, INTRANASAL
	}

	/** The plan as the clinician entered it: the range is added when it is signed. */
	public static DosePlan entered(Route route, BigDecimal mgPerKg) {
		return new DosePlan(route, mgPerKg, null, null);
	}

	DosePlan signedWithin(DoseSettings range) {
		return new DosePlan(route, mgPerKg, range.minMgPerKg(), range.maxMgPerKg());
	}
}
