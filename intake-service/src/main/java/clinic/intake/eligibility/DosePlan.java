package clinic.intake.eligibility;

import java.math.BigDecimal;

/** The dose plan a clinician sets when clearing a patient: route and mg/kg. */
public record DosePlan(Route route, BigDecimal mgPerKg) {

	public enum Route {
		IV, IM, INTRANASAL
	}
}
