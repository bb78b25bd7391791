package clinic.session.records;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.session.monitoring.VitalsReading;

/** Where session records and their vitals readings are kept. */
public interface SessionRecords {

	void insert(SessionRecord record);

	/** Saves a changed record if nobody changed it since it was read (optimistic check on the version). */
	void update(SessionRecord record);

	void insert(UUID recordId, VitalsReading reading);

	Optional<SessionRecord> find(UUID id);

	/** The ids of the records opened for these appointments, by appointment id. */
	Map<UUID, UUID> recordIdsByAppointment(Collection<UUID> appointmentIds);
}
