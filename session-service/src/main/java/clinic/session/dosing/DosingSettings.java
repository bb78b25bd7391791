package clinic.session.dosing;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's dosing settings (application.yml, {@code clinic.session.dosing}). Intake's dose plan carries the
 * clinician's mg/kg but no limits of its own, so the limits are the clinic's: DOMAIN.md's range 0.1–1.0 mg/kg.
 * A dose given may differ from the planned mg/kg × weight by at most {@code planDeviationPercent} (a nurse draws
 * from a vial; 0 means exactly the planned dose to the hundredth of a mg). Before dosing, a blood pressure above
 * {@code preDoseSystolicAbove}/{@code preDoseDiastolicAbove} (DOMAIN.md: 140/90) needs a clinician's confirmation.
 */
@ConfigurationProperties("clinic.session.dosing")
public record DosingSettings(BigDecimal minMgPerKg, BigDecimal maxMgPerKg, BigDecimal planDeviationPercent,
		int preDoseSystolicAbove, int preDoseDiastolicAbove) {

	public DosingSettings {
		if (minMgPerKg == null || maxMgPerKg == null || planDeviationPercent == null
				|| minMgPerKg.signum() <= 0 || maxMgPerKg.compareTo(minMgPerKg) < 0 || planDeviationPercent.signum() < 0) {
			throw new IllegalArgumentException("clinic.session.dosing needs 0 < min-mg-per-kg <= max-mg-per-kg and a "
					+ "plan-deviation-percent of at least 0");
		}
	}
}
