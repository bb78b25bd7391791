package clinic.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import clinic.contracts.Roles;
import clinic.platform.problems.InvalidInputException;
import clinic.session.records.RecordProgress;
import clinic.session.records.RecordWorklist;
import clinic.session.records.SessionStatus;
import clinic.session.records.Signature;
import io.swagger.v3.oas.annotations.Operation;

/** Session records as lists: a patient's sessions, and the records waiting for a clinician. */
@RestController
class RecordListController {

	private final RecordWorklist worklist;

	RecordListController(RecordWorklist worklist) {
		this.worklist = worklist;
	}

	/** The latest pre-dose blood pressure, as the clinician confirms it. */
	record Reading(int systolic, int diastolic, int heartRate, Instant takenAt, String takenBy) {
	}

	/**
	 * A record in a list: who, which infusion where and when (the site's zone, null once the appointment is no longer
	 * booked), where it stands, the pre-dose reading and whether it awaits a clinician's confirmation, whether the
	 * discharge is ready for signatures and who signed.
	 */
	record RecordSummary(UUID id, UUID appointmentId, UUID patientId, @Nullable String patientName, @Nullable String mrn,
			SessionStatus status, RecordProgress.Stage stage, Instant openedAt, @Nullable String position,
			@Nullable String siteName, @Nullable String timeZone, @Nullable String chairName, @Nullable Instant start,
			@Nullable Reading preDoseReading, boolean awaitingBpConfirmation, boolean readyForDischargeSignatures,
			@Nullable Instant dosedAt, @Nullable BigDecimal doseMg, @Nullable Integer phq9Total,
			@Nullable Signature nurseSignature, @Nullable Signature clinicianSignature) {

		static RecordSummary of(RecordWorklist.Entry e) {
			var chart = e.chart();
			var r = chart.record();
			var a = e.appointment();
			var place = a == null ? null : a.place();
			var reading = r.latestPreDoseReading()
				.map(v -> new Reading(v.systolic(), v.diastolic(), v.heartRate(), v.takenAt(), v.takenBy()))
				.orElse(null);
			return new RecordSummary(r.id(), r.appointmentId(), r.patientId(), r.patientName(), e.mrn(), r.status(),
					RecordProgress.of(chart).stage(), r.openedAt(), a == null ? null : a.position(),
					place == null ? null : place.siteName(), place == null ? null : place.timeZone().getId(),
					a == null ? null : a.chairName(), a == null ? null : a.start(), reading,
					chart.awaitingBpConfirmation(), !r.isSigned() && chart.openDischargeCriteria().isEmpty(),
					r.dosing() == null ? null : r.dosing().administeredAt(),
					r.dosing() == null ? null : r.dosing().doseMg(),
					r.checkIn() == null || r.checkIn().phq9() == null ? null : r.checkIn().phq9().total(),
					r.nurseSignature(), r.clinicianSignature());
		}
	}

	@GetMapping("/api/session/records")
	@PreAuthorize(Roles.IS_CARE_TEAM_OR_ADMIN)
	@Operation(summary = "Session records of a patient (`patientId`, the latest first), or those waiting for a "
			+ "clinician (`awaiting`: BP_CONFIRMATION, a pre-dose blood pressure above the limit to confirm; "
			+ "CLINICIAN_SIGN_OFF, a discharge ready for the clinician's signature, co-signatures first)",
			description = "One of `patientId` or `awaiting` is required (400 naming `patientId`); at most 200 records")
	List<RecordSummary> list(@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) RecordWorklist.@Nullable Awaiting awaiting) {
		if (patientId == null && awaiting == null) {
			throw new InvalidInputException("patientId", "Give the patient or what the records await");
		}
		var entries = awaiting == null ? worklist.ofPatient(patientId) : worklist.awaiting(awaiting);
		return entries.stream()
			.filter(e -> patientId == null || e.chart().record().patientId().equals(patientId))
			.map(RecordSummary::of)
			.toList();
	}
}
