package clinic.scheduling.hl7;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import clinic.scheduling.booking.AppointmentBooked;
import clinic.scheduling.booking.AppointmentCancelled;
import clinic.scheduling.booking.AppointmentNoShow;
import clinic.scheduling.booking.AppointmentRescheduled;
import clinic.scheduling.consultations.ConsultationBooked;
import clinic.scheduling.consultations.ConsultationCancelled;
import clinic.scheduling.consultations.ConsultationNoShow;
import clinic.scheduling.consultations.ConsultationRescheduled;

/**
 * Writes the SIU message for each appointment or consultation booked, moved, cancelled or marked a no-show, when an
 * HL7 receiver is configured. It listens to the events scheduling publishes through its outbox, synchronously and in
 * the transaction that made the change (MANDATORY): the message is stored with the change or not at all, so nothing
 * is lost and nothing is sent for a change rolled back, and a message that cannot be built fails the change.
 */
@Component
class SiuRecorder {

	private final Hl7OutboundSettings settings;

	private final Visits visits;

	private final SiuMessages siu;

	private final OutboundMessages messages;

	private final Clock clock;

	SiuRecorder(Hl7OutboundSettings settings, Visits visits, SiuMessages siu, OutboundMessages messages,
			Clock clock) {
		this.settings = settings;
		this.visits = visits;
		this.siu = siu;
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AppointmentBooked event) {
		appointment(Trigger.S12, event.appointmentId());
	}

	/** A move is one appointment to the receiver (SCH-1 stays), now at the new appointment's time and chair. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AppointmentRescheduled event) {
		appointment(Trigger.S13, event.newAppointmentId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AppointmentCancelled event) {
		appointment(Trigger.S15, event.appointmentId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AppointmentNoShow event) {
		appointment(Trigger.S26, event.appointmentId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ConsultationBooked event) {
		consultation(Trigger.S12, event.consultationId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ConsultationRescheduled event) {
		consultation(Trigger.S13, event.newConsultationId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ConsultationCancelled event) {
		consultation(Trigger.S15, event.consultationId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ConsultationNoShow event) {
		consultation(Trigger.S26, event.consultationId());
	}

	private void appointment(Trigger trigger, UUID id) {
		if (settings.enabled()) {
			record(trigger, id, visits.appointment(id));
		}
	}

	private void consultation(Trigger trigger, UUID id) {
		if (settings.enabled()) {
			record(trigger, id, visits.consultation(id));
		}
	}

	private void record(Trigger trigger, UUID id, Optional<Visit> found) {
		var visit = found.orElseThrow(() -> new IllegalStateException("SIU^" + trigger + ": no appointment " + id));
		var number = messages.nextNumber();
		var controlId = "SIU" + number;
		var now = clock.instant();
		messages.insert(number, controlId, trigger, visit, siu.build(trigger, visit, controlId, now), now);
	}
}
