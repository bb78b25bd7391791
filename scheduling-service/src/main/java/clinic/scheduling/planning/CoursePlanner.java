package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Proposes whole induction courses and maintenance boosters with a {@link SlotFinder}, and re-checks a course when
 * the front desk moves one occurrence.
 * <p>
 * Rules (from {@link CourseRules}, all on the clinic's calendar dates): at least {@code minDaysBetween} calendar days
 * strictly between consecutive infusions; at most {@code maxPerWeek} in an ISO week; at least {@code minPerWeek} in
 * every week of the course except its first and last (which may be partial, e.g. a course starting on a Friday);
 * the last infusion within {@code withinWeeks} weeks of the first.
 * <p>
 * Every course rule is about dates, never times, so a proposal is a choice of days: for each day the earliest
 * fitting slot is asked of the finder once (memoised), and a depth-first search over days, earliest first, with the
 * dead ends remembered per (infusion number, last date, infusions in its week), finds the earliest course.
 */
public final class CoursePlanner {

	private final SlotFinder finder;

	private final CourseRules rules;

	public CoursePlanner(SlotFinder finder, CourseRules rules) {
		this.finder = finder;
		this.rules = rules;
	}

	/**
	 * The earliest whole course for the patient with every occurrence inside [from, until), or empty if none fits.
	 */
	public Optional<CoursePlan> propose(UUID patientId, Instant from, Instant until, Preferences preferences) {
		var search = new Search(patientId, from, until, preferences);
		var firstDay = date(from);
		var lastDay = date(until);
		for (var day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
			var slot = search.slotOn(day);
			if (slot.isEmpty()) {
				continue;
			}
			search.first = day;
			search.deadEnds.clear();
			search.chosen.clear();
			search.chosen.push(slot.get());
			if (search.place(1, day, 1)) {
				var occurrences = new ArrayList<>(search.chosen);
				Collections.reverse(occurrences);
				return Optional.of(new CoursePlan(patientId, occurrences));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether {@link #propose} on a calendar read only up to {@code readUntil} proposed what it would on a longer
	 * read: every course it tried before this one, and this one, lies wholly before {@code readUntil}'s date. A course
	 * tried from a first day spans at most {@link CourseRules#maxSpanDays()} days after it, and the search tries first
	 * days earliest first, so that holds when this plan's first day plus that span is before the date.
	 */
	public boolean settledBefore(CoursePlan plan, Instant readUntil) {
		var first = plan.occurrences().stream().map(Slot::start).min(Comparator.naturalOrder()).orElseThrow();
		return date(first).plusDays(rules.maxSpanDays()).isBefore(date(readUntil));
	}

	/** Every rule each occurrence of the plan breaks, against the calendar, the other occurrences and the course rules. */
	public PlanCheck check(CoursePlan plan) {
		var slots = plan.occurrences();
		var problems = new ArrayList<List<Problem>>();
		for (var slot : slots) {
			problems.add(new ArrayList<>(finder.check(plan.patientId(), slot)));
		}
		for (int i = 0; i < slots.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (slots.get(i).start().isBefore(slots.get(j).end()) && slots.get(j).start().isBefore(slots.get(i).end())) {
					problems.get(i)
						.add(new Problem(Problem.Rule.PATIENT_BUSY, "Overlaps infusion " + (j + 1) + " of the course"));
				}
			}
		}
		var order = IntStream.range(0, slots.size())
			.boxed()
			.sorted(Comparator.comparing(i -> slots.get(i).start()))
			.toList();
		if (!order.isEmpty()) {
			var first = date(slots.get(order.get(0)).start());
			for (int k = 1; k < order.size(); k++) {
				int i = order.get(k);
				var previous = date(slots.get(order.get(k - 1)).start());
				var day = date(slots.get(i).start());
				long step = ChronoUnit.DAYS.between(previous, day);
				if (step < rules.minDateStep()) {
					problems.get(i)
						.add(new Problem(Problem.Rule.TOO_CLOSE, "Only " + Math.max(0, step - 1)
								+ " days after infusion " + (order.get(k - 1) + 1) + " (" + previous + "); at least "
								+ rules.minDaysBetween() + " must lie between"));
				}
				if (ChronoUnit.DAYS.between(first, day) > rules.maxSpanDays()) {
					problems.get(i)
						.add(new Problem(Problem.Rule.OUTSIDE_WINDOW, day + " is more than " + rules.withinWeeks()
								+ " weeks after the first infusion (" + first + ")"));
				}
			}
			checkWeeks(slots, order, problems);
		}
		var checks = new ArrayList<PlanCheck.OccurrenceCheck>();
		for (int i = 0; i < slots.size(); i++) {
			checks.add(new PlanCheck.OccurrenceCheck(i, slots.get(i), problems.get(i)));
		}
		return new PlanCheck(plan, checks);
	}

	/**
	 * Every rule each booster of the plan breaks, against the calendar and the other boosters; the course rules do
	 * not apply to maintenance boosters.
	 */
	public PlanCheck checkBoosters(CoursePlan plan) {
		var slots = plan.occurrences();
		var checks = new ArrayList<PlanCheck.OccurrenceCheck>();
		for (int i = 0; i < slots.size(); i++) {
			var problems = new ArrayList<>(finder.check(plan.patientId(), slots.get(i)));
			for (int j = 0; j < slots.size(); j++) {
				if (j != i && slots.get(i).start().isBefore(slots.get(j).end())
						&& slots.get(j).start().isBefore(slots.get(i).end())) {
					problems.add(new Problem(Problem.Rule.PATIENT_BUSY, "Overlaps booster " + (j + 1)));
				}
			}
			checks.add(new PlanCheck.OccurrenceCheck(i, slots.get(i), problems));
		}
		return new PlanCheck(plan, checks);
	}

	/**
	 * Moves occurrence {@code index} to {@code newStart} (same chair if it is free then, else the first free chair)
	 * and re-checks the whole plan.
	 */
	public PlanCheck replan(CoursePlan plan, int index, Instant newStart) {
		var old = plan.occurrences().get(index);
		var end = newStart.plus(finder.slotLength());
		var sameChair = finder.check(plan.patientId(), new Slot(old.chairId(), newStart, end))
			.stream()
			.noneMatch(p -> p.rule() == Problem.Rule.CHAIR_TAKEN);
		var chair = sameChair ? old.chairId() : finder.freeChair(newStart, end).orElse(old.chairId());
		var occurrences = new ArrayList<>(plan.occurrences());
		occurrences.set(index, new Slot(chair, newStart, end));
		return check(new CoursePlan(plan.patientId(), occurrences));
	}

	/**
	 * {@code count} maintenance boosters at the clinician's interval after {@code after}: booster k is the earliest
	 * slot on or after the date {@code after + k × interval}, before the next target date.
	 */
	public BoosterPlan boosters(UUID patientId, Instant after, Period interval, int count, Preferences preferences) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The booster interval must be positive, not " + interval);
		}
		var start = date(after);
		var boosters = new ArrayList<Slot>();
		var notPlaced = new ArrayList<LocalDate>();
		for (int k = 1; k <= count; k++) {
			var target = start.plus(interval.multipliedBy(k));
			var from = target.atStartOfDay(finder.zone()).toInstant();
			if (!boosters.isEmpty() && from.isBefore(boosters.get(boosters.size() - 1).end())) {
				from = boosters.get(boosters.size() - 1).end();
			}
			var until = start.plus(interval.multipliedBy(k + 1)).atStartOfDay(finder.zone()).toInstant();
			var found = finder.earliest(patientId, from, until, preferences, 1);
			if (found.isEmpty()) {
				notPlaced.add(target);
			}
			else {
				boosters.add(found.get(0));
			}
		}
		return new BoosterPlan(boosters, notPlaced);
	}

	private void checkWeeks(List<Slot> slots, List<Integer> order, List<List<Problem>> problems) {
		var byWeek = new HashMap<Long, List<Integer>>();
		for (int i : order) {
			byWeek.computeIfAbsent(week(date(slots.get(i).start())), w -> new ArrayList<>()).add(i);
		}
		long firstWeek = week(date(slots.get(order.get(0)).start()));
		long lastWeek = week(date(slots.get(order.get(order.size() - 1)).start()));
		for (long w = firstWeek; w <= lastWeek; w++) {
			var inWeek = byWeek.getOrDefault(w, List.of());
			for (int k = rules.maxPerWeek(); k < inWeek.size(); k++) {
				problems.get(inWeek.get(k))
					.add(new Problem(Problem.Rule.TOO_MANY_IN_WEEK, "Infusion " + (inWeek.size()) + " in the week of "
							+ monday(w) + "; at most " + rules.maxPerWeek() + " a week"));
			}
			if (w != firstWeek && w != lastWeek && inWeek.size() < rules.minPerWeek()) {
				// attach to the week's infusions, or to the first one after an empty week
				var blamed = inWeek.isEmpty() ? nextAfter(byWeek, w) : inWeek;
				for (int i : blamed) {
					problems.get(i)
						.add(new Problem(Problem.Rule.TOO_FEW_IN_WEEK, "Only " + inWeek.size() + " in the week of "
								+ monday(w) + "; at least " + rules.minPerWeek() + " a week"));
				}
			}
		}
	}

	private static List<Integer> nextAfter(Map<Long, List<Integer>> byWeek, long week) {
		return byWeek.keySet()
			.stream()
			.filter(w -> w > week)
			.min(Long::compare)
			.map(w -> List.of(byWeek.get(w).get(0)))
			.orElse(List.of());
	}

	private LocalDate date(Instant instant) {
		return instant.atZone(finder.zone()).toLocalDate();
	}

	/** A number per ISO week (weeks run Monday to Sunday). */
	private static long week(LocalDate day) {
		return Math.floorDiv(day.with(DayOfWeek.MONDAY).toEpochDay(), 7);
	}

	private static LocalDate monday(long week) {
		return LocalDate.ofEpochDay(week * 7).with(DayOfWeek.MONDAY);
	}

	/** One proposal's depth-first search over days. */
	private final class Search {

		private final UUID patientId;

		private final Instant from;

		private final Instant until;

		private final LocalDate lastDay;

		private final Preferences preferences;

		private final Map<LocalDate, Optional<Slot>> slots = new HashMap<>();

		private final Set<List<Long>> deadEnds = new HashSet<>();

		private final Deque<Slot> chosen = new ArrayDeque<>();

		private LocalDate first;

		Search(UUID patientId, Instant from, Instant until, Preferences preferences) {
			this.patientId = patientId;
			this.from = from;
			this.until = until;
			this.lastDay = date(until);
			this.preferences = preferences;
		}

		Optional<Slot> slotOn(LocalDate day) {
			return slots.computeIfAbsent(day, d -> finder.firstOn(d, patientId, from, until, preferences));
		}

		/** Places infusions {@code placed}+1.. after {@code last}, which is the {@code inWeek}th of its week. */
		boolean place(int placed, LocalDate last, int inWeek) {
			if (placed == rules.infusions()) {
				return true;
			}
			var key = List.of((long) placed, last.toEpochDay(), (long) inWeek);
			if (deadEnds.contains(key)) {
				return false;
			}
			var latest = first.plusDays(rules.maxSpanDays());
			long lastWeek = week(last);
			boolean lastWeekMayClose = lastWeek == week(first) || inWeek >= rules.minPerWeek();
			for (var day = last.plusDays(rules.minDateStep()); !day.isAfter(latest) && !day.isAfter(lastDay); day = day
				.plusDays(1)) {
				long weeksOn = week(day) - lastWeek;
				if (weeksOn == 0 && inWeek >= rules.maxPerWeek()) {
					continue;
				}
				if (weeksOn > 0 && (!lastWeekMayClose || (weeksOn > 1 && rules.minPerWeek() > 0))) {
					break; // every later day leaves a week with too few infusions
				}
				var slot = slotOn(day);
				if (slot.isEmpty()) {
					continue;
				}
				chosen.push(slot.get());
				if (place(placed + 1, day, weeksOn == 0 ? inWeek + 1 : 1)) {
					return true;
				}
				chosen.pop();
			}
			deadEnds.add(key);
			return false;
		}
	}
}
