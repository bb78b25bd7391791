package clinic.session.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.session.doseplans.DosePlan;

/**
 * Dose maths: the planned dose is the plan's mg/kg × the weight at the chair, in mg to two decimals (half up). The
 * dose given must lie within the clinic's mg/kg limits and within the allowed deviation from the planned dose.
 */
@Component
public class DoseCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final DosingSettings settings;

	public DoseCalculator(DosingSettings settings) {
		this.settings = settings;
	}

	public BigDecimal planned(DosePlan plan, BigDecimal weightKg) {
		return plan.mgPerKg().multiply(weightKg).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The dose to give: {@code doseMg} when the nurse entered one, else the planned dose. Refuses (naming
	 * {@code doseMg}) a dose outside the clinic's limits or the allowed deviation from the plan, and (as a conflict)
	 * a plan that is itself outside the clinic's limits: only the clinician can change it.
	 */
	public BigDecimal doseToGive(DosePlan plan, BigDecimal weightKg, BigDecimal doseMg) {
		if (!withinLimits(plan.mgPerKg())) {
			throw new ConflictException("The dose plan of " + plan.mgPerKg().stripTrailingZeros().toPlainString()
					+ " mg/kg is outside the clinic's limits of " + limits() + "; a clinician must revise the plan");
		}
		var planned = planned(plan, weightKg);
		var dose = doseMg != null ? doseMg : planned;
		var mgPerKg = dose.divide(weightKg, 4, RoundingMode.HALF_UP);
		if (!withinLimits(mgPerKg)) {
			throw new InvalidInputException("doseMg", mg(dose) + " mg for " + plain(weightKg) + " kg is "
					+ plain(mgPerKg) + " mg/kg, outside the clinic's limits of " + limits());
		}
		var allowed = planned.multiply(settings.planDeviationPercent()).divide(HUNDRED, 2, RoundingMode.DOWN);
		if (dose.subtract(planned).abs().compareTo(allowed) > 0) {
			throw new InvalidInputException("doseMg", mg(dose) + " mg is not the planned dose: "
					+ plain(plan.mgPerKg()) + " mg/kg × " + plain(weightKg) + " kg = " + mg(planned) + " mg (allowed "
					+ mg(planned.subtract(allowed)) + "–" + mg(planned.add(allowed)) + " mg)");
		}
		return dose.setScale(2, RoundingMode.HALF_UP);
	}

	private boolean withinLimits(BigDecimal mgPerKg) {
		return mgPerKg.compareTo(settings.minMgPerKg()) >= 0 && mgPerKg.compareTo(settings.maxMgPerKg()) <= 0;
	}

	private String limits() {
		return plain(settings.minMgPerKg()) + "–" + plain(settings.maxMgPerKg()) + " mg/kg";
	}

	private static String mg(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
