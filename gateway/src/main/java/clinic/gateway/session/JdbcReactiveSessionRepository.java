package clinic.gateway.session;

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
 */
public final class JdbcReactiveSessionRepository implements ReactiveSessionRepository<Session> {

	private final SessionRepository<Session> delegate;

	private final Scheduler scheduler;

	public JdbcReactiveSessionRepository(SessionRepository<? extends Session> delegate) {
		this(delegate, Schedulers.boundedElastic());
	}

	@SuppressWarnings("unchecked")
	JdbcReactiveSessionRepository(SessionRepository<? extends Session> delegate, Scheduler scheduler) {
		// The JDBC repository only ever receives the sessions it created itself, so widening its type is safe.
		this.delegate = (SessionRepository<Session>) delegate;
		this.scheduler = scheduler;
	}

	@Override
	public Mono<Session> createSession() {
		return Mono.fromSupplier(this.delegate::createSession);
	}

	@Override
	public Mono<Void> save(Session session) {
		return blocking(() -> {
			this.delegate.save(session);
			return null;
		});
	}

	@Override
	public Mono<Session> findById(String id) {
		return blocking(() -> this.delegate.findById(id));
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return blocking(() -> {
			this.delegate.deleteById(id);
			return null;
		});
	}

	private <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(this.scheduler);
	}

}
