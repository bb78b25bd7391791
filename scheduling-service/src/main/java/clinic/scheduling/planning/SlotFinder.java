package clinic.scheduling.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Finds the earliest free slots for a patient in a {@link ClinicCalendar}: a chair free for the whole slot, the
 * clinic open for the whole slot (on its wall clock, so daylight-saving days come out right), nurse capacity (the
 * chairs watched by the nurses on shift for the <em>whole</em> slot exceed the infusions running at any moment of
 * it), the patient not booked then, and the patient's preferences. Slot starts lie on a grid aligned to local
 * midnight ({@code clinic.scheduling.slot-grid}); the slot holds the chair for the chair time.
 * <p>
 * <b>Why it is fast.</b> The calendar is indexed once, in O(n log n), into primitive arrays of epoch seconds:
 * <ul>
 * <li>per chair and per patient, the busy intervals sorted and merged, so "is it free for [s, e)?" is one binary
 * search (the first interval ending after s) and one comparison; a patient's only when first asked about (a query
 * asks about one patient, and a busy site's 90 days hold thousands: indexing them all cost more than the query);</li>
 * <li>the number of infusions running as a step function (sorted breakpoints with the level after each), so the
 * peak load over a slot is one binary search plus a scan of the few breakpoints inside the slot;</li>
 * <li>nurse shifts sorted by start, so the capacity of a slot is a binary search to the first shift that can still
 * cover it and a scan of the handful of shifts around it.</li>
 * </ul>
 * A query walks the grid of open days only; per candidate start it does a constant number of binary searches over
 * arrays (no allocation, no boxing) and stops at the first fit. A 6-infusion course on 20 chairs × 90 days with
 * 20 000 appointments needs a few hundred candidate checks of O(log n) each: microseconds, not the ~35 ms of a SQL
 * multirange search. The index is immutable and safe to share between threads; rebuild it when the calendar
 * changes.
 */
public final class SlotFinder {

	private final ClinicHours hours;

	private final ZoneId zone;

	private final Set<LocalDate> closures;

	private final UUID[] chairs;

	private final Map<UUID, Integer> chairIndex = new HashMap<>();

	private final Intervals[] chairBusy;

	/** Each patient's busy intervals, indexed when first asked about, from the appointments' patients and times. */
	private final Map<UUID, Intervals> patientBusy = new ConcurrentHashMap<>();

	private final UUID[] patientOf;

	private final long[] appointmentStarts;

	private final long[] appointmentEnds;

	private final long[] loadTimes;

	private final int[] loadLevels;

	private final long[] shiftStarts;

	private final long[] shiftEnds;

	private final int[] shiftWatch;

	private final long longestShift;

	private final Duration slotLength;

	private final long slotSeconds;

	private final long gridSeconds;

	public SlotFinder(ClinicCalendar calendar, Duration slotLength, Duration grid) {
		if (slotLength.isNegative() || slotLength.isZero() || grid.isNegative() || grid.isZero()) {
			throw new IllegalArgumentException("Slot length and grid must be positive: " + slotLength + ", " + grid);
		}
		this.hours = calendar.hours();
		this.zone = hours.zone();
		this.closures = calendar.closures();
		this.slotLength = slotLength;
		this.slotSeconds = slotLength.getSeconds();
		this.gridSeconds = grid.getSeconds();
		this.chairs = calendar.chairs().toArray(UUID[]::new);
		for (int i = 0; i < chairs.length; i++) {
			chairIndex.put(chairs[i], i);
		}
		// busy intervals per chair and per patient; infusions in this calendar's chairs count towards nurse load
		var appointments = calendar.appointments();
		int total = appointments.size();
		long[] allStarts = new long[total];
		long[] allEnds = new long[total];
		int[] chairOf = new int[total];
		int[] perChairCount = new int[chairs.length];
		this.patientOf = new UUID[total];
		int running = 0;
		for (int i = 0; i < total; i++) {
			var booked = appointments.get(i);
			allStarts[i] = booked.start().getEpochSecond();
			allEnds[i] = booked.end().getEpochSecond();
			var chair = chairIndex.get(booked.chairId());
			chairOf[i] = chair == null ? -1 : chair;
			if (chair != null) {
				perChairCount[chair]++;
				running++;
			}
			patientOf[i] = booked.patientId();
		}
		this.appointmentStarts = allStarts;
		this.appointmentEnds = allEnds;
		var chairStarts = new long[chairs.length][];
		var chairEnds = new long[chairs.length][];
		for (int c = 0; c < chairs.length; c++) {
			chairStarts[c] = new long[perChairCount[c]];
			chairEnds[c] = new long[perChairCount[c]];
		}
		int[] chairFill = new int[chairs.length];
		long[] runningStarts = new long[running];
		long[] runningEnds = new long[running];
		int r = 0;
		for (int i = 0; i < total; i++) {
			int c = chairOf[i];
			if (c >= 0) {
				chairStarts[c][chairFill[c]] = allStarts[i];
				chairEnds[c][chairFill[c]++] = allEnds[i];
				runningStarts[r] = allStarts[i];
				runningEnds[r++] = allEnds[i];
			}
		}
		this.chairBusy = new Intervals[chairs.length];
		for (int c = 0; c < chairs.length; c++) {
			chairBusy[c] = Intervals.of(chairStarts[c], chairEnds[c]);
		}
		// load: the number of infusions running, as a step function
		int n = running;
		long[] starts = runningStarts;
		long[] ends = runningEnds;
		Arrays.sort(starts);
		Arrays.sort(ends);
		long[] times = new long[2 * n];
		int[] levels = new int[2 * n];
		int points = 0;
		int level = 0;
		for (int s = 0, e = 0; s < n || e < n;) {
			long t = e >= n || (s < n && starts[s] < ends[e]) ? starts[s] : ends[e];
			while (e < n && ends[e] == t) {
				level--;
				e++;
			}
			while (s < n && starts[s] == t) {
				level++;
				s++;
			}
			times[points] = t;
			levels[points] = level;
			points++;
		}
		this.loadTimes = Arrays.copyOf(times, points);
		this.loadLevels = Arrays.copyOf(levels, points);
		// shifts sorted by start
		var shifts = calendar.shifts()
			.stream()
			.sorted((a, b) -> a.start().compareTo(b.start()))
			.toList();
		this.shiftStarts = shifts.stream().mapToLong(s -> s.start().getEpochSecond()).toArray();
		this.shiftEnds = shifts.stream().mapToLong(s -> s.end().getEpochSecond()).toArray();
		this.shiftWatch = shifts.stream().mapToInt(NurseShift::chairsWatched).toArray();
		long longest = 0;
		for (int i = 0; i < shiftStarts.length; i++) {
			longest = Math.max(longest, shiftEnds[i] - shiftStarts[i]);
		}
		this.longestShift = longest;
	}

	public Duration slotLength() {
		return slotLength;
	}

	public ZoneId zone() {
		return zone;
	}

	/**
	 * Up to {@code limit} earliest slots for the patient lying within [from, until), one per start time (the first
	 * free chair in the calendar's chair order), earliest first.
	 */
	public List<Slot> earliest(UUID patientId, Instant from, Instant until, Preferences preferences, int limit) {
		var found = new ArrayList<Slot>();
		var last = until.atZone(zone).toLocalDate();
		for (var day = from.atZone(zone).toLocalDate(); !day.isAfter(last) && found.size() < limit; day = day
			.plusDays(1)) {
			search(day, patientId, from, until, preferences, limit, found);
		}
		return found;
	}

	/** The earliest slot for the patient on this local date, within [from, until). */
	public Optional<Slot> firstOn(LocalDate day, UUID patientId, Instant from, Instant until, Preferences preferences) {
		var found = new ArrayList<Slot>(1);
		search(day, patientId, from, until, preferences, 1, found);
		return found.stream().findFirst();
	}

	/**
	 * Every rule a chosen slot breaks against the calendar (clinic hours and closures, the chair, nurse capacity, the
	 * patient's own appointments); empty if it fits. Preferences are the patient's wish, not a rule, and off-grid
	 * starts are allowed: the front desk may choose them.
	 */
	public List<Problem> check(UUID patientId, Slot slot) {
		var problems = new ArrayList<Problem>();
		long s = slot.start().getEpochSecond();
		long e = slot.end().getEpochSecond();
		var when = hours.describe(slot.start(), slot.end());
		if (!hours.covers(slot.start(), slot.end()) || closures.contains(slot.start().atZone(zone).toLocalDate())) {
			problems.add(new Problem(Problem.Rule.CLINIC_CLOSED, when + " is outside clinic hours " + hours
					+ " or on a closure day"));
		}
		var chair = chairIndex.get(slot.chairId());
		if (chair == null || chairBusy[chair].overlaps(s, e)) {
			problems.add(new Problem(Problem.Rule.CHAIR_TAKEN,
					chair == null ? "Chair " + slot.chairId() + " is not in this clinic" : "The chair is taken " + when));
		}
		if (capacity(s, e) <= peakLoad(s, e)) {
			problems.add(new Problem(Problem.Rule.NO_NURSE_CAPACITY, "No nurse can watch one more chair " + when));
		}
		if (patientBusy(patientId, s, e)) {
			problems.add(new Problem(Problem.Rule.PATIENT_BUSY, "The patient already has an appointment " + when));
		}
		return problems;
	}

	/** What one grid slot of a chair's open time is: bookable, the chair taken (booked or held), or no nurse free. */
	public enum Availability {
		FREE, CHAIR_TAKEN, NO_NURSE_CAPACITY
	}

	/** One grid slot of a chair's open time and whether a patient could be booked into it. */
	public record ChairTime(Slot slot, Availability availability) {
	}

	/**
	 * Every grid slot of the chair starting within [from, until) on the days the clinic is open, earliest first, with
	 * its availability for any patient (a patient's own appointments are not asked: that is {@link #check}). Empty
	 * for a chair not in this calendar.
	 */
	public List<ChairTime> chairTimes(UUID chairId, Instant from, Instant until) {
		var chair = chairIndex.get(chairId);
		var times = new ArrayList<ChairTime>();
		if (chair == null) {
			return times;
		}
		long fromSeconds = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
		long untilSeconds = until.getEpochSecond();
		var last = until.atZone(zone).toLocalDate();
		for (var day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (closures.contains(day) || !hours.isOpenOn(day.getDayOfWeek())) {
				continue;
			}
			long first = day.atTime(onGrid(hours.opens(day.getDayOfWeek()))).atZone(zone).toEpochSecond();
			long close = day.atTime(hours.closes(day.getDayOfWeek())).atZone(zone).toEpochSecond();
			for (long s = gridAfter(first, fromSeconds); s < untilSeconds && s + slotSeconds <= close; s += gridSeconds) {
				long e = s + slotSeconds;
				var slot = new Slot(chairId, Instant.ofEpochSecond(s), Instant.ofEpochSecond(e));
				if (!hours.covers(slot.start(), slot.end())) {
					continue;
				}
				var availability = chairBusy[chair].overlaps(s, e) ? Availability.CHAIR_TAKEN
						: capacity(s, e) <= peakLoad(s, e) ? Availability.NO_NURSE_CAPACITY : Availability.FREE;
				times.add(new ChairTime(slot, availability));
			}
		}
		return times;
	}

	/** The first start on the grid from {@code first} that is at or after {@code seconds}. */
	private long gridAfter(long first, long seconds) {
		return seconds <= first ? first : first + (seconds - first + gridSeconds - 1) / gridSeconds * gridSeconds;
	}

	/** The first chair (in the calendar's order) free for the whole of [start, end), if any. */
	public Optional<UUID> freeChair(Instant start, Instant end) {
		int chair = freeChair(start.getEpochSecond(), end.getEpochSecond());
		return chair < 0 ? Optional.empty() : Optional.of(chairs[chair]);
	}

	private void search(LocalDate day, UUID patientId, Instant from, Instant until, Preferences preferences, int limit,
			List<Slot> found) {
		if (closures.contains(day) || !hours.isOpenOn(day.getDayOfWeek()) || !preferences.allows(day.getDayOfWeek())) {
			return;
		}
		var opens = hours.opens(day.getDayOfWeek());
		var earliestLocal = preferences.earliestStart() != null && preferences.earliestStart().isAfter(opens)
				? preferences.earliestStart() : opens;
		long first = day.atTime(onGrid(earliestLocal)).atZone(zone).toEpochSecond();
		long close = day.atTime(hours.closes(day.getDayOfWeek())).atZone(zone).toEpochSecond();
		long fromSeconds = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
		long untilSeconds = until.getEpochSecond();
		var patient = patientIntervals(patientId);
		for (long s = first; s + slotSeconds <= close && found.size() < limit; s += gridSeconds) {
			long e = s + slotSeconds;
			if (s < fromSeconds) {
				continue;
			}
			if (e > untilSeconds) {
				return;
			}
			var start = Instant.ofEpochSecond(s);
			var end = Instant.ofEpochSecond(e);
			if (!hours.covers(start, end) || patient.overlaps(s, e)) {
				continue;
			}
			if (preferences.latestEnd() != null
					&& !preferences.allows(start.atZone(zone).toLocalTime(), end.atZone(zone).toLocalTime())) {
				return; // later starts end later still
			}
			int chair = freeChair(s, e, preferences);
			if (chair >= 0 && capacity(s, e) > peakLoad(s, e)) {
				found.add(new Slot(chairs[chair], start, end));
			}
		}
	}

	private LocalTime onGrid(LocalTime time) {
		long seconds = time.toSecondOfDay();
		long aligned = (seconds + gridSeconds - 1) / gridSeconds * gridSeconds;
		return aligned >= 86_400 ? LocalTime.MAX : LocalTime.ofSecondOfDay(aligned);
	}

	private int freeChair(long s, long e) {
		return freeChair(s, e, Preferences.NONE);
	}

	private int freeChair(long s, long e, Preferences preferences) {
		for (int c = 0; c < chairs.length; c++) {
			if (!chairBusy[c].overlaps(s, e) && preferences.allows(chairs[c])) {
				return c;
			}
		}
		return -1;
	}

	private boolean patientBusy(UUID patientId, long s, long e) {
		return patientIntervals(patientId).overlaps(s, e);
	}

	/** The patient's busy intervals (none for a patient with no appointment in the calendar). */
	private Intervals patientIntervals(UUID patientId) {
		return patientBusy.computeIfAbsent(patientId, patient -> {
			int count = 0;
			for (var of : patientOf) {
				if (patient.equals(of)) {
					count++;
				}
			}
			long[] starts = new long[count];
			long[] ends = new long[count];
			for (int i = 0, at = 0; at < count; i++) {
				if (patient.equals(patientOf[i])) {
					starts[at] = appointmentStarts[i];
					ends[at++] = appointmentEnds[i];
				}
			}
			return Intervals.of(starts, ends);
		});
	}

	/** Chairs watched by the nurses whose shift covers the whole of [s, e). */
	private int capacity(long s, long e) {
		int i = lowerBound(shiftStarts, s - longestShift);
		int watched = 0;
		for (; i < shiftStarts.length && shiftStarts[i] <= s; i++) {
			if (shiftEnds[i] >= e) {
				watched += shiftWatch[i];
			}
		}
		return watched;
	}

	/** The most infusions running at any moment of [s, e). */
	private int peakLoad(long s, long e) {
		int k = upperBound(loadTimes, s) - 1;
		int peak = k >= 0 ? loadLevels[k] : 0;
		for (int j = k + 1; j < loadTimes.length && loadTimes[j] < e; j++) {
			peak = Math.max(peak, loadLevels[j]);
		}
		return peak;
	}

	/** The first index whose value is at least {@code key}. */
	static int lowerBound(long[] sorted, long key) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < key) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** The first index whose value is greater than {@code key}. */
	static int upperBound(long[] sorted, long key) {
		return lowerBound(sorted, key == Long.MAX_VALUE ? key : key + 1);
	}

	/** Busy intervals, sorted and merged: [starts[i], ends[i]) with both arrays ascending. */
	private record Intervals(long[] starts, long[] ends) {

		/**
		 * The union of [starts[i], ends[i]): with both sorted on their own, a sweep counting open intervals finds
		 * where the count is above zero (no object sorting). Sorts the arrays in place.
		 */
		static Intervals of(long[] starts, long[] ends) {
			Arrays.sort(starts);
			Arrays.sort(ends);
			int total = starts.length;
			long[] unionStarts = new long[total];
			long[] unionEnds = new long[total];
			int n = 0;
			int open = 0;
			for (int s = 0, e = 0; s < total;) {
				if (starts[s] <= ends[e]) { // touching intervals merge: [a, b) and [b, c) are busy from a to c
					if (open++ == 0) {
						if (n > 0 && unionEnds[n - 1] == starts[s]) {
							n--;
						}
						else {
							unionStarts[n] = starts[s];
						}
					}
					s++;
				}
				else {
					if (--open == 0) {
						unionEnds[n++] = ends[e];
					}
					e++;
				}
			}
			if (open > 0) {
				unionEnds[n++] = ends[total - 1];
			}
			return new Intervals(Arrays.copyOf(unionStarts, n), Arrays.copyOf(unionEnds, n));
		}

		boolean overlaps(long s, long e) {
			int i = upperBound(ends, s);
			return i < ends.length && starts[i] < e;
		}
	}
}
