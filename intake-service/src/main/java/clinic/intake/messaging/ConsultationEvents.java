package clinic.intake.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.intake.patients.ConsultationTracking;
import clinic.intake.patients.PatientConsultation;
import clinic.intake.patients.PatientConsultation.Status;
import clinic.platform.inbox.EventHandler;

/**
 * Scheduling's news of a patient's consultation (booked, moved, cancelled, missed): the referral follows it. Each
 * event names the consultation the patient has after it and where and when it is.
 */
@Configuration(proxyBeanMethods = false)
class ConsultationEvents {

	/**
	 * Intake's own reading of clinic.scheduling.consultation-booked.v1, -rescheduled.v1, -cancelled.v1 and
	 * -no-show.v1: only what it needs ({@code newConsultationId} only in a move, {@code reason} only in a
	 * cancellation).
	 */
	record ConsultationNews(UUID patientId, long aggregateVersion, Instant occurredAt, UUID consultationId,
			@Nullable UUID newConsultationId, String clinician, String siteName, String timeZone, Instant start,
			Instant end, @Nullable String reason) {

		PatientConsultation as(Status status) {
			var consultation = newConsultationId != null ? newConsultationId : consultationId;
			return new PatientConsultation(patientId, consultation, status, clinician, siteName, timeZone, start, end,
					reason, aggregateVersion, occurredAt);
		}
	}

	/** A consultation was booked: the patient's received referrals have their consultation booked. */
	@Bean
	EventHandler<ConsultationNews> consultationBooked(ConsultationTracking consultations) {
		return EventHandler.on("clinic.scheduling.consultation-booked.v1", ConsultationNews.class,
				data -> consultations.changed(data.as(Status.BOOKED)));
	}

	/** A consultation was moved to another slot: still booked, at the new time. */
	@Bean
	EventHandler<ConsultationNews> consultationRescheduled(ConsultationTracking consultations) {
		return EventHandler.on("clinic.scheduling.consultation-rescheduled.v1", ConsultationNews.class,
				data -> consultations.changed(data.as(Status.BOOKED)));
	}

	/** A consultation was cancelled: the referral waits for a consultation again. */
	@Bean
	EventHandler<ConsultationNews> consultationCancelled(ConsultationTracking consultations) {
		return EventHandler.on("clinic.scheduling.consultation-cancelled.v1", ConsultationNews.class,
				data -> consultations.changed(data.as(Status.CANCELLED)));
	}

	/** The patient missed the consultation: the referral waits for a consultation again. */
	@Bean
	EventHandler<ConsultationNews> consultationNoShow(ConsultationTracking consultations) {
		return EventHandler.on("clinic.scheduling.consultation-no-show.v1", ConsultationNews.class,
				data -> consultations.changed(data.as(Status.NO_SHOW)));
	}
}
