package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;

/** The sweep's schedule and its day boundary, without Spring: switched off it looks at nothing. */
class NoShowSweepScheduleTest {

	private static final Instant NOW = Instant.parse("2026-03-30T08:00:00Z");

	private final Appointments appointments = mock(Appointments.class);

	private NoShowSweep sweep(boolean enabled) {
		var settings = new SchedulingSettings(
				new SchedulingSettings.ChairTime(Duration.ofMinutes(40), Duration.ofMinutes(60), Duration.ofMinutes(10)),
				6, ZoneId.of("Europe/Zurich"),
				new SchedulingSettings.OpeningHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0)),
				new SchedulingSettings.CourseSettings(new SchedulingSettings.PerWeek(2, 3), 1, 4), Duration.ofMinutes(15),
				Duration.ofDays(90), new SchedulingSettings.Waitlist(3),
				new SchedulingSettings.NoShow(enabled, Duration.ofHours(2), Duration.ofMinutes(5)));
		return new NoShowSweep(appointments, mock(AppointmentLifecycle.class), mock(CalendarService.class), settings,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void givenTheSweepSwitchedOffWhenItsScheduleComesThenItLooksAtNoAppointment() {
		sweep(false).onSchedule();
		verifyNoInteractions(appointments);
	}

	@Test
	void givenTheSweepSwitchedOnWhenItsScheduleComesThenItLooksAtThoseStartedMoreThanAfterDayEndAgo() {
		sweep(true).onSchedule();
		verify(appointments).bookedStartedBefore(NOW.minus(Duration.ofHours(2)));
	}

	@Test
	void givenTheDayTheClocksGoForwardThenTheDayEndsAtTheNextLocalMidnight() {
		var zurich = ZoneId.of("Europe/Zurich");
		// Sunday 29 March 2026 has 23 hours in Zurich
		assertThat(NoShowSweep.dayOver(Instant.parse("2026-03-29T08:00:00Z"), zurich))
			.isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
		assertThat(NoShowSweep.dayOver(Instant.parse("2026-03-30T20:00:00Z"), ZoneId.of("America/New_York")))
			.isEqualTo(Instant.parse("2026-03-31T04:00:00Z"));
	}
}
