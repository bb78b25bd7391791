package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.inbox.EventHandler;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.CoursePausing;

/**
 * What scheduling hears from session-service. Each record is scheduling's own reading of the event: only what it
 * needs.
 */
@Configuration(proxyBeanMethods = false)
class SessionEvents {

	/** clinic.session.session-started.v1 and checked-in.v1 */
	record AtTheChair(UUID patientId, UUID appointmentId, Instant occurredAt) {
	}

	/** clinic.session.session-completed.v1 */
	record SessionCompleted(UUID patientId, UUID appointmentId, Instant occurredAt, @Nullable Instant dosedAt) {
	}

	/** clinic.session.adverse-event-reported.v1 */
	record AdverseEventReported(UUID patientId, String grade, UUID adverseEventId, Instant occurredAt,
			long aggregateVersion, boolean pausesCourse, String reportedBy, String description) {
	}

	/** The nurse opened the session record: the patient is at the chair, so the booked appointment is arrived. */
	@Bean
	EventHandler<AtTheChair> sessionStarted(AppointmentLifecycle lifecycle) {
		return EventHandler.on("clinic.session.session-started.v1", AtTheChair.class,
				data -> lifecycle.sessionStarted(data.appointmentId(), data.patientId(), data.occurredAt()));
	}

	/** The nurse checked the patient in on the session record: the appointment is checked-in. */
	@Bean
	EventHandler<AtTheChair> checkedIn(AppointmentLifecycle lifecycle) {
		return EventHandler.on("clinic.session.checked-in.v1", AtTheChair.class,
				data -> lifecycle.checkedIn(data.appointmentId(), data.patientId(), data.occurredAt()));
	}

	/**
	 * A completed session fulfils its appointment, and the course counts one more infusion given, when the dose was
	 * given on the appointment's day.
	 */
	@Bean
	EventHandler<SessionCompleted> sessionCompleted(AppointmentLifecycle lifecycle) {
		return EventHandler.on("clinic.session.session-completed.v1", SessionCompleted.class,
				data -> lifecycle.sessionCompleted(data.appointmentId(), data.patientId(), data.occurredAt(),
						data.dosedAt()));
	}

	/** An adverse event that session-service says pauses the course pauses the patient's current course. */
	@Bean
	EventHandler<AdverseEventReported> adverseEventReported(CoursePausing pausing) {
		return EventHandler.on("clinic.session.adverse-event-reported.v1", AdverseEventReported.class,
				data -> pausing.adverseEventReported(new CoursePausing.AdverseEvent(data.patientId(), data.grade(),
						data.adverseEventId(), data.occurredAt(), data.pausesCourse(), data.reportedBy(),
						data.description())));
	}
}
