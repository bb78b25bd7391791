package clinic.scheduling.patients;

import java.util.Optional;
import java.util.UUID;

/** The projection of intake's patients. */
public interface Patients {

	/**
	 * Stores what is known of the patient unless a version as new or newer is held already. Returns whether it
	 * was stored; false means the event it came from is stale (or a repeat) and must change nothing.
	 */
	boolean recordIfNewer(Patient patient);

	Optional<Patient> find(UUID id);

	/**
	 * Stores the patient's identity unless intake's version of it held is as new or newer. Returns whether it was
	 * stored; false means the event is stale (or a repeat). Keeps the patient's consultation version.
	 */
	boolean registerIfNewer(RegisteredPatient patient);

	Optional<RegisteredPatient> findRegistered(UUID id);

	/** Stores the referral unless it is known already; returns whether it was new. */
	boolean recordReferral(KnownReferral referral);

	/** Whether intake has told of a referral for the patient. */
	boolean hasReferral(UUID patientId);
}
