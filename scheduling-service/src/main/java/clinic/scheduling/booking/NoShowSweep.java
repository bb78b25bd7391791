package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;

/**
 * Marks as no-show every appointment still booked once its day is over: the patient never arrived and nothing was
 * charted (arrival, check-in and fulfilment come from the session record). "Over" is {@code
 * clinic.scheduling.no-show.after-day-end} after the midnight that ends the appointment's day in its site's time
 * zone, so that a session charted late that evening still counts. Held appointments of a paused course are not
 * swept: nobody expected the patient. Each appointment is marked in a transaction of its own, as the front desk's
 * no-show is (history by scheduling-service, appointment-no-show published); one that fails is left for the next
 * sweep. Replicas may sweep at once: the course lock and a fresh look at the status mark each appointment once.
 */
@Component
public class NoShowSweep {

	private static final Logger log = LoggerFactory.getLogger(NoShowSweep.class);

	private final Appointments appointments;

	private final AppointmentLifecycle lifecycle;

	private final CalendarService calendars;

	private final SchedulingSettings settings;

	private final Clock clock;

	NoShowSweep(Appointments appointments, AppointmentLifecycle lifecycle, CalendarService calendars,
			SchedulingSettings settings, Clock clock) {
		this.appointments = appointments;
		this.lifecycle = lifecycle;
		this.calendars = calendars;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${clinic.scheduling.no-show.sweep-interval}",
			initialDelayString = "${clinic.scheduling.no-show.sweep-interval}")
	void onSchedule() {
		if (settings.noShow().enabled()) {
			sweep();
		}
	}

	/** Sweeps once, now; returns the appointments it marked as no-show. */
	public List<UUID> sweep() {
		var now = clock.instant();
		var afterDayEnd = settings.noShow().afterDayEnd();
		var zones = new HashMap<UUID, ZoneId>();
		var marked = new ArrayList<UUID>();
		// a day ends after it starts: only appointments that started more than after-day-end ago can be over
		for (var appointment : appointments.bookedStartedBefore(now.minus(afterDayEnd))) {
			var zone = zones.computeIfAbsent(appointment.chairId(), chair -> calendars.zoneOfChair(chair).zone());
			if (now.isBefore(dayOver(appointment.start(), zone).plus(afterDayEnd))) {
				continue;
			}
			try {
				if (lifecycle.noShowAfterItsDay(appointment.id())) {
					marked.add(appointment.id());
				}
			}
			catch (RuntimeException e) {
				log.warn("Appointment {} could not be marked as a no-show; the next sweep tries again: {}",
						appointment.id(), e.getMessage());
			}
		}
		if (!marked.isEmpty()) {
			log.info("No-show sweep: {} appointment(s) whose day is over marked as no-show", marked.size());
		}
		return marked;
	}

	/** The midnight that ends the day of {@code start} on the site's clock. */
	static Instant dayOver(Instant start, ZoneId zone) {
		return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
	}
}
