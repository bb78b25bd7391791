package clinic.session.records;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.session.monitoring.Alert;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.VitalsReading;
import clinic.session.path.GateFacts;

/** Where session records and their entries are kept. Entries are only ever added (an alert's action is set once). */
public interface SessionRecords {

	void insert(SessionRecord record);

	/** Holds the patient until the transaction ends: doses and pausing adverse events of a patient queue up. */
	void lockPatient(UUID patientId);

	/** Saves a changed record if nobody changed it since it was read (optimistic check on the version). */
	void update(SessionRecord record);

	void insert(UUID recordId, VitalsReading reading);

	void insert(UUID recordId, Alert alert);

	/** Stores the action recorded on an alert. */
	void answered(UUID recordId, Alert alert);

	void insert(UUID recordId, SideEffect effect);

	void insert(UUID recordId, Cadss6 score);

	void insert(UUID recordId, AdverseEvent event);

	void insert(UUID recordId, Addendum addendum);

	Optional<SessionRecord> find(UUID id);

	/**
	 * The record's version, the record held until the transaction ends so that no other change passes between a
	 * check of the version and the change made after it. The patient is held first ({@link #lockPatient}), in the
	 * order the dose and adverse events take the two, so that the holds never wait on each other in a circle.
	 */
	Optional<Long> versionForChange(UUID id);

	/** The record's version as stored now. */
	Optional<Long> version(UUID id);

	/** The ids of the records opened for these appointments, by appointment id. */
	Map<UUID, UUID> recordIdsByAppointment(Collection<UUID> appointmentIds);

	/** Which of these appointments have a record with a dose given. */
	Set<UUID> dosedAppointments(Collection<UUID> appointmentIds);

	/** The patient's latest dose given in any record but {@code exceptRecordId} (null: any record). */
	Optional<GateFacts.LastDose> lastDose(UUID patientId, @Nullable UUID exceptRecordId);
}
