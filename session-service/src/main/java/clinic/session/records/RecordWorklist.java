package clinic.session.records;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.session.appointments.Appointments;
import clinic.session.appointments.BookedAppointment;
import clinic.session.patients.PatientService;

/**
 * Session records as lists: a patient's sessions for their chart, and what waits for a clinician — a pre-dose blood
 * pressure above the limit to confirm before the nurse may dose, and discharges ready for the clinician's signature
 * (the co-signature, when the nurse has signed already).
 */
@Service
public class RecordWorklist {

	/** How many records one list holds at most: a page to read, not a clinical number. */
	public static final int LIMIT = 200;

	private final RecordIndex index;

	private final SessionRecords records;

	private final SessionChartService charts;

	private final Appointments appointments;

	private final PatientService patients;

	RecordWorklist(RecordIndex index, SessionRecords records, SessionChartService charts, Appointments appointments,
			PatientService patients) {
		this.index = index;
		this.records = records;
		this.charts = charts;
		this.appointments = appointments;
		this.patients = patients;
	}

	/** What a clinician is waited for on. */
	public enum Awaiting {
		/** A pre-dose blood pressure above the limit, not yet confirmed: the nurse may not dose. */
		BP_CONFIRMATION,
		/** Every discharge criterion holds and no clinician has signed: the nurse's signature may be there already. */
		CLINICIAN_SIGN_OFF
	}

	/** A record as the chart shows it now, with its appointment (null once no longer booked) and the patient's MRN. */
	public record Entry(SessionChart chart, @Nullable BookedAppointment appointment, @Nullable String mrn) {
	}

	@Transactional(readOnly = true)
	public List<Entry> ofPatient(UUID patientId) {
		return entries(index.ofPatient(patientId, LIMIT));
	}

	/**
	 * The records waiting for a clinician: BP confirmations the earliest opened first; sign-offs with the nurse's
	 * signature (co-signatures) first, then the earliest opened.
	 */
	@Transactional(readOnly = true)
	public List<Entry> awaiting(Awaiting what) {
		var found = entries(index.withoutClinicianSignature(LIMIT));
		return switch (what) {
			case BP_CONFIRMATION -> found.stream().filter(e -> e.chart().awaitingBpConfirmation()).toList();
			case CLINICIAN_SIGN_OFF -> found.stream()
				.filter(e -> e.chart().openDischargeCriteria().isEmpty())
				.sorted(Comparator.comparing((Entry e) -> e.chart().record().nurseSignature() == null))
				.toList();
		};
	}

	private List<Entry> entries(List<UUID> ids) {
		var charted = ids.stream()
			.flatMap(id -> records.find(id).stream())
			.map(charts::chartOf)
			.toList();
		var mrns = patients.of(charted.stream().map(c -> c.record().patientId()).distinct().toList());
		return charted.stream().map(chart -> {
			var patient = mrns.get(chart.record().patientId());
			return new Entry(chart, appointments.find(chart.record().appointmentId()).orElse(null),
					patient == null ? null : patient.mrn());
		}).toList();
	}
}
