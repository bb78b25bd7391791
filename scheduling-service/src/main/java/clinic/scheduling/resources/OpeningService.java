package clinic.scheduling.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;

/**
 * When a site is open: its opening hours per ISO weekday (or, while it has none of its own, the clinic-wide
 * {@code clinic.scheduling.opening-hours}) and the whole days it is closed. The hours of a week are replaced in one
 * change; their version is kept in the revision history, since they are rows per weekday.
 */
@Service
public class OpeningService {

	private final Sites sites;

	private final ResourceRevisions revisions;

	private final RevisionLog log;

	private final SchedulingSettings settings;

	OpeningService(Sites sites, ResourceRevisions revisions, RevisionLog log, SchedulingSettings settings) {
		this.sites = sites;
		this.revisions = revisions;
		this.log = log;
		this.settings = settings;
	}

	/** The hours that apply at the site, and whether they are its own or the clinic's. */
	@Transactional(readOnly = true)
	public SiteHours hours(UUID siteId) {
		var site = sites.find(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
		return hoursOf(site);
	}

	/**
	 * Replaces the week's opening hours of the site; a weekday left out is closed. An empty week gives the site back
	 * the clinic-wide hours.
	 */
	@Transactional
	public SiteHours replaceHours(UUID siteId, List<DayHours> days, long expectedVersion) {
		var week = week(days);
		var site = sites.lock(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
		long current = revisions.latestVersion(ResourceKind.SITE_HOURS, siteId);
		Inputs.expectVersion(ResourceKind.SITE_HOURS, siteId, current, expectedVersion);
		sites.replaceHours(siteId, week);
		var hours = hoursOf(site, current + 1);
		log.updated(ResourceKind.SITE_HOURS, siteId, hours.version(), hours);
		return hours;
	}

	private SiteHours hoursOf(Site site) {
		return hoursOf(site, revisions.latestVersion(ResourceKind.SITE_HOURS, site.id()));
	}

	/** The hours on the site's own clock (its zone, or the clinic's). */
	private SiteHours hoursOf(Site site, long version) {
		var siteId = site.id();
		var zone = settings.zoneOf(site.timeZone());
		var own = sites.hours(siteId);
		if (!own.isEmpty()) {
			return new SiteHours(siteId, SiteHours.Source.SITE, zone, own, version);
		}
		var clinic = settings.openingHours();
		var days = clinic.days()
			.stream()
			.sorted()
			.map(day -> new DayHours(day.getValue(), clinic.opens(), clinic.closes()))
			.toList();
		return new SiteHours(siteId, SiteHours.Source.CLINIC_SETTINGS, zone, days, version);
	}

	private static List<DayHours> week(List<DayHours> days) {
		var seen = new HashSet<Integer>();
		var week = new ArrayList<DayHours>();
		for (int i = 0; i < days.size(); i++) {
			var day = days.get(i);
			var field = "days[" + i + "]";
			if (day == null) {
				throw new InvalidInputException(field, "must not be null");
			}
			Inputs.weekday(field + ".dayOfWeek", day.dayOfWeek());
			if (!seen.add(day.dayOfWeek())) {
				throw new InvalidInputException(field + ".dayOfWeek", "weekday " + day.dayOfWeek() + " is given twice");
			}
			if (day.opens() == null) {
				throw new InvalidInputException(field + ".opens", "must not be null");
			}
			if (day.closes() == null) {
				throw new InvalidInputException(field + ".closes", "must not be null");
			}
			if (!day.opens().isBefore(day.closes())) {
				throw new InvalidInputException(field + ".closes",
						"the site must open (" + day.opens() + ") before it closes (" + day.closes() + ")");
			}
			week.add(day);
		}
		week.sort(Comparator.comparingInt(DayHours::dayOfWeek));
		return List.copyOf(week);
	}

	/** The site's closure days from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public List<Closure> closures(UUID siteId, LocalDate from, LocalDate to) {
		Inputs.range(from, to);
		sites.find(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
		return sites.closures(siteId, from, to);
	}

	@Transactional
	public Closure addClosure(UUID siteId, LocalDate date, String reason) {
		if (date == null) {
			throw new InvalidInputException("date", "must not be null");
		}
		var why = Inputs.reason("reason", reason);
		var site = sites.find(siteId).orElseThrow(() -> new NotFoundException("Site", siteId));
		var closure = new Closure(UUID.randomUUID(), site.id(), date, why, 1);
		try {
			sites.insertClosure(closure);
		}
		catch (ResourceCollision collision) {
			throw new ConflictException(site.name() + " is already closed on " + date);
		}
		log.created(ResourceKind.CLOSURE, closure.id(), closure.version(), closure);
		return closure;
	}

	@Transactional
	public void removeClosure(UUID id, long expectedVersion) {
		var closure = sites.findClosure(id).orElseThrow(() -> new NotFoundException("Closure", id));
		Inputs.expectVersion(ResourceKind.CLOSURE, id, closure.version(), expectedVersion);
		if (!sites.deleteClosure(id, expectedVersion)) {
			throw Inputs.changedMeanwhile(ResourceKind.CLOSURE, id);
		}
		log.removed(ResourceKind.CLOSURE, id, closure.version() + 1, closure);
	}
}
