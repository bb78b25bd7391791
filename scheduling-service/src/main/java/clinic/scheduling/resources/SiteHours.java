package clinic.scheduling.resources;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The week's opening hours that apply at a site. {@code source} says where they come from: {@link Source#SITE}, the
 * site's own hours (a weekday without hours is closed), or {@link Source#CLINIC_SETTINGS}, the clinic-wide
 * {@code clinic.scheduling.opening-hours} because the site has none of its own. {@code version} counts the changes to
 * the site's own hours (0: never set). The hours are read on the site's clock, {@code timeZone} (its own or the
 * clinic's).
 */
public record SiteHours(UUID siteId, Source source, ZoneId timeZone, List<DayHours> days, long version) {

	public enum Source {
		SITE, CLINIC_SETTINGS
	}

	public SiteHours {
		days = List.copyOf(days);
	}
}
