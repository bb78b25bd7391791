package clinic.session.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import org.springframework.stereotype.Component;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.session.doseplans.DosePlan;

/**
 * Dose maths: the planned dose is the plan's mg/kg × the weight at the chair, in mg to two decimals (half up). The
 * dose given must lie within the plan's mg/kg range (signed with the plan) and within the allowed deviation from the
 * planned dose; an IV dose's rate must make the infusion last as long as the clinic's IV infusion does.
 */
@Component
public class DoseCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	private final DosingSettings settings;

	public DoseCalculator(DosingSettings settings) {
		this.settings = settings;
	}

	public BigDecimal planned(DosePlan plan, BigDecimal weightKg) {
		return plan.mgPerKg().multiply(weightKg).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The dose to give: {@code doseMg} when the nurse entered one, else the planned dose. Refuses (naming
	 * {@code doseMg}) a dose outside the plan's range or the allowed deviation from the plan, and (as a conflict) a
	 * plan without a range or outside its own range: only a clinician can change it.
	 */
	public BigDecimal doseToGive(DosePlan plan, BigDecimal weightKg, BigDecimal doseMg) {
		if (!plan.hasRange()) {
			throw new ConflictException("The dose plan carries no dose range to check a dose against; a clinician "
					+ "must sign the decision again");
		}
		if (!plan.inRange(plan.mgPerKg())) {
			throw new ConflictException("The dose plan of " + plain(plan.mgPerKg()) + " mg/kg is outside its range of "
					+ range(plan) + "; a clinician must revise the plan");
		}
		var planned = planned(plan, weightKg);
		var dose = doseMg != null ? doseMg : planned;
		var mgPerKg = dose.divide(weightKg, 4, RoundingMode.HALF_UP);
		if (!plan.inRange(mgPerKg)) {
			throw new InvalidInputException("doseMg", mg(dose) + " mg for " + plain(weightKg) + " kg is "
					+ plain(mgPerKg) + " mg/kg, outside the plan's range of " + range(plan));
		}
		var allowed = planned.multiply(settings.planDeviationPercent()).divide(HUNDRED, 2, RoundingMode.DOWN);
		if (dose.subtract(planned).abs().compareTo(allowed) > 0) {
			throw new InvalidInputException("doseMg", mg(dose) + " mg is not the planned dose: "
					+ plain(plan.mgPerKg()) + " mg/kg × " + plain(weightKg) + " kg = " + mg(planned) + " mg (allowed "
					+ mg(planned.subtract(allowed)) + "–" + mg(planned.add(allowed)) + " mg)");
		}
		return dose.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Refuses (naming {@code infusionRateMgPerHour}) a rate at which the dose would run shorter or longer than the
	 * clinic's IV infusion, saying which rates fit.
	 */
	public void checkIvRate(BigDecimal doseMg, BigDecimal rateMgPerHour) {
		if (rateMgPerHour.signum() <= 0) {
			throw new InvalidInputException("infusionRateMgPerHour", "The infusion rate must be above 0 mg/h");
		}
		var shortest = settings.ivInfusion().shortest();
		var longest = settings.ivInfusion().longest();
		var minutes = doseMg.multiply(MINUTES_PER_HOUR).divide(rateMgPerHour, 1, RoundingMode.HALF_UP);
		if (minutes.compareTo(minutes(shortest)) < 0 || minutes.compareTo(minutes(longest)) > 0) {
			var fastest = doseMg.multiply(MINUTES_PER_HOUR).divide(minutes(shortest), 1, RoundingMode.DOWN);
			var slowest = doseMg.multiply(MINUTES_PER_HOUR).divide(minutes(longest), 1, RoundingMode.UP);
			throw new InvalidInputException("infusionRateMgPerHour", mg(doseMg) + " mg at "
					+ plain(rateMgPerHour) + " mg/h runs " + minutes.stripTrailingZeros().toPlainString()
					+ " min; an IV infusion runs " + shortest.toMinutes() + "–" + longest.toMinutes()
					+ " min, so set " + plain(slowest) + "–" + plain(fastest) + " mg/h");
		}
	}

	/** The settings the chart's dose calculator shows, as this calculator applies them. */
	public DoseLimits limits() {
		return new DoseLimits(settings.planDeviationPercent(), settings.ivInfusion().shortest().toMinutes(),
				settings.ivInfusion().longest().toMinutes(), settings.preDoseSystolicAbove(),
				settings.preDoseDiastolicAbove());
	}

	/** How long the clinic's shortest IV infusion runs: ending sooner needs a reason. */
	public Duration shortestIvInfusion() {
		return settings.ivInfusion().shortest();
	}

	private static BigDecimal minutes(Duration duration) {
		return BigDecimal.valueOf(duration.toSeconds()).divide(MINUTES_PER_HOUR, 4, RoundingMode.HALF_UP);
	}

	private static String range(DosePlan plan) {
		return plain(plan.minMgPerKg()) + "–" + plain(plan.maxMgPerKg()) + " mg/kg";
	}

	private static String mg(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
