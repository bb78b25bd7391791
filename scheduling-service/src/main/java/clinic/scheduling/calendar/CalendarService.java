package clinic.scheduling.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.planning.ClinicHours;
import clinic.scheduling.planning.Slot;
import clinic.scheduling.planning.SlotFinder;

/** Loads a site's calendar for a range of dates (on the site's own clock) and takes the site's capacity lock. */
@Service
public class CalendarService {

	/** The longest range one calendar is loaded for (a year), so that one request cannot load the whole history. */
	static final int MAX_DAYS = 366;

	private final SiteCalendars calendars;

	private final SchedulingSettings settings;

	CalendarService(SiteCalendars calendars, SchedulingSettings settings) {
		this.calendars = calendars;
		this.settings = settings;
	}

	/**
	 * What is asked of a calendar: the site, the dates, whose appointments to add or leave out, and whether its
	 * appointments carry patients' names (a page shows them; planning does not read them).
	 */
	public record Request(UUID siteId, LocalDate from, LocalDate to, @Nullable UUID patientId,
			@Nullable UUID exceptCourseId, boolean names) {

		public Request(UUID siteId, LocalDate from, LocalDate to, @Nullable UUID patientId,
				@Nullable UUID exceptCourseId) {
			this(siteId, from, to, patientId, exceptCourseId, true);
		}

		public static Request of(UUID siteId, LocalDate from, LocalDate to) {
			return new Request(siteId, from, to, null, null);
		}

		/** A calendar to plan on: the same appointments, without patients' names. */
		public static Request forPlanning(UUID siteId, LocalDate from, LocalDate to, @Nullable UUID patientId,
				@Nullable UUID exceptCourseId) {
			return new Request(siteId, from, to, patientId, exceptCourseId, false);
		}
	}

	/**
	 * The site given, or the clinic's only site when none is given.
	 * @throws InvalidInputException when none is given and the clinic has several sites
	 */
	@Transactional(readOnly = true)
	public UUID siteOrOnly(@Nullable UUID siteId) {
		if (siteId != null) {
			return calendars.site(siteId).orElseThrow(() -> new NotFoundException("Site", siteId)).id();
		}
		var sites = calendars.sites();
		if (sites.size() != 1) {
			throw new InvalidInputException("siteId", "The clinic has " + sites.size() + " sites; say which one");
		}
		return sites.get(0).id();
	}

	/** The site of a chair. */
	@Transactional(readOnly = true)
	public UUID siteOfChair(UUID chairId) {
		return calendars.siteOfChair(chairId)
			.orElseThrow(() -> new InvalidInputException("chairId", "There is no chair " + chairId));
	}

	/** The site with the zone it keeps time in. */
	@Transactional(readOnly = true)
	public SiteZone zoneOf(UUID siteId) {
		return zoned(calendars.site(siteId).orElseThrow(() -> new NotFoundException("Site", siteId)));
	}

	/** The site of a chair, with the zone it keeps time in. */
	@Transactional(readOnly = true)
	public SiteZone zoneOfChair(UUID chairId) {
		return zoned(calendars.siteWithChair(chairId)
			.orElseThrow(() -> new InvalidInputException("chairId", "There is no chair " + chairId)));
	}

	private SiteZone zoned(SiteCalendars.Site site) {
		return new SiteZone(site.id(), site.name(), settings.zoneOf(site.timeZone()));
	}

	@Transactional(readOnly = true)
	public SiteCalendar load(Request request) {
		return load(request, calendars::appointments);
	}

	/**
	 * A calendar to plan on under the site's lock, in the booking's transaction ({@link #lockCapacity}): as
	 * {@link #load} for planning, the site's appointments from the calendar kept in memory. Before anything planned on
	 * it is booked it is checked on {@link #during}, read from the database under the lock.
	 */
	@Transactional
	public SiteCalendar loadKept(Request request) {
		return load(request, (site, patient, except, from, until, names) -> calendars.keptAppointments(site, patient,
				except, from, until));
	}

	/**
	 * The calendar with only the appointments that overlap the slots, read from the database: all that checking
	 * bookings in those slots depends on, for a plan made on {@link #loadKept}.
	 */
	@Transactional
	public SiteCalendar during(SiteCalendar calendar, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
			List<Slot> slots) {
		var spans = slots.stream().map(slot -> new SiteCalendars.Span(slot.start(), slot.end())).toList();
		return new SiteCalendar(calendar.siteId(), calendar.siteName(), calendar.from(), calendar.to(),
				calendar.chairs(), calendar.hours(), calendar.closures(), calendar.shifts(),
				calendars.appointmentsDuring(calendar.siteId(), patientId, exceptCourseId, spans));
	}

	/** How a calendar's appointments are read: {@link SiteCalendars#appointments}'s arguments. */
	@FunctionalInterface
	private interface AppointmentReader {

		List<CalendarAppointment> read(UUID siteId, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
				Instant from, Instant until, boolean names);
	}

	private SiteCalendar load(Request request, AppointmentReader appointments) {
		if (request.to().isBefore(request.from())) {
			throw new InvalidInputException("to", "The range ends (" + request.to() + ") before it starts ("
					+ request.from() + ")");
		}
		if (request.from().plusDays(MAX_DAYS).isBefore(request.to())) {
			throw new InvalidInputException("to", "A calendar covers at most " + MAX_DAYS + " days");
		}
		var site = calendars.site(request.siteId())
			.orElseThrow(() -> new NotFoundException("Site", request.siteId()));
		// every date and wall-clock time of the site is read on its own clock
		var zone = settings.zoneOf(site.timeZone());
		var own = calendars.hours(site.id());
		var hours = own.isEmpty() ? settings.clinicHours(zone) : new ClinicHours(zone, own);
		var from = request.from().atStartOfDay(zone).toInstant();
		var until = request.to().plusDays(1).atStartOfDay(zone).toInstant();
		var absences = calendars.absences(request.from(), request.to());
		var shifts = new ArrayList<StaffShift>();
		var rota = calendars.rota(site.id(), request.from(), request.to());
		for (var day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
			for (var line : rota) {
				if (!absences.contains(new Absence(line.nurse(), day))) {
					line.on(day, zone).ifPresent(shifts::add);
				}
			}
		}
		shifts.addAll(calendars.extraShifts(site.id(), from, until));
		shifts.sort(Comparator.comparing(StaffShift::start).thenComparing(StaffShift::nurse));
		return new SiteCalendar(site.id(), site.name(), request.from(), request.to(), calendars.chairs(site.id()), hours,
				calendars.closures(site.id(), request.from(), request.to()), shifts,
				appointments.read(site.id(), request.patientId(), request.exceptCourseId(), from, until,
						request.names()));
	}

	/** A slot finder over the calendar for slots of {@code slotLength} on the clinic's slot grid. */
	public SlotFinder finder(SiteCalendar calendar, Duration slotLength) {
		return new SlotFinder(calendar.forPlanning(), slotLength, settings.slotGrid());
	}

	/** See {@link SiteCalendars#lockCapacity(UUID)}; call it inside the booking transaction, before loading. */
	@Transactional
	public void lockCapacity(UUID siteId) {
		calendars.lockCapacity(siteId);
	}

}
