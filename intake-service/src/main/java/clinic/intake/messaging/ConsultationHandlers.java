package clinic.intake.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.intake.patients.ConsultationTracking;
import clinic.intake.patients.PatientConsultation;
import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;

/**
 * Scheduling's news of a patient's consultation (booked, moved, cancelled, missed): the referral follows it. Each
 * event names the consultation the patient has after it and where and when it is.
 */
final class ConsultationHandlers {

	private ConsultationHandlers() {
	}

	/**
	 * Intake's own reading of clinic.scheduling.consultation-booked.v1, -rescheduled.v1, -cancelled.v1 and
	 * -no-show.v1: only what it needs ({@code newConsultationId} only in a move, {@code reason} only in a
	 * cancellation).
	 */
	record ConsultationNews(UUID patientId, long aggregateVersion, Instant occurredAt, UUID consultationId,
			@Nullable UUID newConsultationId, String clinician, String siteName, String timeZone, Instant start,
			Instant end, @Nullable String reason) {

		PatientConsultation as(PatientConsultation.Status status) {
			var consultation = newConsultationId != null ? newConsultationId : consultationId;
			return new PatientConsultation(patientId, consultation, status, clinician, siteName, timeZone, start, end,
					reason, aggregateVersion, occurredAt);
		}
	}

	/** A consultation was booked: the patient's received referrals have their consultation booked. */
	@Component
	static class Booked implements EventHandler<ConsultationNews> {

		private final ConsultationTracking consultations;

		Booked(ConsultationTracking consultations) {
			this.consultations = consultations;
		}

		@Override
		public String type() {
			return "clinic.scheduling.consultation-booked.v1";
		}

		@Override
		public Class<ConsultationNews> dataType() {
			return ConsultationNews.class;
		}

		PatientConsultation.Status status() {
			return PatientConsultation.Status.BOOKED;
		}

		@Override
		public void handle(ConsultationNews data, InboundEvent event) {
			consultations.changed(data.as(status()));
		}
	}

	/** A consultation was moved to another slot: still booked, at the new time. */
	@Component
	static class Rescheduled extends Booked {

		Rescheduled(ConsultationTracking consultations) {
			super(consultations);
		}

		@Override
		public String type() {
			return "clinic.scheduling.consultation-rescheduled.v1";
		}
	}

	/** A consultation was cancelled: the referral waits for a consultation again. */
	@Component
	static class Cancelled extends Booked {

		Cancelled(ConsultationTracking consultations) {
			super(consultations);
		}

		@Override
		public String type() {
			return "clinic.scheduling.consultation-cancelled.v1";
		}

		@Override
		PatientConsultation.Status status() {
			return PatientConsultation.Status.CANCELLED;
		}
	}

	/** The patient missed the consultation: the referral waits for a consultation again. */
	@Component
	static class NoShow extends Booked {

		NoShow(ConsultationTracking consultations) {
			super(consultations);
		}

		@Override
		public String type() {
			return "clinic.scheduling.consultation-no-show.v1";
		}

		@Override
		PatientConsultation.Status status() {
			return PatientConsultation.Status.NO_SHOW;
		}
	}
}
