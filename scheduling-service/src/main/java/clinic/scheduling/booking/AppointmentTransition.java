package clinic.scheduling.booking;

import static clinic.scheduling.booking.AppointmentStatus.ARRIVED;
import static clinic.scheduling.booking.AppointmentStatus.BOOKED;
import static clinic.scheduling.booking.AppointmentStatus.CANCELLED;
import static clinic.scheduling.booking.AppointmentStatus.CHECKED_IN;
import static clinic.scheduling.booking.AppointmentStatus.NOSHOW;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import clinic.platform.problems.ConflictException;

/**
 * The appointment lifecycle as a small state machine: each transition names the FHIR R4 statuses it starts from
 * and the one it leads to. Fulfilment comes from session-service's completed session and is not a transition the
 * front desk makes.
 */
public enum AppointmentTransition {

	/** The patient is at the clinic. */
	ARRIVE("arrival", EnumSet.of(BOOKED), ARRIVED),
	/** The patient is checked in and ready for the chair. */
	CHECK_IN("check-in", EnumSet.of(ARRIVED), CHECKED_IN),
	/** Cancelled, with a reason; the chair time is free again. */
	CANCEL("cancellation", EnumSet.of(BOOKED, ARRIVED), CANCELLED),
	/** The patient did not come. */
	NO_SHOW("no-show", EnumSet.of(BOOKED), NOSHOW),
	/** Moved to another time or chair: this appointment is cancelled and a new one booked in its place. */
	RESCHEDULE("reschedule", EnumSet.of(BOOKED), CANCELLED);

	private final String action;

	private final Set<AppointmentStatus> from;

	private final AppointmentStatus to;

	AppointmentTransition(String action, Set<AppointmentStatus> from, AppointmentStatus to) {
		this.action = action;
		this.from = from;
		this.to = to;
	}

	public boolean allowedFrom(AppointmentStatus status) {
		return from.contains(status);
	}

	public AppointmentStatus to() {
		return to;
	}

	/**
	 * The status an appointment in {@code status} moves to.
	 * @throws ConflictException naming the current status when the transition does not start from it
	 */
	public AppointmentStatus from(AppointmentStatus status) {
		if (!allowedFrom(status)) {
			throw new ConflictException("The appointment is " + status.code() + "; " + action + " is only possible from "
					+ from.stream().map(AppointmentStatus::code).collect(Collectors.joining(" or ")));
		}
		return to;
	}
}
