package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.planning.CoursePlanner;
import clinic.scheduling.planning.Preferences;
import clinic.scheduling.planning.Slot;
import clinic.scheduling.resources.OpeningService;

/**
 * A proposal reads the calendar for a course's span and a fortnight first, and the whole window only when that could
 * change the answer: the course it proposes is the one a single read of the whole window gives, whether the earliest
 * course lies inside the first read, starts in it but ends past it, or lies wholly beyond it.
 */
class CourseProposalWindowTest extends SchedulingIntegrationTest {

	@Autowired
	PlanningService planning;

	@Autowired
	CalendarService calendars;

	@Autowired
	OpeningService openings;

	@Autowired
	SchedulingSettings settings;

	@Test
	void aCourseInsideTheFirstRead() throws Exception {
		var found = proposedAfterClosedDays(0);
		assertThat(found).isNotEmpty();
	}

	@Test
	void aCourseStartingInTheFirstReadTooLateForItsWholeSpanToBeRead() throws Exception {
		var found = proposedAfterClosedDays(20);
		assertThat(firstDay(found)).isBefore(firstReadEnd());
		assertThat(firstDay(found).plusDays(settings.courseRules(6).maxSpanDays()))
			.as("a course from that day could end past the first read")
			.isAfterOrEqualTo(firstReadEnd());
	}

	@Test
	void aCourseWhollyBeyondTheFirstRead() throws Exception {
		var found = proposedAfterClosedDays(45);
		assertThat(firstDay(found)).isAfterOrEqualTo(firstReadEnd());
	}

	/** The day the first read ends before: a course's span and a fortnight from the window's first day. */
	private LocalDate firstReadEnd() {
		return monday().plusDays(settings.courseRules(6).maxSpanDays() + 1 + PlanningService.SEARCH_DAYS);
	}

	/**
	 * A site of its own closed on the first {@code closedDays} days from next Monday: what the planning service
	 * proposes for a cleared patient's course there, asserted equal to the planner's course on one read of the
	 * whole 12-week window.
	 */
	private List<Slot> proposedAfterClosedDays(int closedDays) throws Exception {
		var site = siteIn(CLINIC_ZONE);
		for (int day = 0; day < closedDays; day++) {
			openings.addClosure(site.siteId(), monday().plusDays(day), "Refurbishment");
		}
		var course = courses
			.decided(new CourseService.Decision(UUID.randomUUID(), "Lise Meitner", Eligibility.CLEARED, 6,
					Instant.now()))
			.orElseThrow();
		var from = site.at(monday(), 0, 0);
		var until = site.at(monday().plusWeeks(12), 0, 0);
		var wishes = new PlanningService.Wishes(site.siteId(), from, until, Set.of(), null, null, Set.of());

		var proposed = planning.propose(course.id(), wishes).orElseThrow().check();

		var whole = calendars.load(CalendarService.Request.forPlanning(site.siteId(), monday(),
				monday().plusWeeks(12), course.patientId(), course.id()));
		var expected = new CoursePlanner(calendars.finder(whole, settings.chairTime().total()),
				settings.courseRules(course.plannedInfusions()))
			.propose(course.patientId(), from, until,
					new Preferences(Set.of(), null, null, whole.chairsOffering(Set.of())));
		assertThat(proposed.ok()).isTrue();
		assertThat(Optional.of(proposed.plan().occurrences())).isEqualTo(expected.map(plan -> plan.occurrences()));
		assertThat(firstDay(proposed.plan().occurrences())).isAfterOrEqualTo(monday().plusDays(closedDays));
		return proposed.plan().occurrences();
	}

	private static LocalDate monday() {
		return LocalDate.now(CLINIC_ZONE).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
	}

	private static LocalDate firstDay(List<Slot> slots) {
		return slots.get(0).start().atZone(CLINIC_ZONE).toLocalDate();
	}

}
