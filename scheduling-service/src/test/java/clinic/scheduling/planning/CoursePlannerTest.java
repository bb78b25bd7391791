package clinic.scheduling.planning;

import static clinic.scheduling.planning.CalendarFixture.CHAIR_A;
import static clinic.scheduling.planning.CalendarFixture.CHAIR_B;
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
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;


/** Whole courses with the DOMAIN.md rules: 6 infusions, 2–3 per ISO week, 1 day between, within 4 weeks. */
class CoursePlannerTest {

	private static final CourseRules RULES = new CourseRules(6, 2, 3, 1, 4);

	private static final Instant UNTIL = at("2026-06-01T00:00");

	private static CoursePlanner planner(CalendarFixture calendar) {
		return new CoursePlanner(calendar.finder(), RULES);
	}

	private static CalendarFixture open() {
		return new CalendarFixture().chairs(CHAIR_A, CHAIR_B).dayShifts("2026-03-01", "2026-05-31", 4);
	}

	private static List<LocalDate> dates(CoursePlan plan) {
		return plan.occurrences().stream().map(slot -> slot.start().atZone(ZURICH).toLocalDate()).toList();
	}

	private static List<LocalDate> dates(String... days) {
		return Arrays.stream(days).map(LocalDate::parse).toList();
	}

	@Test
	void givenAnEmptyCalendarFromMondayThenMondayWednesdayFridayForTwoWeeksAtOpening() {
		var plan = planner(open()).propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		assertThat(dates(plan)).isEqualTo(dates("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11",
				"2026-03-13"));
		assertThat(plan.occurrences().get(0))
			.isEqualTo(new Slot(CHAIR_A, utc("2026-03-02T07:00:00Z"), utc("2026-03-02T08:50:00Z")));
		assertThat(plan.occurrences()).allMatch(slot -> slot.start().atZone(ZURICH).toLocalTime().equals(LocalTime.of(8, 0)));
	}

	@Test
	void aCourseProposedOnAShorterReadIsSettledOnlyWhenEveryCourseTriedBeforeItLayInsideTheRead() {
		var planner = planner(open());
		var plan = planner.propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		// tried from Monday 2 March: a course from then may last to Sunday 29 March (4 weeks)
		assertThat(planner.settledBefore(plan, at("2026-03-30T00:00"))).isTrue();
		assertThat(planner.settledBefore(plan, at("2026-03-29T00:00"))).isFalse();
		assertThat(planner.settledBefore(plan, at("2026-03-14T00:00"))).as("even though it ends on the 13th").isFalse();
	}

	@Test
	void givenAThursdayStartThenFridayIsTooCloseAndTheCourseGoesOnNextWeek() {
		var plan = planner(open()).propose(PATIENT, at("2026-03-05T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		// the first week may be partial; Fri is only 0 days after Thu
		assertThat(dates(plan)).isEqualTo(dates("2026-03-05", "2026-03-09", "2026-03-11", "2026-03-13", "2026-03-16",
				"2026-03-18"));
	}

	@Test
	void givenThePatientBusyOnWednesdayAndAClosureThenTheCourseStillKeepsEveryRule() {
		var calendar = open().booked(CHAIR_B, PATIENT, "2026-03-04T08:00", "2026-03-04T18:00")
			.closed("2026-03-11");

		var planner = planner(calendar);
		var plan = planner.propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		// Mon 2; Tue too close, Wed busy → Thu 5; Fri too close → Mon 9; Tue too close, Wed 11 closed → Thu 12; Mon 16, Wed 18
		assertThat(dates(plan)).isEqualTo(dates("2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16",
				"2026-03-18"));
		assertThat(planner.check(plan).ok()).isTrue();
	}

	@Test
	void givenTheSecondWeekFullyBookedThenNoWeekIsLeftWithTooFewAndTheCourseStartsAfterIt() {
		// both chairs taken every day of the second week: a course starting in week 1 would leave it empty
		var calendar = open();
		for (var day = LocalDate.parse("2026-03-09"); day.isBefore(LocalDate.parse("2026-03-14")); day = day.plusDays(1)) {
			calendar.booked(CHAIR_A, OTHER, day + "T08:00", day + "T18:00")
				.booked(CHAIR_B, OTHER, day + "T08:00", day + "T18:00");
		}

		var plan = planner(calendar).propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		// any start in week 1 would leave week 2 empty, breaking "at least 2 a week": the course starts in week 3
		assertThat(dates(plan)).isEqualTo(dates("2026-03-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-25",
				"2026-03-27"));
	}

	@Test
	void givenOnlyMondaysOpenThenNoCourseFitsFourWeeks() {
		var mondays = new ClinicHours(ZURICH, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0));

		var plan = planner(open().hours(mondays)).propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE);

		assertThat(plan).isEmpty();
	}

	@Test
	void givenPreferencesThenEveryOccurrenceHonoursThem() {
		var preferences = new Preferences(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(14, 0), null);

		var plan = planner(open()).propose(PATIENT, at("2026-03-02T00:00"), UNTIL, preferences).orElseThrow();

		assertThat(dates(plan)).isEqualTo(dates("2026-03-03", "2026-03-05", "2026-03-10", "2026-03-12", "2026-03-17",
				"2026-03-19"));
		assertThat(plan.occurrences()).allMatch(slot -> slot.start().atZone(ZURICH).toLocalTime().equals(LocalTime.of(14, 0)));
	}

	@Test
	void givenAProposedCourseWhenOneOccurrenceMovesToTheDayAfterThePreviousThenReplanReportsItTooClose() {
		var planner = planner(open());
		var plan = planner.propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		var check = planner.replan(plan, 1, at("2026-03-03T10:00")); // Wed 4th → Tue 3rd, the day after Mon 2nd

		assertThat(check.ok()).isFalse();
		assertThat(check.problemsOf(1)).extracting(Problem::rule).containsExactly(Problem.Rule.TOO_CLOSE);
		assertThat(check.problemsOf(1).get(0).message()).contains("infusion 1");
		for (int i : List.of(0, 2, 3, 4, 5)) {
			assertThat(check.problemsOf(i)).as("occurrence %d", i).isEmpty();
		}
		assertThat(check.plan().occurrences().get(1))
			.isEqualTo(new Slot(CHAIR_A, utc("2026-03-03T09:00:00Z"), utc("2026-03-03T10:50:00Z")));
	}

	@Test
	void givenAProposedCourseWhenAnOccurrenceMovesIntoAFullWeekOrBeyondTheWindowThenEachRuleIsReported() {
		var planner = planner(open().booked(CHAIR_A, OTHER, "2026-03-10T09:00", "2026-03-10T12:00")
			.booked(CHAIR_B, OTHER, "2026-03-10T09:00", "2026-03-10T12:00"));
		var plan = planner.propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();

		var fourth = planner.replan(plan, 2, at("2026-03-05T08:00")); // Fri 6th → Thu 5th: too close to Wed 4th
		var busy = planner.replan(plan, 3, at("2026-03-10T10:00")); // both chairs taken
		var late = planner.replan(plan, 5, at("2026-03-30T08:00")); // 28 days after Mon 2nd

		assertThat(fourth.problemsOf(2)).extracting(Problem::rule).containsExactly(Problem.Rule.TOO_CLOSE);
		assertThat(busy.problemsOf(3)).extracting(Problem::rule).contains(Problem.Rule.CHAIR_TAKEN);
		assertThat(late.problemsOf(5)).extracting(Problem::rule).contains(Problem.Rule.OUTSIDE_WINDOW);
		assertThat(late.problemsOf(4)).isEmpty();
	}

	@Test
	void givenFourInOneWeekThenTheFourthIsReportedTooMany() {
		var planner = planner(open());
		var plan = planner.propose(PATIENT, at("2026-03-02T00:00"), UNTIL, Preferences.NONE).orElseThrow();
		var crowded = new CoursePlan(PATIENT, List.of(plan.occurrences().get(0), plan.occurrences().get(1),
				plan.occurrences().get(2), shifted(plan.occurrences().get(0), "2026-03-08T08:00"),
				plan.occurrences().get(4), plan.occurrences().get(5)));

		var check = planner.check(crowded);

		// Sunday 8th ends ISO week 10 (Mon 2nd–Sun 8th), the fourth in it; the clinic is also closed on Sundays
		assertThat(check.problemsOf(3)).extracting(Problem::rule)
			.containsExactly(Problem.Rule.CLINIC_CLOSED, Problem.Rule.TOO_MANY_IN_WEEK);
	}

	@Test
	void givenBoostersEveryFourWeeksThenEachIsTheEarliestSlotFromItsTargetDate() {
		var planner = planner(open().closed("2026-04-10"));

		var boosters = planner.boosters(PATIENT, at("2026-03-13T17:00"), Period.ofWeeks(4), 2, Preferences.NONE);

		// targets Fri 10 April (closed → Mon 13th, 08:00 CEST) and Fri 8 May
		assertThat(boosters.boosters()).extracting(Slot::start)
			.containsExactly(utc("2026-04-13T06:00:00Z"), utc("2026-05-08T06:00:00Z"));
		assertThat(boosters.notPlaced()).isEmpty();
	}

	private static Slot shifted(Slot slot, String localStart) {
		var start = at(localStart);
		return new Slot(slot.chairId(), start, start.plus(CalendarFixture.CHAIR_TIME));
	}
}
