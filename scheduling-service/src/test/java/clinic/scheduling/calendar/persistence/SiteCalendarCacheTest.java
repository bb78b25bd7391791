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
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import clinic.scheduling.calendar.CalendarAppointment;

/**
 * What the cache keeps and when it reads again, with a reader that counts its calls: kept only for read-only
 * transactions while changes are listened for, never when a change was notified during the read, dropped by a
 * notification or by this instance's own read-write commit, and sliced to the window asked.
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
	void givenThisInstancesOwnReadWriteCommitThenEveryCalendarIsReadAgain() {
		read(NOW, NOW.plus(Duration.ofDays(14)));
		cache.afterCommit(new DefaultTransactionStatus(null, null, true, true, false, true, false, null), null);
		assertThat(cache.keeps(SITE)).as("a read-only commit changes nothing").isTrue();

		cache.afterCommit(new DefaultTransactionStatus(null, null, true, true, false, false, false, null), null);
		assertThat(cache.keeps(SITE)).isFalse();
	}

	private static Instant days(int days) {
		return NOW.plus(Duration.ofDays(days));
	}

	private List<CalendarAppointment> read(Instant from, Instant until) {
		return cache.appointments(SITE, from, until, (site, start, end) -> {
			reads++;
			// ordered by start, as the database reads them
			return calendar.stream()
				.filter(a -> a.start().isBefore(end) && a.end().isAfter(start))
				.sorted(Comparator.comparing(CalendarAppointment::start))
				.toList();
		});
	}

	private static CalendarAppointment appointment(Instant start) {
		return new CalendarAppointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(),
				"INFUSION", 1, start, start.plus(Duration.ofMinutes(110)), "booked", false);
	}
}
