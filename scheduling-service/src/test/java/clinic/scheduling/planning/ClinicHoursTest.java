package clinic.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Opening hours are judged on the clinic's wall clock, also on the days the clocks change. */
class ClinicHoursTest {

	private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	private static final Duration CHAIR_TIME = Duration.ofMinutes(110);

	private static final ClinicHours WEEKDAYS = new ClinicHours(ZURICH,
			EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0));

	private static final ClinicHours EVERY_DAY = new ClinicHours(ZURICH, EnumSet.allOf(DayOfWeek.class),
			LocalTime.of(8, 0), LocalTime.of(18, 0));

	private static boolean covers(ClinicHours hours, String start) {
		var from = Instant.parse(start);
		return hours.covers(from, from.plus(CHAIR_TIME));
	}

	@Test
	void givenWinterTimeWhenTheSlotStartsAtOpeningThenItIsInside() {
		assertThat(covers(WEEKDAYS, "2026-03-02T07:00:00Z")).isTrue(); // Mon 08:00 CET
		assertThat(covers(WEEKDAYS, "2026-03-02T06:59:00Z")).isFalse(); // Mon 07:59 CET
	}

	@Test
	void givenTheSlotEndsAtClosingThenItIsInsideAndAMinuteLaterItIsNot() {
		assertThat(covers(WEEKDAYS, "2026-03-02T15:10:00Z")).isTrue(); // 16:10–18:00 CET
		assertThat(covers(WEEKDAYS, "2026-03-02T15:11:00Z")).isFalse(); // 16:11–18:01 CET
	}

	@Test
	void givenAWeekendDayThenClosed() {
		assertThat(covers(WEEKDAYS, "2026-03-07T09:00:00Z")).isFalse(); // Saturday
		assertThat(covers(EVERY_DAY, "2026-03-07T09:00:00Z")).isTrue();
	}

	@Test
	void givenTheSpringForwardDayThenOpeningIsAnHourEarlierInUtc() {
		// Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST; 08:00 local is 06:00Z that day, 07:00Z the day before
		assertThat(covers(EVERY_DAY, "2026-03-29T06:00:00Z")).isTrue();
		assertThat(covers(EVERY_DAY, "2026-03-29T05:30:00Z")).isFalse(); // 07:30 CEST
		assertThat(covers(EVERY_DAY, "2026-03-28T06:00:00Z")).isFalse(); // Saturday 07:00 CET
		assertThat(covers(EVERY_DAY, "2026-03-28T15:10:00Z")).isTrue(); // Saturday 16:10–18:00 CET
		assertThat(covers(EVERY_DAY, "2026-03-29T15:10:00Z")).isFalse(); // Sunday 17:10–19:00 CEST
	}

	@Test
	void givenTheFirstWeekdayAfterTheChangeThenTheDefaultHoursFollowSummerTime() {
		assertThat(covers(WEEKDAYS, "2026-03-30T06:00:00Z")).isTrue(); // Mon 08:00 CEST
		assertThat(covers(WEEKDAYS, "2026-03-27T06:00:00Z")).isFalse(); // Fri 07:00 CET
	}

	@Test
	void givenASlotAcrossTheMissingHourThenItsEndIsReadOnTheWallClockAfterTheChange() {
		var night = new ClinicHours(ZURICH, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(4, 0));
		var start = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET
		// adding 110 minutes on the wall clock would give 03:20, inside; the real end is 02:20Z = 04:20 CEST
		assertThat(night.covers(start, start.plus(CHAIR_TIME))).isFalse();
		assertThat(night.describe(start, start.plus(CHAIR_TIME))).isEqualTo("Sun 2026-03-29 01:30–04:20");
	}

	@Test
	void givenASlotAcrossTheRepeatedHourThenItEndsEarlierOnTheWallClock() {
		var night = new ClinicHours(ZURICH, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(3, 0));
		var start = Instant.parse("2026-10-24T23:30:00Z"); // Sunday 01:30 CEST
		// the clocks go back from 03:00 CEST to 02:00 CET: the slot ends 01:20Z = 02:20 CET, inside
		assertThat(night.covers(start, start.plus(CHAIR_TIME))).isTrue();
		assertThat(night.describe(start, start.plus(CHAIR_TIME))).isEqualTo("Sun 2026-10-25 01:30–02:20");
	}

	@Test
	void givenASlotOverMidnightThenItIsNotInsideOneDay() {
		var late = new ClinicHours(ZURICH, EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(23, 59));
		var start = Instant.parse("2026-03-02T22:30:00Z"); // 23:30 CET
		assertThat(late.covers(start, start.plus(CHAIR_TIME))).isFalse();
	}

	@Test
	void givenHoursThatCloseBeforeTheyOpenThenRefused() {
		assertThatThrownBy(() -> new ClinicHours(ZURICH, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
				LocalTime.of(8, 0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void givenTheDefaultsThenTheyReadAsPeopleSayThem() {
		assertThat(WEEKDAYS).hasToString("Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)");
	}

	@Test
	void givenDifferentHoursPerWeekdayThenEachDayIsJudgedOnItsOwnHoursAndTheyReadGroupedByHours() {
		var week = new java.util.EnumMap<DayOfWeek, ClinicHours.Open>(DayOfWeek.class);
		week.put(DayOfWeek.MONDAY, new ClinicHours.Open(LocalTime.of(8, 0), LocalTime.of(18, 0)));
		week.put(DayOfWeek.TUESDAY, new ClinicHours.Open(LocalTime.of(8, 0), LocalTime.of(18, 0)));
		week.put(DayOfWeek.SATURDAY, new ClinicHours.Open(LocalTime.of(9, 0), LocalTime.of(12, 0)));
		var hours = new ClinicHours(ZURICH, week);

		assertThat(covers(hours, "2026-03-07T08:00:00Z")).isTrue(); // Sat 09:00–10:50 CET
		assertThat(covers(hours, "2026-03-07T09:15:00Z")).isFalse(); // Sat 10:15–12:05: past Saturday's closing
		assertThat(covers(hours, "2026-03-03T15:00:00Z")).isTrue(); // Tue 16:00–17:50
		assertThat(covers(hours, "2026-03-04T08:00:00Z")).isFalse(); // Wednesday: closed
		assertThat(hours.opens(DayOfWeek.SATURDAY)).isEqualTo(LocalTime.of(9, 0));
		assertThat(hours).hasToString("Mon, Tue 08:00–18:00; Sat 09:00–12:00 (Europe/Zurich)");
		assertThat(new ClinicHours(ZURICH, java.util.Map.of())).hasToString("closed every day (Europe/Zurich)");
	}
}
