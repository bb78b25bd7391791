package clinic.scheduling.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarChair;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.calendar.SiteCalendar;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.planning.CoursePlan;
import clinic.scheduling.planning.CoursePlanner;
import clinic.scheduling.planning.PlanCheck;
import clinic.scheduling.planning.Preferences;
import clinic.scheduling.planning.Slot;
import clinic.scheduling.planning.SlotFinder;
import clinic.scheduling.resources.ChairAttributes;

/**
 * Finds free slots and proposes and checks whole courses on a site's calendar loaded from the database. Read-only:
 * booking a checked course is {@link BookingService#bookCourse}, which checks it again under the site's lock.
 */
@Service
public class PlanningService {

	/** The most slots one search returns. */
	public static final int MAX_SLOTS = 100;

	/** How many days of the calendar a slot search reads at a time. */
	static final int SEARCH_DAYS = 14;

	private final CalendarService calendars;

	private final CourseService courses;

	private final Appointments appointments;

	private final SchedulingSettings settings;

	private final Clock clock;

	PlanningService(CalendarService calendars, CourseService courses, Appointments appointments,
			SchedulingSettings settings, Clock clock) {
		this.calendars = calendars;
		this.courses = courses;
		this.appointments = appointments;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What the patient wants: the site (optional when the clinic has one), the earliest time (default now) and the
	 * latest (default now plus the planning horizon), weekdays and wall-clock times that suit, chair attributes
	 * (spelled as chairs keep them, {@link ChairAttributes#wished}).
	 */
	public record Wishes(@Nullable UUID siteId, @Nullable Instant from, @Nullable Instant until, Set<DayOfWeek> days,
			@Nullable LocalTime earliestStart, @Nullable LocalTime latestEnd, Set<String> chairAttributes) {

		public Wishes {
			days = days == null ? Set.of() : Set.copyOf(days);
			chairAttributes = ChairAttributes.wished(chairAttributes);
		}

		public static Wishes none() {
			return new Wishes(null, null, null, Set.of(), null, null, Set.of());
		}

		/**
		 * Where a search looks: from the wished start, not before {@code now}, to the wished end or {@code horizon}
		 * after the start; a window that ends before it starts, or longer than {@code horizon}, is refused (400).
		 */
		public Window window(Instant now, Duration horizon) {
			var start = from == null || from.isBefore(now) ? now : from;
			var end = until == null ? start.plus(horizon) : until;
			if (!end.isAfter(start)) {
				throw new InvalidInputException("until", "The search ends (" + end + ") before it starts (" + start + ")");
			}
			if (end.isAfter(start.plus(horizon))) {
				throw new InvalidInputException("until", "A search looks at most " + horizon.toDays() + " days ahead");
			}
			return new Window(start, end);
		}
	}

	/** The time a search looks at, {@code [from, until)}. */
	public record Window(Instant from, Instant until) {
	}

	/** A slot with its chair's name. */
	public record FreeSlot(UUID chairId, String chairName, Instant start, Instant end) {
	}

	/** A checked plan and the names of the chairs it uses. */
	public record CheckedPlan(PlanCheck check, Map<UUID, String> chairNames) {

		public String chairName(UUID chairId) {
			return chairNames.getOrDefault(chairId, "unknown chair");
		}
	}

	/**
	 * The earliest free infusion slots for the patient, at most {@code limit}. The window is read a fortnight at a
	 * time, from its start, until enough are found: the first free slots of a busy site are usually days away, and
	 * reading its whole 90-day calendar for them cost most of the search. A slot depends only on its own day (the
	 * chairs, the nurses on shift, the appointments then), so the slots are the same as one read of the window.
	 */
	@Transactional(readOnly = true)
	public List<FreeSlot> earliestSlots(UUID patientId, Wishes wishes, int limit) {
		if (limit < 1 || limit > MAX_SLOTS) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_SLOTS + " slots");
		}
		var window = window(wishes);
		var zone = calendars.zoneOf(calendars.siteOrOnly(wishes.siteId())).zone();
		var found = new ArrayList<FreeSlot>();
		for (var from = window.from(); found.size() < limit && from.isBefore(window.until());) {
			var fortnight = from.atZone(zone).toLocalDate().plusDays(SEARCH_DAYS).atStartOfDay(zone).toInstant();
			var part = new Window(from, fortnight.isBefore(window.until()) ? fortnight : window.until());
			var calendar = load(wishes.siteId(), part, patientId, null);
			var preferences = preferences(calendar, wishes);
			if (preferences.isEmpty()) {
				return List.of();
			}
			var names = chairNames(calendar);
			finder(calendar).earliest(patientId, part.from(), part.until(), preferences.get(), limit - found.size())
				.forEach(slot -> found.add(new FreeSlot(slot.chairId(), names.get(slot.chairId()), slot.start(),
						slot.end())));
			from = part.until();
		}
		return List.copyOf(found);
	}

	/**
	 * Every grid slot of one chair's open time starting in the window (from now and at most the planning horizon ahead), with
	 * whether any patient could be booked into it: the chair free (no booking, no live hold) and a nurse on the rota
	 * to watch it. What FHIR's Slot shows of a chair's Schedule.
	 */
	@Transactional(readOnly = true)
	public List<SlotFinder.ChairTime> chairTimes(UUID chairId, @Nullable Instant from, @Nullable Instant until) {
		var site = calendars.siteOfChair(chairId);
		var window = window(new Wishes(site, from, until, Set.of(), null, null, Set.of()));
		return finder(load(site, window, null, null)).chairTimes(chairId, window.from(), window.until());
	}

	/**
	 * The earliest whole induction course for the course's patient that keeps every course rule, with each
	 * occurrence checked; empty when none fits in the window. The calendar is read first for a course's span and a
	 * fortnight of first days ({@link #SEARCH_DAYS}) from the window's start, then for the whole window only when
	 * none fits there or the course found could still change with a longer read ({@link CoursePlanner#settledBefore}):
	 * the earliest course of a busy site is usually weeks ahead at most, and reading its whole 90-day calendar cost
	 * most of the proposal, twice per course booked at once.
	 */
	@Transactional(readOnly = true)
	public Optional<CheckedPlan> propose(UUID courseId, Wishes wishes) {
		var course = courses.get(courseId);
		requireUnplanned(course);
		return propose(course, wishes, false).map(Proposed::checked);
	}

	/**
	 * The proposal {@link BookingService#bookEarliestCourse} books, under the site's lock in its transaction: planned
	 * on the site's calendar kept in memory ({@link CalendarService#loadKept}), then checked against the database's
	 * appointments at the times proposed ({@link CalendarService#during}). When that check finds what the kept
	 * calendar did not have yet (another instance's booking of the last milliseconds), or the kept calendar has no
	 * room, the course is proposed again on the calendar read from the database: what is booked is always checked on
	 * the database under the lock.
	 */
	Optional<CheckedPlan> proposeUnderLock(Course course, Wishes wishes) {
		requireUnplanned(course);
		var kept = propose(course, wishes, true);
		if (kept.isPresent()) {
			var proposed = kept.get();
			var during = calendars.during(proposed.calendar(), course.patientId(), course.id(),
					proposed.plan().occurrences());
			var check = new CoursePlanner(finder(during), settings.courseRules(course.plannedInfusions()))
				.check(proposed.plan());
			if (check.ok()) {
				return Optional.of(new CheckedPlan(check, chairNames(proposed.calendar())));
			}
		}
		return propose(course, wishes, false).map(Proposed::checked);
	}

	private Optional<Proposed> propose(Course course, Wishes wishes, boolean kept) {
		var window = window(wishes);
		var zone = calendars.zoneOf(calendars.siteOrOnly(wishes.siteId())).zone();
		var partUntil = window.from()
			.atZone(zone)
			.toLocalDate()
			.plusDays(settings.courseRules(course.plannedInfusions()).maxSpanDays() + 1 + SEARCH_DAYS)
			.atStartOfDay(zone)
			.toInstant();
		if (partUntil.isBefore(window.until())) {
			var part = new Window(window.from(), partUntil);
			var found = proposeIn(course, part, wishes, kept);
			if (found.isPresent() && found.get().planner().settledBefore(found.get().plan(), part.until())) {
				return found;
			}
		}
		return proposeIn(course, window, wishes, kept);
	}

	/** A course the planner proposed on a calendar read. */
	private record Proposed(CoursePlanner planner, CoursePlan plan, SiteCalendar calendar) {

		CheckedPlan checked() {
			return new CheckedPlan(planner.check(plan), chairNames(calendar));
		}
	}

	private Optional<Proposed> proposeIn(Course course, Window window, Wishes wishes, boolean kept) {
		var site = calendars.siteOrOnly(wishes.siteId());
		var request = request(site, window, course.patientId(), course.id());
		var calendar = kept ? calendars.loadKept(request) : calendars.load(request);
		var preferences = preferences(calendar, wishes);
		if (preferences.isEmpty()) {
			return Optional.empty();
		}
		var planner = new CoursePlanner(finder(calendar), settings.courseRules(course.plannedInfusions()));
		return planner.propose(course.patientId(), window.from(), window.until(), preferences.get())
			.map(plan -> new Proposed(planner, plan, calendar));
	}

	/** Checks a course the front desk put together or adjusted: every occurrence against every rule. */
	@Transactional(readOnly = true)
	public CheckedPlan check(UUID courseId, List<BookingService.Booking> occurrences) {
		var course = courses.get(courseId);
		return check(course, occurrences);
	}

	/** The check {@link BookingService#bookCourse} runs under the site's lock, inside its transaction. */
	CheckedPlan check(Course course, List<BookingService.Booking> occurrences) {
		requireUnplanned(course);
		if (occurrences.size() != course.plannedInfusions()) {
			throw new InvalidInputException("occurrences", "The course has " + course.plannedInfusions()
					+ " infusions; " + occurrences.size() + " were given");
		}
		var prepared = prepare(occurrences, course.patientId(), course.id());
		var planner = new CoursePlanner(finder(prepared.calendar()), settings.courseRules(course.plannedInfusions()));
		return new CheckedPlan(planner.check(new CoursePlan(course.patientId(), prepared.slots())),
				chairNames(prepared.calendar()));
	}

	/**
	 * Checks maintenance boosters for a completed course against the calendar, the patient's other appointments
	 * (earlier boosters included) and each other; no course rules apply to boosters.
	 */
	CheckedPlan checkBoosters(Course course, List<BookingService.Booking> occurrences) {
		var prepared = prepare(occurrences, course.patientId(), null);
		var planner = new CoursePlanner(finder(prepared.calendar()), settings.courseRules(course.plannedInfusions()));
		return new CheckedPlan(planner.checkBoosters(new CoursePlan(course.patientId(), prepared.slots())),
				chairNames(prepared.calendar()));
	}

	/** Proposes {@code count} boosters at the interval after {@code after}, on the wishes' site and chairs. */
	@Transactional(readOnly = true)
	public BoosterProposal proposeBoosters(Course course, Instant after, Period interval, int count, Wishes wishes) {
		var site = calendars.siteOrOnly(wishes.siteId());
		var zone = calendars.zoneOf(site).zone();
		var from = after.isBefore(clock.instant()) ? clock.instant() : after;
		var until = after.atZone(zone).toLocalDate().plus(interval.multipliedBy(count + 1)).atStartOfDay(zone).toInstant();
		var calendar = calendars.load(CalendarService.Request.forPlanning(site, from.atZone(zone).toLocalDate(),
				until.atZone(zone).toLocalDate(), course.patientId(), null));
		var preferences = preferences(calendar, wishes);
		if (preferences.isEmpty()) {
			return new BoosterProposal(List.of(), List.of());
		}
		var planner = new CoursePlanner(finder(calendar), settings.courseRules(course.plannedInfusions()));
		var plan = planner.boosters(course.patientId(), after, interval, count, preferences.get());
		var names = chairNames(calendar);
		return new BoosterProposal(plan.boosters()
			.stream()
			.map(slot -> new FreeSlot(slot.chairId(), names.get(slot.chairId()), slot.start(), slot.end()))
			.toList(), plan.notPlaced());
	}

	/** Proposed boosters, and the target dates for which none was found. */
	public record BoosterProposal(List<FreeSlot> boosters, List<LocalDate> notPlaced) {
	}

	private record Prepared(List<Slot> slots, SiteCalendar calendar) {
	}

	/**
	 * The occurrences as slots of the chair time, checked for what makes a request invalid rather than a
	 * conflict (a start in the past, a chair out of service), with the site's calendar over their dates.
	 */
	private Prepared prepare(List<BookingService.Booking> occurrences, UUID patientId, @Nullable UUID exceptCourse) {
		var siteId = siteOf(occurrences);
		var slots = occurrences.stream()
			.map(o -> new Slot(o.chairId(), o.start().truncatedTo(ChronoUnit.MICROS),
					o.start().truncatedTo(ChronoUnit.MICROS).plus(settings.chairTime().total())))
			.toList();
		for (int i = 0; i < slots.size(); i++) {
			if (!slots.get(i).start().isAfter(clock.instant())) {
				throw new InvalidInputException("occurrences[" + i + "].start", "An infusion can only be booked in the future");
			}
		}
		var from = slots.stream().map(Slot::start).min(Comparator.naturalOrder()).orElseThrow();
		var until = slots.stream().map(Slot::end).max(Comparator.naturalOrder()).orElseThrow();
		var calendar = load(siteId, new Window(from, until), patientId, exceptCourse);
		for (int i = 0; i < slots.size(); i++) {
			var chairId = slots.get(i).chairId();
			var chair = calendar.chairs().stream().filter(c -> c.id().equals(chairId)).findFirst().orElseThrow();
			if (!chair.active()) {
				throw new InvalidInputException("occurrences[" + i + "].chairId", chair.name() + " is out of service");
			}
		}
		return new Prepared(slots, calendar);
	}

	/** All occurrences of one course booking are at one site: the site of their chairs. */
	UUID siteOf(List<BookingService.Booking> occurrences) {
		if (occurrences.isEmpty()) {
			throw new InvalidInputException("occurrences", "A course needs its occurrences");
		}
		UUID site = null;
		for (int i = 0; i < occurrences.size(); i++) {
			var chairId = occurrences.get(i).chairId();
			UUID chairSite;
			try {
				chairSite = calendars.siteOfChair(chairId);
			}
			catch (InvalidInputException e) {
				throw new InvalidInputException("occurrences[" + i + "].chairId", e.getMessage());
			}
			if (site != null && !site.equals(chairSite)) {
				throw new InvalidInputException("occurrences[" + i + "].chairId",
						"All infusions of a course booking are at one site");
			}
			site = chairSite;
		}
		return site;
	}

	private void requireUnplanned(Course course) {
		if (!course.status().isOpen()) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; only a course TO_PLAN or ACTIVE is planned");
		}
		int booked = appointments.countBooked(course.id());
		if (booked > 0) {
			throw new ConflictException("The course of " + course.patientName() + " already has " + booked
					+ " infusions booked or given; book the others one at a time");
		}
	}

	private Window window(Wishes wishes) {
		return wishes.window(clock.instant(), settings.planningHorizon());
	}

	private SiteCalendar load(@Nullable UUID siteId, Window window, @Nullable UUID patientId,
			@Nullable UUID exceptCourse) {
		return calendars.load(request(calendars.siteOrOnly(siteId), window, patientId, exceptCourse));
	}

	/** The site's calendar for planning over the window's dates, on the site's clock. */
	private CalendarService.Request request(UUID site, Window window, @Nullable UUID patientId,
			@Nullable UUID exceptCourse) {
		var zone = calendars.zoneOf(site).zone();
		return CalendarService.Request.forPlanning(site, window.from().atZone(zone).toLocalDate(),
				window.until().atZone(zone).toLocalDate(), patientId, exceptCourse);
	}

	private SlotFinder finder(SiteCalendar calendar) {
		return calendars.finder(calendar, settings.chairTime().total());
	}

	/** The patient's wishes as the finder reads them; empty when no chair in service has the attributes. */
	private static Optional<Preferences> preferences(SiteCalendar calendar, Wishes wishes) {
		var chairs = calendar.chairsOffering(wishes.chairAttributes());
		if (chairs.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Preferences(wishes.days(), wishes.earliestStart(), wishes.latestEnd(), chairs));
	}

	private static Map<UUID, String> chairNames(SiteCalendar calendar) {
		return calendar.chairs().stream().collect(Collectors.toMap(CalendarChair::id, CalendarChair::name, (a, b) -> a));
	}
}
