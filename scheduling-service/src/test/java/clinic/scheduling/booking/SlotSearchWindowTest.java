package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.planning.Preferences;

/**
 * A slot search reads the calendar a fortnight at a time until it has enough: the slots it finds are the ones one
 * read of the whole window finds, across the fortnights' edges, around what is booked.
 */
class SlotSearchWindowTest extends SchedulingIntegrationTest {

	@Autowired
	PlanningService planning;

	@Autowired
	CalendarService calendars;

	@Autowired
	CourseService courses;

	@Autowired
	BookingService bookings;

	@Autowired
	SchedulingSettings settings;

	@Test
	void theSlotsFoundAFortnightAtATimeAreThoseOfOneReadOfTheWholeWindow() {
		var firstMonday = weeksOfTheirOwn(6);
		// the third Monday's 09:00 taken in every chair: the search must step around it in the second fortnight
		for (var chair : java.util.List.of(CHAIR_1, CHAIR_2, CHAIR_3, CHAIR_4)) {
			var course = courses
				.decided(new CourseService.Decision(UUID.randomUUID(), "Edith Clarke", Eligibility.CLEARED, 6,
						Instant.now()))
				.orElseThrow();
			bookings.book(course.id(), new BookingService.Booking(chair, at(firstMonday.plusWeeks(2), 9, 0)));
		}
		var patient = UUID.randomUUID();
		var from = at(firstMonday, 0, 0);
		var until = at(firstMonday.plusWeeks(6), 0, 0);
		var wishes = new PlanningService.Wishes(SITE, from, until, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
				LocalTime.of(12, 0), Set.of());

		var found = planning.earliestSlots(patient, wishes, PlanningService.MAX_SLOTS);

		var whole = calendars.load(CalendarService.Request.of(SITE, firstMonday, firstMonday.plusWeeks(6)));
		var expected = calendars.finder(whole, settings.chairTime().total())
			.earliest(patient, from, until,
					new Preferences(wishes.days(), wishes.earliestStart(), wishes.latestEnd(),
							whole.chairsOffering(Set.of())),
					PlanningService.MAX_SLOTS);
		assertThat(found).extracting(PlanningService.FreeSlot::chairId, PlanningService.FreeSlot::start,
				PlanningService.FreeSlot::end)
			.containsExactlyElementsOf(expected.stream()
				.map(slot -> org.assertj.core.groups.Tuple.tuple(slot.chairId(), slot.start(), slot.end()))
				.toList());
		assertThat(found).as("Mondays in all six weeks, so three fortnights read").isNotEmpty();
		assertThat(ChronoUnit.DAYS.between(found.get(0).start(), found.get(found.size() - 1).start()))
			.isGreaterThan(PlanningService.SEARCH_DAYS * 2L);
		assertThat(found).noneMatch(slot -> slot.start().equals(at(firstMonday.plusWeeks(2), 9, 0)));
	}
}
