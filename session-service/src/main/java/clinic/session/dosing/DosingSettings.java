package clinic.session.dosing;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's dosing settings (application.yml, {@code clinic.session.dosing}). The mg/kg range is not here: it
 * travels with the clinician's dose plan (intake owns it). A dose given may differ from the planned mg/kg × weight by
 * at most {@code planDeviationPercent} (a nurse draws from a vial; 0 means exactly the planned dose to the hundredth
 * of a mg). An IV dose runs, at the rate the nurse sets, between {@code ivInfusion.shortest} and
 * {@code ivInfusion.longest} (around DOMAIN.md's 40 min). Before dosing, a blood pressure above
 * {@code preDoseSystolicAbove}/{@code preDoseDiastolicAbove} (DOMAIN.md: 140/90) needs a clinician's confirmation.
 */
@ConfigurationProperties("clinic.session.dosing")
public record DosingSettings(BigDecimal planDeviationPercent, IvInfusion ivInfusion, int preDoseSystolicAbove,
		int preDoseDiastolicAbove) {

	/** How long an IV infusion runs at the rate set: from the shortest to the longest. */
	public record IvInfusion(Duration shortest, Duration longest) {
	}

	public DosingSettings {
		if (planDeviationPercent == null || planDeviationPercent.signum() < 0) {
			throw new IllegalArgumentException("clinic.session.dosing.plan-deviation-percent must be at least 0");
		}
		if (ivInfusion == null || ivInfusion.shortest() == null || ivInfusion.longest() == null
				|| ivInfusion.shortest().isNegative() || ivInfusion.shortest().isZero() || ivInfusion.longest().compareTo(ivInfusion.shortest()) < 0) {
			throw new IllegalArgumentException(
					"clinic.session.dosing.iv-infusion needs 0 < shortest <= longest (durations such as 35m and 60m)");
		}
	}
}
