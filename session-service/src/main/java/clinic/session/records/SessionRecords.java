package clinic.session.records;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.session.monitoring.Alert;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.VitalsReading;

/** Where session records and their entries are kept. Entries are only ever added (an alert's action is set once). */
public interface SessionRecords {

	void insert(SessionRecord record);

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

	/** The ids of the records opened for these appointments, by appointment id. */
	Map<UUID, UUID> recordIdsByAppointment(Collection<UUID> appointmentIds);
}
