package clinic.scheduling.calendar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import clinic.scheduling.calendar.CalendarAppointment;

/**
 * What the cache keeps and when it reads again, with a reader that counts its calls: kept only for read-only
 * transactions and planning under the site's lock while changes are listened for, never when a change was notified during the read, dropped by a
 * notification of another transaction or by this instance's own change, its own bookings added once committed, and
 * sliced to the window asked.
 */
class SiteCalendarCacheTest {

	private static final UUID SITE = UUID.randomUUID();

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	private final List<CalendarAppointment> calendar = new ArrayList<>();

	private final SiteCalendarCache cache = new SiteCalendarCache(null, () -> Duration.ofDays(90));

	private int reads;

	@BeforeEach
	void aReadOnlyTransactionWhileListening() {
		calendar.add(appointment(NOW.plus(Duration.ofDays(1))));
		calendar.add(appointment(NOW.plus(Duration.ofDays(30))));
		cache.listening(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
	}

	@AfterEach
	void noTransaction() {
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
	}

	@Test
	void givenACoveredWindowThenTheReadIsFromMemoryAndSlicedToTheWindow() {
		assertThat(read(NOW, days(14))).hasSize(1);
		assertThat(read(NOW, days(7))).hasSize(1);
		assertThat(reads).as("a window inside the kept one is not read").isEqualTo(1);

		// the next fortnight touches the kept window: the two are read as one and kept
		assertThat(read(days(14), days(60))).hasSize(1);
		assertThat(read(NOW, days(60))).hasSize(2);
		assertThat(reads).isEqualTo(2);
	}

	@Test
	void givenAWindowApartFromTheKeptOneOrTooWideWithItThenOnlyTheWindowAskedIsRead() {
		read(NOW, days(60));
		read(days(100), days(130));
		assertThat(read(days(100), days(110))).isEmpty();
		assertThat(reads).isEqualTo(2);
		assertThat(read(NOW, days(14))).as("the kept window is now the one read last").hasSize(1);
		assertThat(reads).isEqualTo(3);

		// touching, but the two together would be wider than the horizon and a course's span (90 + 35 days)
		read(NOW, days(100));
		read(days(100), days(200));
		read(days(150), days(160));
		assertThat(reads).as("the far window was kept alone").isEqualTo(5);
	}

	@Test
	void givenAReadWriteTransactionThenEveryReadGoesToTheDatabase() {
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
		read(NOW, NOW.plus(Duration.ofDays(14)));
		read(NOW, NOW.plus(Duration.ofDays(14)));
		assertThat(reads).isEqualTo(2);
		assertThat(cache.keeps(SITE)).isFalse();
	}

	@Test
	void givenNoListenerThenNothingIsKept() {
		cache.listening(false);
		read(NOW, NOW.plus(Duration.ofDays(14)));
		read(NOW, NOW.plus(Duration.ofDays(14)));
		assertThat(reads).isEqualTo(2);
	}

	@Test
	void givenTheSiteChangedThenItsCalendarIsReadAgainWithTheChange() {
		read(NOW, NOW.plus(Duration.ofDays(14)));
		calendar.add(appointment(NOW.plus(Duration.ofDays(2))));
		cache.drop(SITE);

		assertThat(read(NOW, NOW.plus(Duration.ofDays(14)))).hasSize(2);
		assertThat(reads).isEqualTo(2);
	}

	@Test
	void givenAChangeNotifiedWhileReadingThenThatReadIsUsedOnceAndNotKept() {
		var racing = cache.appointments(SITE, NOW, NOW.plus(Duration.ofDays(14)), (site, from, until) -> {
			reads++;
			var read = List.copyOf(calendar);
			cache.drop(SITE); // a commit the read may or may not have seen
			return read;
		});
		assertThat(racing).hasSize(1);
		assertThat(cache.keeps(SITE)).isFalse();
		read(NOW, NOW.plus(Duration.ofDays(14)));
		assertThat(reads).isEqualTo(2);
		assertThat(cache.keeps(SITE)).isTrue();
	}

	@Test
	void givenThisInstancesOwnBookingCommittedThenItIsAddedToTheKeptCalendarWithoutAReadAndItsNotificationIsIgnored() {
		read(NOW, days(14));
		var booked = appointment(days(3));
		inATransaction(TransactionSynchronization.STATUS_COMMITTED, () -> cache.added(SITE, booked, 4711));

		assertThat(read(NOW, days(14))).hasSize(2).contains(booked);
		assertThat(reads).as("added, not read again").isEqualTo(1);
		cache.notified(SITE + " 4711");
		assertThat(cache.keeps(SITE)).as("its own transaction's notification").isTrue();
		cache.notified(SITE + " 4712");
		assertThat(cache.keeps(SITE)).as("another transaction's notification").isFalse();
	}

	@Test
	void givenThisInstancesOwnBookingRolledBackThenTheKeptCalendarIsAsBeforeAndItsTransactionForgotten() {
		read(NOW, days(14));
		inATransaction(TransactionSynchronization.STATUS_ROLLED_BACK,
				() -> cache.added(SITE, appointment(days(3)), 4711));

		assertThat(read(NOW, days(14))).hasSize(1);
		cache.notified(SITE + " 4711");
		assertThat(cache.keeps(SITE)).as("a transaction that was rolled back is not this instance's any more").isFalse();
	}

	@Test
	void givenThisInstancesOwnOtherChangeCommittedThenEveryCalendarIsReadAgain() {
		read(NOW, days(14));
		inATransaction(TransactionSynchronization.STATUS_COMMITTED, () -> {
			cache.added(SITE, appointment(days(3)), 4711);
			cache.changed();
		});
		assertThat(cache.keeps(SITE)).isFalse();

		read(NOW, days(14));
		cache.changed();
		assertThat(cache.keeps(SITE)).as("outside a transaction, at once").isFalse();
	}

	@Test
	void givenPlanningUnderTheLockThenTheKeptCalendarIsUsedInAReadWriteTransactionAndAMissReadsTheWidestWindow() {
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
		assertThat(kept(NOW, days(14))).hasSize(1);
		assertThat(kept(days(1), days(90))).hasSize(2);
		assertThat(reads).as("the miss read the horizon and a course's span after it").isEqualTo(1);
		assertThat(read(days(1), days(90))).as("a read-write transaction's plain read").hasSize(2);
		assertThat(reads).isEqualTo(2);
	}

	@Test
	void givenATransactionThatWroteAppointmentsThenItsReadsAreNotKept() {
		inATransaction(TransactionSynchronization.STATUS_ROLLED_BACK, () -> {
			cache.added(SITE, appointment(days(3)), 4711);
			calendar.add(appointment(days(3)));
			assertThat(kept(NOW, days(14))).hasSize(2);
			assertThat(cache.keeps(SITE)).as("what it read holds its own writes, not yet committed").isFalse();
		});
	}

	/** Runs the writes in a transaction's synchronization, which ends as given. */
	private static void inATransaction(int outcome, Runnable writes) {
		TransactionSynchronizationManager.initSynchronization();
		try {
			writes.run();
			TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(outcome));
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private static Instant days(int days) {
		return NOW.plus(Duration.ofDays(days));
	}

	private List<CalendarAppointment> read(Instant from, Instant until) {
		return cache.appointments(SITE, from, until, this::fromDatabase);
	}

	private List<CalendarAppointment> kept(Instant from, Instant until) {
		return cache.kept(SITE, from, until, this::fromDatabase);
	}

	private List<CalendarAppointment> fromDatabase(UUID site, Instant start, Instant end) {
		reads++;
		// ordered by start, as the database reads them
		return calendar.stream()
			.filter(a -> a.start().isBefore(end) && a.end().isAfter(start))
			.sorted(Comparator.comparing(CalendarAppointment::start))
			.toList();
	}

	private static CalendarAppointment appointment(Instant start) {
		return new CalendarAppointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(),
				"INFUSION", 1, start, start.plus(Duration.ofMinutes(110)), "booked", false);
	}
}
