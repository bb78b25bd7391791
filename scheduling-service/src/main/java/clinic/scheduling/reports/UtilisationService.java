package clinic.scheduling.reports;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.scheduling.calendar.CalendarService;

/** The utilisation report of a site's week, read from the site's calendar of that week. */
@Service
public class UtilisationService {

	private final CalendarService calendars;

	private final Clock clock;

	UtilisationService(CalendarService calendars, Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * The site's utilisation in {@code week} ("2026-W48"); without a week, the current one on the site's clock (the
	 * clinic's clock, not the caller's). Without a site, the clinic's only site.
	 */
	@Transactional(readOnly = true)
	public WeekUtilisation week(@Nullable UUID siteId, @Nullable String week) {
		var given = week == null || week.isBlank() ? null : IsoWeek.parse("week", week);
		var site = calendars.siteOrOnly(siteId);
		var asked = given != null ? given
				: IsoWeek.of(clock.instant().atZone(calendars.zoneOf(site).zone()).toLocalDate());
		var calendar = calendars.load(CalendarService.Request.of(site, asked.monday(), asked.sunday()));
		return Utilisation.of(calendar, asked);
	}
}
