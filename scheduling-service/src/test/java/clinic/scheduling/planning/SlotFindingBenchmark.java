package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;


/**
 * The in-process half of slot finding and course planning, without the database: a site of {@code chairs} chairs
 * open every day 07:00–21:00 for the 90-day planning horizon, a nurse for every two chairs all day, and
 * {@code bookedPercent} of every chair's day taken by appointments (each of another patient), as scheduling's
 * PlanningService builds it from the rows it reads. Run with {@code ./mvnw -Pjmh verify -pl scheduling-service -am
 * -DskipTests} (docs/benchmarks.md); {@code SlotFindingBenchmarkTest} keeps it working in every build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1" })
public class SlotFindingBenchmark {

	static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

	static final Duration CHAIR_TIME = Duration.ofMinutes(110);

	static final Duration GRID = Duration.ofMinutes(15);

	static final int HORIZON_DAYS = 90;

	static final CourseRules RULES = new CourseRules(6, 2, 3, 1, 4);

	@Param({ "20" })
	public int chairs;

	@Param({ "0", "50", "90" })
	public int bookedPercent;

	ClinicCalendar calendar;

	Instant from;

	Instant until;

	final UUID patient = UUID.randomUUID();

	/** How many appointments the calendar holds. */
	int appointments;

	@Setup
	public void calendar() {
		var random = new Random(42);
		var chairIds = new ArrayList<UUID>();
		for (int c = 0; c < chairs; c++) {
			chairIds.add(new UUID(0xC4A1L, c));
		}
		var first = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		var shifts = new ArrayList<NurseShift>();
		var booked = new ArrayList<BookedTime>();
		for (int d = 0; d < HORIZON_DAYS; d++) {
			var day = first.plusDays(d);
			var opens = day.atTime(7, 0).atZone(ZONE).toInstant();
			var closes = day.atTime(21, 0).atZone(ZONE).toInstant();
			for (int n = 0; n < (chairs + 1) / 2; n++) {
				shifts.add(new NurseShift(opens, closes, 2));
			}
			for (var chair : chairIds) {
				for (var start = opens; !start.plus(CHAIR_TIME).isAfter(closes); start = start.plus(CHAIR_TIME)) {
					if (random.nextInt(100) < bookedPercent) {
						booked.add(new BookedTime(chair, UUID.randomUUID(), start, start.plus(CHAIR_TIME)));
					}
				}
			}
		}
		var hours = new ClinicHours(ZONE, EnumSet.allOf(DayOfWeek.class), LocalTime.of(7, 0), LocalTime.of(21, 0));
		calendar = new ClinicCalendar(List.copyOf(chairIds), hours, Set.of(), shifts, booked);
		appointments = booked.size();
		from = first.atStartOfDay(ZONE).toInstant();
		until = first.plusDays(HORIZON_DAYS).atStartOfDay(ZONE).toInstant();
	}

	/** The ten earliest free slots for a patient, as {@code GET /api/scheduling/slots} finds them. */
	@Benchmark
	public List<Slot> earliestSlots() {
		return new SlotFinder(calendar, CHAIR_TIME, GRID).earliest(patient, from, until, Preferences.NONE, 10);
	}

	/** The earliest whole induction course, as {@code POST /api/scheduling/courses/{id}/proposal} plans it. */
	@Benchmark
	public Optional<CoursePlan> courseProposal() {
		return new CoursePlanner(new SlotFinder(calendar, CHAIR_TIME, GRID), RULES).propose(patient, from, until,
				Preferences.NONE);
	}
}
