package clinic.scheduling.patients;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients intake registered and the referrals it received, as scheduling keeps them: whom a consultation can be
 * booked for. Events come at least once and not always in order: an identity older than the one held changes nothing,
 * a referral is kept once, and a referral may come before its patient's registration.
 */
@Service
public class PatientRegistry {

	private static final Logger log = LoggerFactory.getLogger(PatientRegistry.class);

	private final Patients patients;

	PatientRegistry(Patients patients) {
		this.patients = patients;
	}

	/** Intake registered or updated the patient; returns whether this changed what is known. */
	@Transactional
	public boolean registeredOrUpdated(RegisteredPatient patient) {
		var stored = patients.registerIfNewer(patient);
		if (!stored) {
			log.info("Patient {} at version {} is not newer than the one known; dropped", patient.id(),
					patient.version());
		}
		return stored;
	}

	/** Intake received a referral for the patient; returns whether it was new. */
	@Transactional
	public boolean referred(KnownReferral referral) {
		var stored = patients.recordReferral(referral);
		if (!stored) {
			log.info("Referral {} of patient {} is known already; nothing changes", referral.id(), referral.patientId());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Optional<RegisteredPatient> find(UUID patientId) {
		return patients.findRegistered(patientId);
	}

	@Transactional(readOnly = true)
	public boolean isReferred(UUID patientId) {
		return patients.hasReferral(patientId);
	}
}
