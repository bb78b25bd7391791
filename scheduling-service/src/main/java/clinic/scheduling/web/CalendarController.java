package clinic.scheduling.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.calendar.SiteCalendar;
import clinic.scheduling.calendar.StaffShift;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Day and week views as data: a site's chairs and nurses over a range of dates, ready for a calendar. */
@RestController
@RequestMapping("/api/scheduling/calendar")
class CalendarController {

	private final CalendarService calendars;

	private final Clock clock;

	CalendarController(CalendarService calendars, Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	/** An appointment in a chair; {@code status} is the FHIR R4 code. */
	record AppointmentEntry(UUID id, UUID courseId, UUID patientId, String patientName, String kind, int sequence,
			Instant start, Instant end, String status, boolean onHold) {

		static AppointmentEntry of(CalendarAppointment a) {
			return new AppointmentEntry(a.id(), a.courseId(), a.patientId(), a.patientName(), a.kind(), a.sequence(),
					a.start(), a.end(), a.status(), a.onHold());
		}
	}

	record ChairColumn(UUID id, String name, String room, Set<String> attributes, boolean active,
			List<AppointmentEntry> appointments) {
	}

	record ShiftEntry(Instant start, Instant end, int chairsWatched, StaffShift.Source source) {
	}

	record NurseColumn(String nurse, List<ShiftEntry> shifts) {
	}

	@Schema(name = "CalendarClosure")
	record Closure(LocalDate date, String reason) {
	}

	/**
	 * The site's calendar from {@code from} to {@code to} (dates of the site's time zone, {@code timeZone}, inclusive):
	 * opening hours, closures, each chair with its appointments, each nurse with their shifts, and the load
	 * (infusions running against nurse capacity).
	 */
	record CalendarView(UUID siteId, String siteName, String timeZone, LocalDate from, LocalDate to,
			String openingHours, List<Closure> closures, List<ChairColumn> chairs, List<NurseColumn> nurses,
			List<SiteCalendar.Load> load) {

		static CalendarView of(SiteCalendar calendar) {
			var chairs = calendar.chairs()
				.stream()
				.map(chair -> new ChairColumn(chair.id(), chair.name(), chair.room(), new TreeSet<>(chair.attributes()),
						chair.active(),
						calendar.appointments()
							.stream()
							.filter(a -> a.chairId().equals(chair.id()))
							.map(AppointmentEntry::of)
							.toList()))
				.toList();
			var nurses = calendar.shifts()
				.stream()
				.collect(Collectors.groupingBy(StaffShift::nurse, TreeMap::new, Collectors.toList()))
				.entrySet()
				.stream()
				.map(e -> new NurseColumn(e.getKey(),
						e.getValue()
							.stream()
							.sorted(Comparator.comparing(StaffShift::start))
							.map(s -> new ShiftEntry(s.start(), s.end(), s.chairsWatched(), s.source()))
							.toList()))
				.toList();
			var closures = calendar.closures()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map(e -> new Closure(e.getKey(), e.getValue()))
				.toList();
			return new CalendarView(calendar.siteId(), calendar.siteName(), calendar.zone().getId(), calendar.from(),
					calendar.to(), calendar.hours().toString(), closures, chairs, nurses, calendar.load());
		}
	}

	@GetMapping
	@PreAuthorize(Roles.IS_STAFF)
	@Operation(summary = "A site's day or week (any range of dates up to a year, inclusive): chairs with their "
			+ "appointments, nurses with their shifts, and the load against nurse capacity; siteId may be left out "
			+ "when the clinic has one site, from (default today on the site's clock) and to (default from)")
	CalendarView calendar(@RequestParam(required = false) @Nullable UUID siteId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		var site = calendars.siteOrOnly(siteId);
		// no date: today on the site's clock (the clinic's clock, not the browser's)
		var first = from != null ? from : clock.instant().atZone(calendars.zoneOf(site).zone()).toLocalDate();
		return CalendarView.of(calendars.load(CalendarService.Request.of(site, first, to == null ? first : to)));
	}
}
