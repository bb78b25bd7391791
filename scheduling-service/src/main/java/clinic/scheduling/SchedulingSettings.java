package clinic.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.scheduling.planning.ClinicHours;
import clinic.scheduling.planning.CourseRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Clinic settings scheduling reads (DOMAIN.md defaults in application.yml under {@code clinic.scheduling}):
 * how long an infusion holds a chair, how many infusions an induction course has and how they are spaced, the
 * clinic's time zone and opening hours (a site may set its own of either), the grid slot starts lie on, how far
 * ahead slot searches and course proposals look, the adverse-event grades that pause a course (session-service's
 * grades: MILD, MODERATE, SEVERE, SERIOUS), the waitlist's offers per slot and when an appointment nobody came to
 * counts as a no-show. Nothing clinical is written into the code. The service refuses to start on a value that would
 * break planning: a chair time that is not positive (or has a negative part), a slot grid under a second, a planning
 * horizon that is not positive, opening hours that do not open before they close.
 */
@Validated
@ConfigurationProperties("clinic.scheduling")
public record SchedulingSettings(@NotNull @Valid ChairTime chairTime, @Min(1) int inductionInfusions,
		@NotNull ZoneId timeZone, @NotNull @Valid OpeningHours openingHours, @NotNull @Valid CourseSettings course,
		@NotNull Duration slotGrid, @NotNull Duration planningHorizon, @NotNull @Valid Waitlist waitlist,
		@NotNull @Valid NoShow noShow) {

	@AssertTrue(message = "clinic.scheduling.slot-grid must be at least 1s and planning-horizon positive")
	public boolean isGridAndHorizonPositive() {
		return (slotGrid == null || slotGrid.getSeconds() >= 1)
				&& (planningHorizon == null || !planningHorizon.isNegative() && !planningHorizon.isZero());
	}

	/** How many waiting patients a freed slot is offered to at a time. */
	public record Waitlist(@Min(1) int offersPerSlot) {
	}

	/**
	 * The no-show sweep: when {@code enabled}, every {@code sweepInterval} it marks an appointment still booked as a
	 * no-show once {@code afterDayEnd} has passed since the end of its day (midnight after it, in its site's zone).
	 */
	public record NoShow(boolean enabled, @NotNull Duration afterDayEnd, @NotNull Duration sweepInterval) {

		@AssertTrue(message = "after-day-end must not be negative and sweep-interval must be positive")
		public boolean isPositive() {
			return afterDayEnd != null && sweepInterval != null && !afterDayEnd.isNegative() && !sweepInterval.isNegative()
					&& !sweepInterval.isZero();
		}
	}

	/** Chair time = infusion + recovery + turnover (DOMAIN.md: 40 + 60 + 10 minutes). */
	public record ChairTime(@NotNull Duration infusion, @NotNull Duration recovery, @NotNull Duration turnover) {

		@AssertTrue(message = "clinic.scheduling.chair-time: infusion, recovery and turnover must not be negative, "
				+ "and their sum must be positive")
		public boolean isPositive() {
			return infusion == null || recovery == null || turnover == null || !infusion.isNegative()
					&& !recovery.isNegative() && !turnover.isNegative() && !total().isZero();
		}

		public Duration total() {
			return infusion.plus(recovery).plus(turnover);
		}
	}

	/**
	 * The days the clinic is open and its hours on those days, on the wall clock of each site that has no hours of its
	 * own.
	 */
	public record OpeningHours(@NotEmpty Set<DayOfWeek> days, @NotNull LocalTime opens, @NotNull LocalTime closes) {

		@AssertTrue(message = "clinic.scheduling.opening-hours.opens must be before closes")
		public boolean isOpenBeforeClosing() {
			return opens == null || closes == null || opens.isBefore(closes);
		}
	}

	/**
	 * How an induction course is spaced (DOMAIN.md: 2–3 infusions per ISO week, at least 1 calendar day between
	 * infusions, all within 4 weeks of the first).
	 */
	public record CourseSettings(@NotNull @Valid PerWeek infusionsPerWeek, @Min(0) int minDaysBetween,
			@Min(1) int withinWeeks) {
	}

	/** The fewest and most infusions in one ISO week of a course. */
	public record PerWeek(@Min(0) int min, @Min(1) int max) {

		@AssertTrue(message = "min must not exceed max")
		public boolean isOrdered() {
			return min <= max;
		}
	}

	/** The course rules the planner applies to a course of {@code infusions} infusions. */
	public CourseRules courseRules(int infusions) {
		return new CourseRules(infusions, course.infusionsPerWeek().min(), course.infusionsPerWeek().max(),
				course.minDaysBetween(), course.withinWeeks());
	}

	/** The clinic-wide opening hours on the wall clock of {@code zone} (a site's own zone). */
	public ClinicHours clinicHours(ZoneId zone) {
		return new ClinicHours(zone, openingHours.days(), openingHours.opens(), openingHours.closes());
	}

	/** The zone a site keeps time in: its own when it has one, else the clinic's ({@code time-zone}). */
	public ZoneId zoneOf(@Nullable ZoneId siteZone) {
		return siteZone != null ? siteZone : timeZone;
	}
}
