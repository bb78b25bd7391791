package clinic.scheduling.calendar.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarAppointment;

/**
 * Each site's appointments as planning reads them, kept in memory: a slot search or a course proposal on a busy site
 * read thousands of appointments from PostgreSQL on every call (a proposal ~5 400 on 20 chairs), now from memory.
 * <p>
 * <b>Coherent across instances.</b> Every change of an appointment makes PostgreSQL notify the site
 * ({@code V13__site_calendar_notify.sql}), once the change commits; this instance listens on a connection of its own
 * and drops the site's calendar when told. A calendar is kept only if nothing was dropped between the start of its
 * read and its keeping (one generation number, compared inside the map's atomic {@code compute}), so a read that raced
 * a commit is used once and not kept. While not listening (at start, after a lost connection) nothing is kept and
 * every read goes to the database. An instance drops every calendar itself after each of its own read-write
 * transactions commits, before the caller gets its answer, so its own changes show at once; another instance's
 * reach it within the notification's delay (milliseconds).
 * <p>
 * <b>Only where a stale view is harmless.</b> Only reads in a read-only transaction use it (slot searches, proposals,
 * checks the front desk asks for): booking reads its calendar under the site's lock in a read-write transaction,
 * always from the database. A view a few milliseconds old can at worst propose a time another instance has just
 * taken; booking it is refused (409) by the check under the lock and by the database's exclusion constraints.
 */
@Component
class SiteCalendarCache implements SmartLifecycle, TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SiteCalendarCache.class);

	static final String CHANNEL = "site_calendar";

	/** Sites kept at once: a busy site's window is a few MB of heap. */
	static final int MAX_SITES = 8;

	/** How long the listener waits for notifications before it looks whether it should stop. */
	private static final int POLL_MILLIS = 500;

	/** The widest window kept: the planning horizon and a course's span after it. */
	private static final Duration SPAN_MARGIN = Duration.ofDays(35);

	/**
	 * What reads the site's appointments (not cancelled, any patient) overlapping [from, until) from the database,
	 * ordered by start.
	 */
	@FunctionalInterface
	interface Reader {

		List<CalendarAppointment> read(UUID siteId, Instant from, Instant until);
	}

	/** A site's appointments overlapping [from, until), as read, ordered by start. */
	private record Kept(Instant from, Instant until, List<CalendarAppointment> appointments) {

		boolean covers(Instant start, Instant end) {
			return !start.isBefore(from) && !end.isAfter(until);
		}
	}

	private final Map<UUID, Kept> sites = new ConcurrentHashMap<>();

	/** Grows with every drop: a read started before a drop is not kept. */
	private final AtomicLong generation = new AtomicLong();

	private final DataSource dataSource;

	/** The planning horizon, an administrator's setting (read at each load, so a change counts from the next). */
	private final Supplier<Duration> horizon;

	private volatile boolean listening;

	private volatile boolean running;

	/** Whether the listener's last failure was logged as a warning: one per outage, then quietly until it listens again. */
	private boolean warned;

	private @Nullable Thread listener;

	@Autowired
	SiteCalendarCache(DataSource dataSource, SchedulingSettings settings) {
		this(dataSource, settings::planningHorizon);
	}

	SiteCalendarCache(DataSource dataSource, Supplier<Duration> horizon) {
		this.dataSource = dataSource;
		this.horizon = horizon;
	}

	/**
	 * The site's appointments overlapping [from, until), from memory when this is a read-only transaction and the
	 * site's kept window covers it; otherwise read (and, when allowed, kept for the next call).
	 */
	List<CalendarAppointment> appointments(UUID siteId, Instant from, Instant until, Reader reader) {
		if (!listening || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return reader.read(siteId, from, until);
		}
		var kept = sites.get(siteId);
		if (kept == null || !kept.covers(from, until)) {
			long before = generation.get();
			// the window asked, grown by the one kept when they touch (a slot search reads a fortnight at a time),
			// up to the widest kept: a miss costs what the read cost before there was a cache
			var readFrom = from;
			var readUntil = until;
			if (kept != null && !kept.from().isAfter(until) && !from.isAfter(kept.until())) {
				var wideFrom = kept.from().isBefore(from) ? kept.from() : from;
				var wideUntil = kept.until().isAfter(until) ? kept.until() : until;
				if (!wideUntil.isAfter(wideFrom.plus(horizon.get()).plus(SPAN_MARGIN))) {
					readFrom = wideFrom;
					readUntil = wideUntil;
				}
			}
			var read = new Kept(readFrom, readUntil, List.copyOf(reader.read(siteId, readFrom, readUntil)));
			if (sites.size() >= MAX_SITES && !sites.containsKey(siteId)) {
				// room for this one: another site's calendar goes (it is still right; no generation is spent)
				sites.keySet().stream().findAny().ifPresent(sites::remove);
			}
			sites.compute(siteId, (site, now) -> listening && generation.get() == before ? read : now);
			kept = read;
		}
		var overlapping = new ArrayList<CalendarAppointment>();
		for (var appointment : kept.appointments()) {
			if (!appointment.start().isBefore(until)) {
				break;
			}
			if (appointment.end().isAfter(from)) {
				overlapping.add(appointment);
			}
		}
		return overlapping;
	}

	/** Whether the site's calendar is kept now. */
	boolean keeps(UUID siteId) {
		return sites.containsKey(siteId);
	}

	/** Whether changes are being listened for (only then is anything kept); tests set it without a listener. */
	void listening(boolean listening) {
		this.listening = listening;
		if (!listening) {
			dropAll();
		}
	}

	/** Forgets the site's calendar (and stops every read under way from being kept). */
	void drop(UUID siteId) {
		sites.compute(siteId, (site, kept) -> {
			generation.incrementAndGet();
			return null;
		});
	}

	/** Forgets every site's calendar. */
	void dropAll() {
		generation.incrementAndGet();
		sites.clear();
	}

	/** After this instance's own read-write transaction commits: every site it may have changed is read again. */
	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
		if (!transaction.isReadOnly() && !transaction.isNested()) {
			dropAll();
		}
	}

	@Override
	public void start() {
		running = true;
		var thread = new Thread(this::listen, "site-calendar-listener");
		thread.setDaemon(true);
		listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		var thread = listener;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Listens for the sites' changes until stopped; a lost connection empties the cache and is opened again. */
	private void listen() {
		while (running) {
			try (Connection connection = connect()) {
				connection.setAutoCommit(true);
				try (var statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				var notifications = connection.unwrap(PGConnection.class);
				listening(true);
				warned = false;
				while (running) {
					var received = notifications.getNotifications(POLL_MILLIS);
					if (received != null) {
						for (var notification : received) {
							drop(UUID.fromString(notification.getParameter()));
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (running && !warned) {
					log.warn("Not listening for calendar changes ({}); planning reads the database until it listens again",
							e.getMessage());
					warned = true;
				}
				else if (running) {
					log.debug("Still not listening for calendar changes: {}", e.getMessage());
				}
			}
			finally {
				listening(false);
			}
			pause();
		}
	}

	/** A connection of its own, beside the pool (whose connections serve the calls), when the pool says how. */
	private Connection connect() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			var pool = dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		}
		return dataSource.getConnection();
	}

	private void pause() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
