package clinic.scheduling.calendar.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarChanges;

/**
 * Each site's appointments as planning reads them, kept in memory: a slot search or a course proposal on a busy site
 * read thousands of appointments from PostgreSQL on every call (a proposal ~5 400 on 20 chairs), now from memory.
 * <p>
 * <b>Coherent across instances.</b> Every change of an appointment makes PostgreSQL notify the site
 * ({@code V13__site_calendar_notify.sql}), once the change commits; this instance listens on a connection of its own
 * and drops the site's calendar when told. A calendar is kept only if nothing was dropped between the start of its
 * read and its keeping (one generation number, compared inside the map's atomic {@code compute}), so a read that raced
 * a commit is used once and not kept. While not listening (at start, after a lost connection) nothing is kept and
 * every read goes to the database. This instance's own writers of appointments say what they write
 * ({@link CalendarChanges}): once their transaction commits, before the caller gets its answer, an appointment added
 * is added to its site's kept calendar and any other change drops every calendar, so its own changes show at once
 * (and the notifications of its own transactions, which name their transaction, are not needed); another instance's
 * reach it within the notification's delay (milliseconds).
 * <p>
 * <b>Only where a stale view is harmless.</b> Reads in a read-only transaction use it (slot searches, proposals,
 * checks the front desk asks for). Booking the earliest course plans on it under the site's lock
 * ({@link #kept}) and checks the course it found against the database before booking it: a view a few milliseconds
 * old can at worst propose a time another instance has just taken, which that check (and the database's exclusion
 * constraints behind it) refuses.
 */
@Component
class SiteCalendarCache implements SmartLifecycle, CalendarChanges {

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

		/** With the appointments added that overlap the window and are not in it yet, in order. */
		Kept with(List<CalendarAppointment> added) {
			var ids = new HashSet<UUID>();
			appointments.forEach(a -> ids.add(a.id()));
			var all = new ArrayList<>(appointments);
			for (var appointment : added) {
				if (appointment.start().isBefore(until) && appointment.end().isAfter(from) && ids.add(appointment.id())) {
					all.add(appointment);
				}
			}
			all.sort(JdbcSiteCalendars.ORDER);
			return new Kept(from, until, List.copyOf(all));
		}
	}

	/** What this instance's transaction under way wrote of appointments, told to the cache once it commits. */
	private final class Written implements TransactionSynchronization {

		boolean changed;

		final Map<UUID, List<CalendarAppointment>> added = new HashMap<>();

		final Set<Long> transactions = new HashSet<>();

		SiteCalendarCache owner() {
			return SiteCalendarCache.this;
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				if (changed) {
					dropAll();
				}
				else {
					added.forEach(SiteCalendarCache.this::add);
				}
			}
			else {
				// rolled back (or unknown): nothing is notified for it, and what it wrote is not there
				ownTransactions.removeAll(transactions);
				if (status == STATUS_UNKNOWN) {
					dropAll();
				}
			}
		}
	}

	/** Most transaction ids of this instance remembered at once, their notifications awaited. */
	private static final int MAX_OWN_TRANSACTIONS = 10_000;

	/** This instance's own transactions that added appointments: their notifications change nothing more. */
	private final Set<Long> ownTransactions = ConcurrentHashMap.newKeySet();

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
		return fromMemory(siteId, from, until, reader, false);
	}

	/**
	 * The site's appointments overlapping [from, until) from memory in any transaction, read (and kept) when the kept
	 * window does not cover it: for planning under the site's lock, whose result is checked against the database
	 * before it is booked. A miss reads the widest window from {@code from}, so that the next booking's window, a
	 * moment later, is covered too.
	 */
	List<CalendarAppointment> kept(UUID siteId, Instant from, Instant until, Reader reader) {
		if (!listening) {
			return reader.read(siteId, from, until);
		}
		return fromMemory(siteId, from, until, reader, true);
	}

	private List<CalendarAppointment> fromMemory(UUID siteId, Instant from, Instant until, Reader reader,
			boolean widest) {
		var kept = sites.get(siteId);
		if (kept == null || !kept.covers(from, until)) {
			long before = generation.get();
			// the window asked, grown by the one kept when they touch (a slot search reads a fortnight at a time),
			// up to the widest kept: a miss costs what the read cost before there was a cache
			var readFrom = from;
			var readUntil = until;
			var widestUntil = from.plus(horizon.get()).plus(SPAN_MARGIN);
			if (widest && widestUntil.isAfter(until)) {
				readUntil = widestUntil;
			}
			else if (kept != null && !kept.from().isAfter(until) && !from.isAfter(kept.until())) {
				var wideFrom = kept.from().isBefore(from) ? kept.from() : from;
				var wideUntil = kept.until().isAfter(until) ? kept.until() : until;
				if (!wideUntil.isAfter(wideFrom.plus(horizon.get()).plus(SPAN_MARGIN))) {
					readFrom = wideFrom;
					readUntil = wideUntil;
				}
			}
			var read = new Kept(readFrom, readUntil, List.copyOf(reader.read(siteId, readFrom, readUntil)));
			// not kept when this transaction wrote appointments: the read holds them, and they may yet be rolled back
			if (writtenSoFar() == null) {
				if (sites.size() >= MAX_SITES && !sites.containsKey(siteId)) {
					// room for this one: another site's calendar goes (it is still right; no generation is spent)
					sites.keySet().stream().findAny().ifPresent(sites::remove);
				}
				sites.compute(siteId, (site, now) -> listening && generation.get() == before ? read : now);
			}
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

	@Override
	public void changed() {
		var written = written();
		if (written == null) {
			dropAll();
		}
		else {
			written.changed = true;
		}
	}

	@Override
	public void added(UUID siteId, CalendarAppointment appointment, long transactionId) {
		var written = written();
		if (written == null) {
			drop(siteId);
			return;
		}
		written.added.computeIfAbsent(siteId, site -> new ArrayList<>()).add(appointment);
		if (written.transactions.add(transactionId)) {
			ownTransaction(transactionId);
		}
	}

	/** The transaction is this instance's own: its notification, when it comes, changes nothing. */
	void ownTransaction(long transactionId) {
		if (ownTransactions.size() >= MAX_OWN_TRANSACTIONS) {
			// notifications that never came (a lost connection): those still to come drop a site, which is safe
			ownTransactions.clear();
		}
		ownTransactions.add(transactionId);
	}

	/** What the transaction under way wrote so far, registered to be told at its end; none outside a transaction. */
	private @Nullable Written written() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		var written = writtenSoFar();
		if (written == null) {
			written = new Written();
			TransactionSynchronizationManager.registerSynchronization(written);
		}
		return written;
	}

	/** What the transaction under way told of its writes, if it wrote any appointment. */
	private @Nullable Written writtenSoFar() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (synchronization instanceof Written written && written.owner() == this) {
					return written;
				}
			}
		}
		return null;
	}

	/** Adds appointments committed by this instance to the site's kept calendar; a read racing it is not kept. */
	private void add(UUID siteId, List<CalendarAppointment> appointments) {
		sites.compute(siteId, (site, kept) -> {
			generation.incrementAndGet();
			return kept == null ? null : kept.with(appointments);
		});
	}

	/** A notification: the site's calendar changed in the transaction named, unless it is this instance's own. */
	void notified(String payload) {
		int space = payload.indexOf(' ');
		if (space > 0) {
			try {
				if (ownTransactions.remove(Long.parseLong(payload.substring(space + 1)))) {
					return;
				}
			}
			catch (NumberFormatException e) {
				// not a transaction id: the site is dropped below
			}
		}
		drop(UUID.fromString(space > 0 ? payload.substring(0, space) : payload));
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
							notified(notification.getParameter());
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
