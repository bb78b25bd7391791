package clinic.session.records;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlanService;
import clinic.session.path.GateFacts;
import clinic.session.path.InfusionGate;
import clinic.session.path.PathService;
import clinic.session.path.Refusal;

/**
 * Asks {@link InfusionGate} whether the appointment's infusion may be given now, with everything this service knows
 * at that moment, and refuses with a 409 naming every reason when it may not. The caller's transaction holds the
 * patient first, so that a dose and a pausing adverse event of the same patient never pass each other.
 */
@Component
class DosingGuard {

	private final AppointmentService appointments;

	private final DosePlanService dosePlans;

	private final PathService path;

	private final SessionRecords records;

	private final InfusionGate gate;

	private final Clock clock;

	DosingGuard(AppointmentService appointments, DosePlanService dosePlans, PathService path, SessionRecords records,
			InfusionGate gate, Clock clock) {
		this.appointments = appointments;
		this.dosePlans = dosePlans;
		this.path = path;
		this.records = records;
		this.gate = gate;
		this.clock = clock;
	}

	/** The appointment as booked, held; a 409 when scheduling cancelled it or marked it no-show, 404 when unknown. */
	BookedAppointment booked(UUID appointmentId) {
		var held = appointments.hold(appointmentId);
		if (held.isPresent()) {
			return held.get();
		}
		var state = appointments.state(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		throw refused(List.of(new Refusal(Refusal.Reason.APPOINTMENT_NOT_BOOKED, "Scheduling has "
				+ (state == AppointmentState.NO_SHOW ? "marked this appointment no-show"
						: "cancelled or moved this appointment"))));
	}

	/** Refuses unless the infusion may be given now; {@code record} is null while the record is not open. */
	void require(BookedAppointment appointment, @Nullable SessionRecord record, InfusionGate.Moment moment) {
		records.lockPatient(appointment.patientId());
		var refusals = gate.check(facts(appointment, record), moment, clock.instant());
		if (!refusals.isEmpty()) {
			throw refused(refusals);
		}
	}

	private GateFacts facts(BookedAppointment appointment, @Nullable SessionRecord record) {
		var earlier = appointments.ofCourse(appointment.courseId())
			.stream()
			.filter(a -> a.start().isBefore(appointment.start()))
			.toList();
		var dosed = records.dosedAppointments(earlier.stream().map(BookedAppointment::appointmentId).toList());
		var override = record != null && record.orderOverride() != null
				? Optional.of(record.orderOverride())
				: path.override(appointment.appointmentId());
		return new GateFacts(appointment, AppointmentState.BOOKED, appointments.course(appointment.courseId()),
				path.pausesInForce(appointment.patientId()),
				earlier.stream().filter(a -> !dosed.contains(a.appointmentId())).toList(), override,
				records.lastDose(appointment.patientId(), record == null ? null : record.id()),
				dosePlans.of(appointment.patientId()), record == null ? null : record.decisionId());
	}

	private static ConflictException refused(List<Refusal> refusals) {
		return new ConflictException(refusals.get(0).message(), Map.of("reason", refusals.get(0).reason().name(),
				"reasons", refusals.stream().map(r -> Map.of("reason", r.reason().name(), "message", r.message())).toList()));
	}
}
