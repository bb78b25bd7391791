package clinic.scheduling.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarChair;
import clinic.scheduling.calendar.SiteCalendar;
import clinic.scheduling.calendar.StaffShift;
import clinic.scheduling.planning.ClinicHours;

/** The utilisation figures from a site's calendar, computed by hand. */
class UtilisationTest {

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	// Monday 2 March 2026 to Sunday 8 March 2026
	static final IsoWeek WEEK = new IsoWeek(2026, 10);

	final UUID chairA = UUID.randomUUID();

	final UUID chairB = UUID.randomUUID();

	final UUID chairOut = UUID.randomUUID();

	List<CalendarChair> chairs() {
		return List.of(new CalendarChair(chairA, "A", "Room", Set.of(), true),
				new CalendarChair(chairB, "B", "Room", Set.of(), true),
				new CalendarChair(chairOut, "Out", "Room", Set.of(), false));
	}

	static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
		return day.atTime(hour, minute).atZone(zone).toInstant();
	}

	CalendarAppointment appointment(UUID chair, Instant start, long minutes, String status) {
		return new CalendarAppointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "P", chair, "INFUSION",
				1, start, start.plusSeconds(minutes * 60), status, false);
	}

	static ClinicHours weekdays(ZoneId zone) {
		return new ClinicHours(zone, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0));
	}

	@Test
	void givenTwoChairsInServiceAClosureAndAShortStaffedAfternoonThenOpenStaffedAndBookedAreCountedPerDay() {
		var monday = WEEK.monday();
		var tuesday = monday.plusDays(1);
		// one nurse watching 2 chairs all day on Monday; on Tuesday only 08:00–13:00, then one watching 1 chair
		var shifts = List.of(new StaffShift("N1", at(monday, 8, 0, ZURICH), at(monday, 18, 0, ZURICH), 2,
				StaffShift.Source.ROTA),
				new StaffShift("N1", at(tuesday, 8, 0, ZURICH), at(tuesday, 13, 0, ZURICH), 2, StaffShift.Source.ROTA),
				new StaffShift("N2", at(tuesday, 13, 0, ZURICH), at(tuesday, 20, 0, ZURICH), 1,
						StaffShift.Source.EXTRA));
		var appointments = List.of(appointment(chairA, at(monday, 9, 0, ZURICH), 110, "fulfilled"),
				appointment(chairB, at(monday, 9, 0, ZURICH), 110, "noshow"),
				// a chair taken out of service since: its booking still held the chair
				appointment(chairOut, at(tuesday, 10, 0, ZURICH), 110, "booked"),
				appointment(chairA, at(tuesday, 14, 0, ZURICH), 110, "cancelled"));
		var calendar = new SiteCalendar(UUID.randomUUID(), "Lakeside", WEEK.monday(), WEEK.sunday(), chairs(),
				weekdays(ZURICH), Map.of(monday.plusDays(2), "Inspection"), shifts, appointments);

		var week = Utilisation.of(calendar, WEEK);

		assertThat(week.chairsInService()).isEqualTo(2);
		assertThat(week.days()).hasSize(7);
		var mon = week.days().get(0);
		assertThat(mon.openChairMinutes()).isEqualTo(2 * 600);
		assertThat(mon.staffedChairMinutes()).isEqualTo(2 * 600);
		assertThat(mon.bookedChairMinutes()).isEqualTo(220);
		assertThat(mon.appointments()).isEqualTo(2);
		assertThat(mon.noShows()).isEqualTo(1);
		assertThat(mon.noShowChairMinutes()).isEqualTo(110);
		assertThat(mon.utilisationPercent()).isEqualByComparingTo("18.3");
		var tue = week.days().get(1);
		// 08:00–13:00 both chairs (300 × 2), 13:00–18:00 one (300 × 1); the shift past closing counts for nothing
		assertThat(tue.staffedChairMinutes()).isEqualTo(900);
		assertThat(tue.bookedChairMinutes()).isEqualTo(110);
		assertThat(tue.appointments()).isEqualTo(1);
		var wed = week.days().get(2);
		assertThat(wed.open()).isFalse();
		assertThat(wed.closure()).isEqualTo("Inspection");
		assertThat(wed.hours()).isNotNull();
		assertThat(wed.openChairMinutes()).isZero();
		assertThat(wed.utilisationPercent()).isNull();
		var thu = week.days().get(3);
		assertThat(thu.openChairMinutes()).isEqualTo(1200);
		assertThat(thu.staffedChairMinutes()).isZero();
		var sat = week.days().get(5);
		assertThat(sat.hours()).isNull();
		assertThat(sat.open()).isFalse();

		// Mon, Tue, Thu, Fri open: 4 × 1200
		assertThat(week.openChairMinutes()).isEqualTo(4800);
		assertThat(week.staffedChairMinutes()).isEqualTo(1200 + 900);
		assertThat(week.bookedChairMinutes()).isEqualTo(330);
		assertThat(week.noShows()).isEqualTo(1);
		assertThat(week.appointments()).isEqualTo(3);
		// 330 / 4800 = 6.875 %
		assertThat(week.utilisationPercent()).isEqualByComparingTo(new BigDecimal("6.9"));
	}

	@Test
	void givenTheSundayTheClocksGoForwardThenThatDayIsAnHourShorterAndABookingAcrossTheChangeHoldsItsRealTime() {
		// Sunday 29 March 2026 in Zurich: 02:00 becomes 03:00; the site opens Sundays 00:00–12:00 on its clock
		var week = new IsoWeek(2026, 13);
		var sunday = week.sunday();
		var hours = new EnumMap<DayOfWeek, ClinicHours.Open>(DayOfWeek.class);
		hours.put(DayOfWeek.SUNDAY, new ClinicHours.Open(LocalTime.MIDNIGHT, LocalTime.NOON));
		var start = at(sunday, 1, 30, ZURICH);
		var calendar = new SiteCalendar(UUID.randomUUID(), "Lakeside", week.monday(), sunday,
				List.of(new CalendarChair(chairA, "A", "Room", Set.of(), true)), new ClinicHours(ZURICH, hours), Map.of(),
				List.of(new StaffShift("N1", at(sunday, 0, 0, ZURICH), at(sunday, 12, 0, ZURICH), 1,
						StaffShift.Source.ROTA)),
				List.of(appointment(chairA, start, 110, "booked")));

		var day = Utilisation.of(calendar, week).days().get(6);

		assertThat(day.openChairMinutes()).isEqualTo(11 * 60);
		assertThat(day.staffedChairMinutes()).isEqualTo(11 * 60);
		// 01:30 to 04:20 on the wall clock, but 110 minutes of chair time
		assertThat(start.plusSeconds(110 * 60).atZone(ZURICH).toLocalTime()).isEqualTo(LocalTime.of(4, 20));
		assertThat(day.bookedChairMinutes()).isEqualTo(110);
		assertThat(day.utilisationPercent()).isEqualByComparingTo("16.7");
	}

	@Test
	void givenABookingLateInTheEveningInNewYorkThenItCountsOnItsDayThereNotOnTheUtcDay() {
		var newYork = ZoneId.of("America/New_York");
		var monday = WEEK.monday();
		// Monday 19:00 in New York is Tuesday 00:00 UTC
		var calendar = new SiteCalendar(UUID.randomUUID(), "Hudson", monday, WEEK.sunday(),
				List.of(new CalendarChair(chairA, "A", "Room", Set.of(), true)),
				new ClinicHours(newYork, Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(22, 0)), Map.of(),
				List.of(), List.of(appointment(chairA, at(monday, 19, 0, newYork), 110, "booked")));

		var week = Utilisation.of(calendar, WEEK);

		assertThat(week.days().get(0).bookedChairMinutes()).isEqualTo(110);
		assertThat(week.days().get(1).bookedChairMinutes()).isZero();
		assertThat(week.days().get(0).staffedChairMinutes()).isZero();
	}
}
