package clinic.session.dosing;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The clinic's dosing settings (application.yml, {@code clinic.session.dosing}). The mg/kg range is not here: it
 * travels with the clinician's dose plan (intake owns it). A dose given may differ from the planned mg/kg × weight by
 * at most {@code planDeviationPercent} (at least 0; a nurse draws from a vial; 0 means exactly the planned dose to
 * the hundredth of a mg). An IV dose runs, at the rate the nurse sets, between {@code ivInfusion.shortest} and
 * {@code ivInfusion.longest} (0 &lt; shortest &lt;= longest, around DOMAIN.md's 40 min). Before dosing, a blood
 * pressure above {@code preDoseSystolicAbove}/{@code preDoseDiastolicAbove} (DOMAIN.md: 140/90; each positive) needs
 * a clinician's confirmation.
 */
@Validated
@ConfigurationProperties("clinic.session.dosing")
public record DosingSettings(@NotNull @PositiveOrZero BigDecimal planDeviationPercent,
		@NotNull @Valid IvInfusion ivInfusion, @Positive int preDoseSystolicAbove, @Positive int preDoseDiastolicAbove) {

	/** How long an IV infusion runs at the rate set: from the shortest to the longest. */
	public record IvInfusion(@NotNull Duration shortest, @NotNull Duration longest) {

		@AssertTrue(message = "clinic.session.dosing.iv-infusion needs 0 < shortest <= longest (durations such as 35m "
				+ "and 60m)")
		public boolean isOrdered() {
			return shortest == null || longest == null
					|| !shortest.isNegative() && !shortest.isZero() && longest.compareTo(shortest) >= 0;
		}
	}
}
