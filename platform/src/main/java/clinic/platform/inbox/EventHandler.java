package clinic.platform.inbox;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reacts to one event type from another service. Implementations are thin: they get the event's data as the
 * consumer's own record (read from the JSON, not the producer's class) and make one call into the domain.
 * The call runs in the inbox's transaction, so the effect and the record of having seen the event commit
 * together, and a redelivered event is not handled twice.
 * <p>
 * A service's messaging package declares each as a bean with {@link #on}: the event type, the record its data is
 * read into, and the one call.
 *
 * @param <T> the consumer's own record for the event data
 */
public interface EventHandler<T> {

	/** The CloudEvents type handled, for example {@code clinic.intake.eligibility-decided.v1}. */
	String type();

	Class<T> dataType();

	void handle(T data, InboundEvent event);

	/** A handler of {@code type} that reads the data as {@code dataType} and hands it to {@code handle}. */
	static <T> EventHandler<T> on(String type, Class<T> dataType, Consumer<T> handle) {
		return new Registered<>(type, dataType, (data, event) -> handle.accept(data));
	}

	/** As {@link #on(String, Class, Consumer)}, for a handler that also needs the event's envelope (its id). */
	static <T> EventHandler<T> on(String type, Class<T> dataType, BiConsumer<T, InboundEvent> handle) {
		return new Registered<>(type, dataType, handle);
	}

	/** What {@link #on} makes. */
	record Registered<T>(String type, Class<T> dataType, BiConsumer<T, InboundEvent> handler)
			implements EventHandler<T> {

		@Override
		public void handle(T data, InboundEvent event) {
			handler.accept(data, event);
		}
	}
}
