package clinic.session.patients;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the patients' MRN and name as intake registered or last updated them. */
@Service
public class PatientService {

	private static final Logger log = LoggerFactory.getLogger(PatientService.class);

	private final Patients patients;

	PatientService(Patients patients) {
		this.patients = patients;
	}

	@Transactional
	public boolean registeredOrUpdated(Patient patient) {
		var stored = patients.saveIfNewer(patient);
		if (!stored) {
			log.info("Patient {} at version {} is not newer than the one kept; dropped", patient.patientId(),
					patient.aggregateVersion());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Map<UUID, Patient> of(Collection<UUID> patientIds) {
		return patientIds.isEmpty() ? Map.of() : patients.of(patientIds);
	}
}
