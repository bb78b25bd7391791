package clinic.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A {@link ReactiveSessionRepository} over a blocking {@link SessionRepository} (here Spring Session's JDBC one).
 * Creating a session only builds an object in memory; finding, saving and deleting go to the database on a
 * scheduler meant for blocking work.
 * <p>
 * It also keeps the session's two clocks: a session read within a touch interval of its last stamp is not written
 * back unless something in it changed ({@link LazilyTouchedSession}), and a session older than the absolute timeout
 * is deleted and not found, however busy it was (the idle timeout alone would let a session live for ever).
 */
public final class JdbcReactiveSessionRepository implements ReactiveSessionRepository<Session> {

	private final SessionRepository<Session> delegate;

	private final Duration touchInterval;

	private final Duration absoluteTimeout;

	private final Clock clock;

	private final Scheduler scheduler;

	public JdbcReactiveSessionRepository(SessionRepository<? extends Session> delegate, Duration touchInterval,
			Duration absoluteTimeout) {
		this(delegate, touchInterval, absoluteTimeout, Clock.systemUTC(), Schedulers.boundedElastic());
	}

	@SuppressWarnings("unchecked")
	JdbcReactiveSessionRepository(SessionRepository<? extends Session> delegate, Duration touchInterval,
			Duration absoluteTimeout, Clock clock, Scheduler scheduler) {
		// The JDBC repository only ever receives the sessions it created itself, so widening its type is safe.
		this.delegate = (SessionRepository<Session>) delegate;
		this.touchInterval = touchInterval;
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	@Override
	public Mono<Session> createSession() {
		return Mono.fromSupplier(() -> LazilyTouchedSession.created(this.delegate.createSession(), this.touchInterval));
	}

	@Override
	public Mono<Void> save(Session session) {
		if (!(session instanceof LazilyTouchedSession touched)) {
			// createSession and findById hand out nothing else
			return Mono.error(new IllegalArgumentException("not a session of this repository: " + session.getClass()));
		}
		if (!touched.hasChanges()) {
			return Mono.empty();
		}
		return blocking(() -> {
			this.delegate.save(touched.stored());
			touched.saved();
			return null;
		});
	}

	@Override
	public Mono<Session> findById(String id) {
		return blocking(() -> this.delegate.findById(id)).flatMap(session -> outlived(session)
				? deleteById(id).then(Mono.<Session>empty()) : Mono.just(LazilyTouchedSession.loaded(session,
						this.touchInterval)));
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return blocking(() -> {
			this.delegate.deleteById(id);
			return null;
		});
	}

	private boolean outlived(Session session) {
		return !this.clock.instant().isBefore(session.getCreationTime().plus(this.absoluteTimeout));
	}

	private <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(this.scheduler);
	}

}
