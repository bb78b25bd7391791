package clinic.scheduling.planning;

import static clinic.scheduling.planning.CalendarFixture.CHAIR_A;
import static clinic.scheduling.planning.CalendarFixture.CHAIR_B;
import static clinic.scheduling.planning.CalendarFixture.CHAIR_C;
import static clinic.scheduling.planning.CalendarFixture.OTHER;
import static clinic.scheduling.planning.CalendarFixture.PATIENT;
import static clinic.scheduling.planning.CalendarFixture.ZURICH;
import static clinic.scheduling.planning.CalendarFixture.at;
import static clinic.scheduling.planning.CalendarFixture.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;


/** Slots on constructed calendars; March 2026 before the 29th is CET (UTC+1), after it CEST (UTC+2). */
class SlotFinderTest {

	private static final Instant MONDAY = at("2026-03-02T00:00");

	private static final Instant MONTH_END = at("2026-04-01T00:00");

	private static Slot slot(UUID chair, String startUtc) {
		var start = utc(startUtc);
		return new Slot(chair, start, start.plus(CalendarFixture.CHAIR_TIME));
	}

	private static List<Instant> starts(List<Slot> slots) {
		return slots.stream().map(Slot::start).toList();
	}

	@Test
	void givenAnEmptyDayThenTheFirstSlotStartsAtOpeningAndTheLastEndsBeforeClosing() {
		var finder = new CalendarFixture().dayShifts("2026-03-02", "2026-03-02", 4).finder();

		var slots = finder.earliest(PATIENT, MONDAY, at("2026-03-03T00:00"), Preferences.NONE, 100);

		// 08:00 CET … 16:00 CET (16:15 would end 18:05): 33 starts on the 15-minute grid
		assertThat(slots).hasSize(33);
		assertThat(slots.get(0)).isEqualTo(slot(CHAIR_A, "2026-03-02T07:00:00Z"));
		assertThat(slots.get(1)).isEqualTo(slot(CHAIR_A, "2026-03-02T07:15:00Z"));
		assertThat(slots.get(32)).isEqualTo(slot(CHAIR_A, "2026-03-02T15:00:00Z"));
	}

	@Test
	void givenAClosureDayThenItIsSkipped() {
		var finder = new CalendarFixture().closed("2026-03-02").dayShifts("2026-03-02", "2026-03-06", 4).finder();

		var slots = finder.earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 1);

		assertThat(slots).containsExactly(slot(CHAIR_A, "2026-03-03T07:00:00Z"));
	}

	@Test
	void givenAWeekendThenTheNextSlotIsOnMonday() {
		var finder = new CalendarFixture().dayShifts("2026-03-06", "2026-03-09", 4).finder();

		var slots = finder.earliest(PATIENT, at("2026-03-06T16:01"), MONTH_END, Preferences.NONE, 1);

		assertThat(slots).containsExactly(slot(CHAIR_A, "2026-03-09T07:00:00Z"));
	}

	@Test
	void givenAPartialDayWhenTheClinicClosesEarlyThenTheLastSlotThatWouldOverrunIsNotOffered() {
		var finder = new CalendarFixture().hours(CalendarFixture.weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0)))
			.dayShifts("2026-03-02", "2026-03-03", 4)
			.finder();

		var slots = finder.earliest(PATIENT, at("2026-03-02T09:50"), MONTH_END, Preferences.NONE, 3);

		// Mon 10:00–11:50 fits; 10:15 would end 12:05; next is Tuesday 08:00
		assertThat(starts(slots)).containsExactly(utc("2026-03-02T09:00:00Z"), utc("2026-03-03T07:00:00Z"),
				utc("2026-03-03T07:15:00Z"));
	}

	@Test
	void givenANurseShiftCoveringOnlyPartOfTheDayThenSlotsLieInsideTheShift() {
		var finder = new CalendarFixture().shift("2026-03-02", "08:00", "11:00", 4)
			.shift("2026-03-02", "13:00", "18:00", 4)
			.finder();

		var slots = finder.earliest(PATIENT, at("2026-03-02T09:00"), MONTH_END, Preferences.NONE, 3);

		// 09:00–10:50 inside the morning shift; 09:15–11:05 would outlast it; then the afternoon shift from 13:00
		assertThat(starts(slots)).containsExactly(utc("2026-03-02T08:00:00Z"), utc("2026-03-02T12:00:00Z"),
				utc("2026-03-02T12:15:00Z"));
	}

	@Test
	void givenTwoShiftsThatOnlyTogetherCoverTheSlotThenNoNurseIsOnShiftForTheWholeSlot() {
		var finder = new CalendarFixture().shift("2026-03-02", "08:00", "12:00", 4)
			.shift("2026-03-02", "12:00", "18:00", 4)
			.finder();

		var slots = finder.earliest(PATIENT, at("2026-03-02T10:00"), MONTH_END, Preferences.NONE, 1);

		// 10:00–11:50 fits the morning; 10:15 … 11:45 straddle the handover; 12:00 fits the afternoon
		assertThat(slots).containsExactly(slot(CHAIR_A, "2026-03-02T09:00:00Z"));
		assertThat(finder.earliest(PATIENT, at("2026-03-02T10:05"), MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T11:00:00Z"));
	}

	@Test
	void givenNurseCapacityReachedWhileAChairIsFreeThenTheSlotWaitsForCapacity() {
		var calendar = new CalendarFixture().chairs(CHAIR_A, CHAIR_B, CHAIR_C)
			.shift("2026-03-02", "07:00", "19:00", 2)
			.booked(CHAIR_A, OTHER, "2026-03-02T08:00", "2026-03-02T09:50")
			.booked(CHAIR_B, OTHER, "2026-03-02T08:30", "2026-03-02T10:20");

		var slots = calendar.finder().earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 1);

		// chair C is free all day, but one nurse watches 2 chairs and 2 infusions run until 09:50; a slot starting
		// 09:50 still overlaps B until 10:20, which is fine (2 running at most); next grid start 10:00 in chair A
		assertThat(slots).containsExactly(slot(CHAIR_A, "2026-03-02T09:00:00Z"));
	}

	@Test
	void givenASecondNurseOnShiftThenTheFreeChairIsUsedAtOnce() {
		var calendar = new CalendarFixture().chairs(CHAIR_A, CHAIR_B, CHAIR_C)
			.shift("2026-03-02", "07:00", "19:00", 2)
			.shift("2026-03-02", "07:00", "19:00", 2)
			.booked(CHAIR_A, OTHER, "2026-03-02T08:00", "2026-03-02T09:50")
			.booked(CHAIR_B, OTHER, "2026-03-02T08:30", "2026-03-02T10:20");

		var slots = calendar.finder().earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 1);

		assertThat(slots).containsExactly(slot(CHAIR_C, "2026-03-02T07:00:00Z"));
	}

	@Test
	void givenThePatientsOwnAppointmentThenTheirSlotStartsAfterItWhileOthersGetTheChairEarlier() {
		var finder = new CalendarFixture().chairs(CHAIR_A, CHAIR_B)
			.dayShifts("2026-03-02", "2026-03-02", 4)
			.booked(CHAIR_B, PATIENT, "2026-03-02T08:00", "2026-03-02T09:10")
			.finder();

		assertThat(finder.earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T08:15:00Z")); // 09:15 CET, after their own until 09:10
		assertThat(finder.earliest(OTHER, MONDAY, MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T07:00:00Z"));
	}

	@Test
	void givenThePatientsAppointmentsAmongOthersThenOnlyTheirOwnHoldThemBack() {
		var finder = new CalendarFixture().chairs(CHAIR_A, CHAIR_B, CHAIR_C)
			.dayShifts("2026-03-02", "2026-03-02", 6)
			.booked(CHAIR_B, OTHER, "2026-03-02T07:00", "2026-03-02T07:50")
			.booked(CHAIR_B, PATIENT, "2026-03-02T08:00", "2026-03-02T09:10")
			.booked(CHAIR_C, OTHER, "2026-03-02T09:00", "2026-03-02T12:00")
			.booked(CHAIR_B, PATIENT, "2026-03-02T09:15", "2026-03-02T10:30")
			.finder();

		// both of their own, the second too: not before 10:30 CET
		assertThat(finder.earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T09:30:00Z"));
		assertThat(finder.check(PATIENT, slot(CHAIR_A, "2026-03-02T08:15:00Z"))).extracting(Problem::rule)
			.containsExactly(Problem.Rule.PATIENT_BUSY);
		// the other patient's own two: not before 12:00 CET
		assertThat(finder.earliest(OTHER, MONDAY, MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T11:00:00Z"));
		// a patient with none: at opening (08:00 CET)
		assertThat(finder.earliest(UUID.randomUUID(), MONDAY, MONTH_END, Preferences.NONE, 1))
			.containsExactly(slot(CHAIR_A, "2026-03-02T07:00:00Z"));
	}

	@Test
	void givenABusyChairThenTheNextChairIsOfferedAndWhenAllAreBusyTheSlotMovesOn() {
		var finder = new CalendarFixture().chairs(CHAIR_A, CHAIR_B)
			.dayShifts("2026-03-02", "2026-03-02", 4)
			.booked(CHAIR_A, OTHER, "2026-03-02T08:00", "2026-03-02T12:00")
			.booked(CHAIR_B, OTHER, "2026-03-02T09:00", "2026-03-02T11:00")
			.finder();

		var slots = finder.earliest(PATIENT, MONDAY, MONTH_END, Preferences.NONE, 2);

		// B is free 11:00 on (A until 12:00)
		assertThat(slots).containsExactly(slot(CHAIR_B, "2026-03-02T10:00:00Z"), slot(CHAIR_B, "2026-03-02T10:15:00Z"));
	}

	@Test
	void givenPreferencesThenOnlyTheWantedDaysAndTimesAreOffered() {
		var finder = new CalendarFixture().dayShifts("2026-03-02", "2026-03-06", 4).finder();
		var preferences = new Preferences(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0),
				LocalTime.of(14, 0));

		var slots = finder.earliest(PATIENT, MONDAY, MONTH_END, preferences, 10);

		// Tue 10:00 … 12:00 (12:00–13:50 is the last ending by 14:00): 9 starts, then Thursday 10:00
		assertThat(slots).hasSize(10);
		assertThat(slots.get(0)).isEqualTo(slot(CHAIR_A, "2026-03-03T09:00:00Z"));
		assertThat(slots.get(8)).isEqualTo(slot(CHAIR_A, "2026-03-03T11:00:00Z"));
		assertThat(slots.get(9)).isEqualTo(slot(CHAIR_A, "2026-03-05T09:00:00Z"));
	}

	@Test
	void givenTheSpringForwardDayThenSlotsFollowSummerTimeInUtc() {
		var everyDay = new ClinicHours(ZURICH, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0));
		var finder = new CalendarFixture().hours(everyDay).dayShifts("2026-03-28", "2026-03-30", 4).finder();
		var from = at("2026-03-28T00:00");
		var until = at("2026-03-31T00:00");

		var saturday = finder.firstOn(LocalDate.parse("2026-03-28"), PATIENT, from, until, Preferences.NONE);
		var sunday = finder.earliest(PATIENT, at("2026-03-29T00:00"), at("2026-03-30T00:00"), Preferences.NONE, 100);

		assertThat(saturday).contains(slot(CHAIR_A, "2026-03-28T07:00:00Z")); // 08:00 CET
		assertThat(sunday).hasSize(33);
		assertThat(sunday.get(0)).isEqualTo(slot(CHAIR_A, "2026-03-29T06:00:00Z")); // 08:00 CEST
		assertThat(sunday.get(32)).isEqualTo(slot(CHAIR_A, "2026-03-29T14:00:00Z")); // 16:00–17:50 CEST
	}

	@Test
	void givenTheFallBackDayThenSlotsFollowWinterTimeInUtc() {
		var everyDay = new ClinicHours(ZURICH, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0));
		var finder = new CalendarFixture().hours(everyDay).dayShifts("2026-10-24", "2026-10-25", 4).finder();
		var until = at("2026-10-26T00:00");

		var saturday = finder.firstOn(LocalDate.parse("2026-10-24"), PATIENT, at("2026-10-24T00:00"), until,
				Preferences.NONE);
		var sunday = finder.earliest(PATIENT, at("2026-10-25T00:00"), until, Preferences.NONE, 100);

		assertThat(saturday).contains(slot(CHAIR_A, "2026-10-24T06:00:00Z")); // 08:00 CEST
		assertThat(sunday).hasSize(33);
		assertThat(sunday.get(0)).isEqualTo(slot(CHAIR_A, "2026-10-25T07:00:00Z")); // 08:00 CET
		assertThat(sunday.get(32)).isEqualTo(slot(CHAIR_A, "2026-10-25T15:00:00Z")); // 16:00–17:50 CET
	}

	@Test
	void givenANightClinicAcrossTheMissingHourThenEverySlotEndsByClosingOnTheWallClock() {
		var night = new ClinicHours(ZURICH, Set.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(4, 0));
		var finder = new CalendarFixture().hours(night)
			.shift("2026-03-29", "00:00", "04:00", 4)
			.finder();

		var slots = finder.earliest(PATIENT, at("2026-03-29T00:00"), at("2026-03-30T00:00"), Preferences.NONE, 100);

		// 00:00 CET = 23:00Z; closing 04:00 CEST = 02:00Z, so the last 110-minute slot starts 00:10Z → grid 00:00Z
		assertThat(starts(slots)).containsExactly(utc("2026-03-28T23:00:00Z"), utc("2026-03-28T23:15:00Z"),
				utc("2026-03-28T23:30:00Z"), utc("2026-03-28T23:45:00Z"), utc("2026-03-29T00:00:00Z"));
	}

	@Test
	void givenAChosenSlotThenCheckNamesEveryRuleItBreaks() {
		var finder = new CalendarFixture().chairs(CHAIR_A, CHAIR_B)
			.shift("2026-03-02", "07:00", "19:00", 1)
			.booked(CHAIR_A, OTHER, "2026-03-02T08:00", "2026-03-02T09:50")
			.booked(CHAIR_B, PATIENT, "2026-03-02T17:00", "2026-03-02T18:00")
			.finder();

		var problems = finder.check(PATIENT, slot(CHAIR_A, "2026-03-02T07:30:00Z"));
		var evening = finder.check(PATIENT, slot(CHAIR_B, "2026-03-02T15:30:00Z"));

		assertThat(problems).extracting(Problem::rule)
			.containsExactly(Problem.Rule.CHAIR_TAKEN, Problem.Rule.NO_NURSE_CAPACITY);
		assertThat(evening).extracting(Problem::rule)
			.containsExactly(Problem.Rule.CLINIC_CLOSED, Problem.Rule.CHAIR_TAKEN, Problem.Rule.NO_NURSE_CAPACITY,
					Problem.Rule.PATIENT_BUSY);
		assertThat(finder.check(PATIENT, slot(CHAIR_B, "2026-03-02T09:00:00Z"))).isEmpty();
	}
}
