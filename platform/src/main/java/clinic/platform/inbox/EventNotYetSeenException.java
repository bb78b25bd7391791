package clinic.platform.inbox;

/**
 * The event is about something this service learns of from another event it has not seen yet (a change of an
 * appointment whose booking has not arrived): not poison, it arrived early. The consumer sets the event aside and
 * tries it again for a while ({@code clinic.events.wait-for-earlier.*}) while it goes on with the other partitions;
 * only if what it waits for never comes within that time does it go to the dead-letter topic.
 */
public class EventNotYetSeenException extends RuntimeException {

	/**
	 * @param awaited what the service does not know yet, in the clinic's words ("Appointment 4f…")
	 * @param awaitedEvent the event type that would make it known, e.g. {@code clinic.scheduling.appointment-booked.v1}
	 */
	public EventNotYetSeenException(String awaited, String awaitedEvent) {
		super(awaited + " is not known yet: this event waits for " + awaitedEvent);
	}
}
