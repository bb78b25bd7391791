package clinic.session.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.session.doseplans.Route;
import clinic.session.monitoring.Severity;
import clinic.session.monitoring.SideEffectKind;

/**
 * Nurse and clinician signed the discharge. {@code completedBy} is whoever signed second; the optional fields
 * (weight, the latest CADSS-6 total, the side effects, both signers, when the dose was given) came with the full
 * chart. Scheduling fulfils the appointment when the dose was given on its day.
 */
@EventType("clinic.session.session-completed.v1")
public record SessionCompleted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID sessionId, UUID appointmentId, String completedBy, Route route, BigDecimal doseMg, Integer phq9Total,
		BigDecimal weightKg, Integer cadss6Total, List<SideEffectSummary> sideEffects, String nurseSignedBy,
		String clinicianSignedBy, Instant dosedAt) implements ClinicEvent {

	public record SideEffectSummary(SideEffectKind effect, Severity severity) {
	}

	static SessionCompleted of(SessionRecord record) {
		var completion = record.completion();
		var dosing = record.dosing();
		var phq9 = record.checkIn() == null ? null : record.checkIn().phq9();
		var cadss = record.cadssScores().isEmpty() ? null
				: record.cadssScores().get(record.cadssScores().size() - 1);
		return new SessionCompleted(UUID.randomUUID(), record.patientId(), record.version(), completion.signedAt(),
				record.id(), record.appointmentId(), completion.signedBy(), record.dosePlan().route(), dosing.doseMg(),
				phq9 == null ? null : phq9.total(), dosing.weightKg(), cadss == null ? null : cadss.total(),
				record.sideEffects().stream().map(e -> new SideEffectSummary(e.effect(), e.severity())).toList(),
				record.nurseSignature().signedBy(), record.clinicianSignature().signedBy(), dosing.administeredAt());
	}
}
