package clinic.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.scheduling.resources.ClinicHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Clinic settings scheduling reads (DOMAIN.md defaults in application.yml under {@code clinic.scheduling}):
 * how long an infusion holds a chair, how many infusions an induction course has, the clinic's time zone and
 * opening hours. Nothing clinical is written into the code.
 */
@Validated
@ConfigurationProperties("clinic.scheduling")
public record SchedulingSettings(@NotNull @Valid ChairTime chairTime, @Min(1) int inductionInfusions,
		@NotNull ZoneId timeZone, @NotNull @Valid OpeningHours openingHours) {

	/** Chair time = infusion + recovery + turnover (DOMAIN.md: 40 + 60 + 10 minutes). */
	public record ChairTime(@NotNull Duration infusion, @NotNull Duration recovery, @NotNull Duration turnover) {

		public Duration total() {
			return infusion.plus(recovery).plus(turnover);
		}
	}

	/** The days the clinic is open and its hours on those days, in the clinic's time zone. */
	public record OpeningHours(@NotEmpty Set<DayOfWeek> days, @NotNull LocalTime opens, @NotNull LocalTime closes) {
	}

	public ClinicHours clinicHours() {
		return new ClinicHours(timeZone, openingHours.days(), openingHours.opens(), openingHours.closes());
	}
}
