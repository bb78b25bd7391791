package clinic.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.intake.IntakeApplication;
import clinic.intake.IntakeIntegrationTest;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.patients.ConsultationTracking;
import clinic.intake.patients.Indication;
import clinic.intake.patients.PatientService;
import clinic.intake.reminders.Reminders;
import clinic.platform.test.EventDeliveryGuarantees;

/**
 * Intake publishes referral-received and consumes session-completed (PHQ-9 into the outcome series) and scheduling's
 * consultation events (the referral's state, the consultation on the patient), and its appointment and course events
 * (the patient's reminders).
 */
class IntakeEventDeliveryTest extends IntakeIntegrationTest implements EventDeliveryGuarantees {

	@Override
	public Class<?> application() {
		return IntakeApplication.class;
	}

	@Override
	public String applicationName() {
		return "intake-service";
	}

	@Override
	public List<String> producedTypes() {
		return List.of("clinic.intake.referral-received.v1");
	}

	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		return context.getBean(PatientService.class)
			.register(new PatientService.Registration("Ada", "Lovelace", LocalDate.of(1985, 12, 10), null,
					"Dr. Babbage", "Two failed SSRIs", Indication.TREATMENT_RESISTANT_DEPRESSION, true))
			.id();
	}

	@Override
	public List<ConsumedEvent> consumedEvents() {
		return List.of(new ConsumedEvent("clinic.session.session-completed.v1", (eventId, patientId) -> """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"2026-11-20T10:00:00Z",
				 "sessionId":"%s","appointmentId":"%s","completedBy":"nurse","route":"IV","doseMg":35.0,"phq9Total":12}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID()), (context, patientId) -> {
				var series = context.getBean(OutcomeScores.class).series(patientId, OutcomeScores.PHQ9);
				return series.isEmpty() ? null : series;
			}), consultation("booked", ",\"consultationSlotId\":\"%s\",\"patientName\":\"Ada Lovelace\",\"bookedBy\":\"frank\""
					.formatted(UUID.randomUUID())),
				consultation("rescheduled", ",\"newConsultationId\":\"%s\",\"consultationSlotId\":\"%s\",\"rescheduledBy\":\"frank\""
					.formatted(UUID.randomUUID(), UUID.randomUUID())),
				consultation("cancelled", ",\"reason\":\"Clinician ill\",\"cancelledBy\":\"frank\""),
				consultation("no-show", ",\"recordedBy\":\"frank\""),
				new ConsumedEvent("clinic.scheduling.appointment-booked.v1", (eventId, patientId) -> """
						{"eventId":"%s","patientId":"%s","aggregateVersion":2,"occurredAt":"2026-11-20T10:00:00Z",
						 "appointmentId":"%s","courseId":"%s","chairId":"%s","chairName":"Chair 1","kind":"INFUSION",
						 "sequence":1,"start":"%s","end":"%s","siteId":"%s","siteName":"Lakeside",
						 "timeZone":"Europe/Zurich"}"""
					.formatted(eventId, patientId, UUID.randomUUID(), courseOf(patientId), UUID.randomUUID(),
							Instant.now().plus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(60)).plusSeconds(6600),
							UUID.randomUUID()),
						(context, patientId) -> {
							var reminders = context.getBean(Reminders.class).remindersOf(patientId);
							return reminders.isEmpty() ? null : reminders;
						}),
				new ConsumedEvent("clinic.scheduling.course-paused.v1", (eventId, patientId) -> """
						{"eventId":"%s","patientId":"%s","aggregateVersion":7,"occurredAt":"2026-11-20T10:00:00Z",
						 "courseId":"%s","reason":"Serious adverse event","adverseEventId":"%s","heldAppointmentIds":[]}"""
					.formatted(eventId, patientId, courseOf(patientId), UUID.randomUUID()),
						(context, patientId) -> context.getBean(Reminders.class).courseState(courseOf(patientId)).orElse(null)));
	}

	/** The course of a patient's scheduling events here: one per patient, found again from the patient's id. */
	private static UUID courseOf(UUID patientId) {
		return UUID.nameUUIDFromBytes(("course-" + patientId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** A consultation event of scheduling; its effect is the consultation intake keeps for the patient. */
	private static ConsumedEvent consultation(String event, String extra) {
		return new ConsumedEvent("clinic.scheduling.consultation-" + event + ".v1", (eventId, patientId) -> """
				{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
				 "consultationId":"%s","clinician":"dr.house","siteId":"%s","siteName":"Lakeside",
				 "timeZone":"Europe/Zurich","start":"2026-11-24T08:00:00Z","end":"2026-11-24T08:45:00Z"%s}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID(), extra),
				(context, patientId) -> context.getBean(ConsultationTracking.class).of(patientId).orElse(null));
	}
}
