package clinic.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the session store is written to, and when a session is no longer found, with the clock in the test's hand. */
class JdbcReactiveSessionRepositoryTest {

	private static final Instant SIGN_IN = Instant.parse("2030-01-07T08:00:00Z");

	private final CountingStore store = new CountingStore();

	@Test
	void givenASessionReadWithinAMinuteOfItsStampWhenSavedThenNothingIsWritten() {
		String id = storedSession();

		Session read = repositoryAt(SIGN_IN.plusSeconds(59)).findById(id).block();
		read.setLastAccessedTime(SIGN_IN.plusSeconds(59));
		repositoryAt(SIGN_IN.plusSeconds(59)).save(read).block();

		assertThat(this.store.saves).hasValue(0);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(SIGN_IN);
	}

	@Test
	void givenASessionReadAMinuteAfterItsStampWhenSavedThenTheNewStampIsWrittenOnce() {
		String id = storedSession();
		var later = repositoryAt(SIGN_IN.plusSeconds(60));

		Session read = later.findById(id).block();
		read.setLastAccessedTime(SIGN_IN.plusSeconds(60));
		later.save(read).block();
		later.save(read).block();

		assertThat(this.store.saves).hasValue(1);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(SIGN_IN.plusSeconds(60));
	}

	@Test
	void givenANewAttributeWhenSavedThenItIsWrittenAtOnce() {
		String id = storedSession();
		var soon = repositoryAt(SIGN_IN.plusSeconds(5));

		Session read = soon.findById(id).block();
		read.setLastAccessedTime(SIGN_IN.plusSeconds(5));
		read.setAttribute("refreshed-token", "at-2");
		soon.save(read).block();

		assertThat(this.store.saves).hasValue(1);
		assertThat(this.store.findById(id).<String>getAttribute("refreshed-token")).isEqualTo("at-2");
	}

	@Test
	void givenASessionThisRepositoryDidNotHandOutWhenSavedThenItIsRefusedAndNothingIsWritten() {
		MapSession foreign = new MapSession();

		assertThatThrownBy(() -> repositoryAt(SIGN_IN).save(foreign).block())
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.store.saves).hasValue(0);
	}

	@Test
	void givenASessionOlderThanTheAbsoluteTimeoutWhenFoundThenItIsDeletedAndNotFound() {
		String id = storedSession();

		assertThat(repositoryAt(SIGN_IN.plus(Duration.ofHours(10)).minusSeconds(1)).findById(id).block()).isNotNull();
		assertThat(repositoryAt(SIGN_IN.plus(Duration.ofHours(10))).findById(id).block()).isNull();
		assertThat(this.store.findById(id)).isNull();
	}

	private String storedSession() {
		MapSession session = new MapSession();
		session.setCreationTime(SIGN_IN);
		session.setLastAccessedTime(SIGN_IN);
		session.setMaxInactiveInterval(Duration.ofHours(11));
		this.store.save(session);
		this.store.saves.set(0);
		return session.getId();
	}

	private JdbcReactiveSessionRepository repositoryAt(Instant now) {
		return new JdbcReactiveSessionRepository(this.store, Duration.ofMinutes(1), Duration.ofHours(10),
				Clock.fixed(now, ZoneOffset.UTC), Schedulers.immediate());
	}

	/** Spring Session's in-memory store (reads hand out copies, as a database does), counting its writes. */
	private static final class CountingStore extends MapSessionRepository {

		final AtomicInteger saves = new AtomicInteger();

		CountingStore() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public void save(MapSession session) {
			this.saves.incrementAndGet();
			super.save(session);
		}

	}

}
