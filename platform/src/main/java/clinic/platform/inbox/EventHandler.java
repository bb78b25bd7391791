package clinic.platform.inbox;

/**
 * Reacts to one event type from another service. Implementations are thin: they get the event's data as the
 * consumer's own record (read from the JSON, not the producer's class) and make one call into the domain.
 * The call runs in the inbox's transaction, so the effect and the record of having seen the event commit
 * together, and a redelivered event is not handled twice.
 *
 * @param <T> the consumer's own record for the event data
 */
public interface EventHandler<T> {

	/** The CloudEvents type handled, for example {@code clinic.intake.eligibility-decided.v1}. */
	String type();

	Class<T> dataType();

	void handle(T data, InboundEvent event);
}
