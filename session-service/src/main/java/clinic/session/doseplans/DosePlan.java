package clinic.session.doseplans;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The dose plan a clinician set when clearing the patient: route and mg/kg of body weight, with the dose range it
 * was signed within (intake owns the range; a plan signed before the range travelled with it has none, and no dose
 * is given by such a plan).
 */
public record DosePlan(Route route, BigDecimal mgPerKg, @Nullable BigDecimal minMgPerKg,
		@Nullable BigDecimal maxMgPerKg) {

	public boolean hasRange() {
		return minMgPerKg != null && maxMgPerKg != null;
	}

	/** Whether {@code value} mg/kg lies in the plan's range (false without a range). */
	public boolean inRange(BigDecimal value) {
		return hasRange() && value.compareTo(minMgPerKg) >= 0 && value.compareTo(maxMgPerKg) <= 0;
	}
}
