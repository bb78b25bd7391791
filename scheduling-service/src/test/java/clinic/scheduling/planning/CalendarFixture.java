package clinic.scheduling.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;


/** Builds constructed calendars in Europe/Zurich: chair time 110 minutes, a 15-minute grid. */
final class CalendarFixture {

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	static final Duration CHAIR_TIME = Duration.ofMinutes(110);

	static final Duration GRID = Duration.ofMinutes(15);

	static final UUID CHAIR_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID CHAIR_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final UUID CHAIR_C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

	static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

	private List<UUID> chairs = List.of(CHAIR_A);

	private ClinicHours hours = weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0));

	private final Set<LocalDate> closures = new HashSet<>();

	private final List<NurseShift> shifts = new ArrayList<>();

	private final List<BookedTime> appointments = new ArrayList<>();

	static ClinicHours weekdays(LocalTime opens, LocalTime closes) {
		return new ClinicHours(ZURICH, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes);
	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZURICH).toInstant();
	}

	static Instant utc(String instant) {
		return Instant.parse(instant);
	}

	CalendarFixture chairs(UUID... ids) {
		chairs = List.of(ids);
		return this;
	}

	CalendarFixture hours(ClinicHours hours) {
		this.hours = hours;
		return this;
	}

	CalendarFixture closed(String date) {
		closures.add(LocalDate.parse(date));
		return this;
	}

	/** One nurse watching {@code chairs} chairs, between two local times of one day. */
	CalendarFixture shift(String date, String from, String to, int chairs) {
		shifts.add(new NurseShift(at(date + "T" + from), at(date + "T" + to), chairs));
		return this;
	}

	/** One nurse per day 07:00–19:00 local watching {@code chairs} chairs, for the days from..to inclusive. */
	CalendarFixture dayShifts(String from, String to, int chairs) {
		for (var day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
			shift(day.toString(), "07:00", "19:00", chairs);
		}
		return this;
	}

	CalendarFixture booked(UUID chair, UUID patient, String from, String to) {
		appointments.add(new BookedTime(chair, patient, at(from), at(to)));
		return this;
	}

	SlotFinder finder() {
		return new SlotFinder(new ClinicCalendar(chairs, hours, closures, shifts, appointments), CHAIR_TIME, GRID);
	}
}
