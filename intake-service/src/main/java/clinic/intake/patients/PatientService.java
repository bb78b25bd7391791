package clinic.intake.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.NotFoundException;

/** Registers patients with their referral and moves them along the intake path. */
@Service
public class PatientService {

	private final Patients patients;

	private final ClinicEvents events;

	private final Clock clock;

	PatientService(Patients patients, ClinicEvents events, Clock clock) {
		this.patients = patients;
		this.events = events;
		this.clock = clock;
	}

	public record Registration(String givenName, String familyName, LocalDate birthDate, String phone,
			String referringClinician, String reason, Indication indication) {
	}

	@Transactional
	public Patient register(Registration registration) {
		var now = clock.instant();
		var patient = new Patient(UUID.randomUUID(), patients.nextMrn(), registration.givenName().strip(),
				registration.familyName().strip(), registration.birthDate(), registration.phone(),
				PatientStatus.REFERRED, 1, now);
		patients.insert(patient);
		var referral = new Referral(UUID.randomUUID(), patient.id(), registration.referringClinician().strip(),
				registration.reason(), registration.indication(), "RECEIVED", now);
		patients.insert(referral);
		events.publish(PatientRegistered.of(patient));
		events.publish(ReferralReceived.of(referral, patient.version()));
		return patient;
	}

	@Transactional(readOnly = true)
	public Patient get(UUID id) {
		return patients.find(id).orElseThrow(() -> new NotFoundException("Patient", id));
	}

	@Transactional(readOnly = true)
	public List<Referral> referralsOf(UUID id) {
		return patients.referralsOf(id);
	}

	@Transactional(readOnly = true)
	public List<Patient> search(String query) {
		return patients.search(query == null ? "" : query.strip(), 100);
	}

	/** Moves the patient to a new status; returns the patient with its new version. */
	@Transactional
	public Patient changeStatus(UUID id, PatientStatus status) {
		var changed = get(id).withStatus(status);
		patients.update(changed);
		return changed;
	}
}
