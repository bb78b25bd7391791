package clinic.scheduling.consultations;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A consultation with what a reader needs beside it: the patient's name and MRN, the site, the zone its day and times
 * are read in, the room, and what may be done with it now ({@code actions}, for the pages' buttons).
 */
public record BookedConsultation(Consultation consultation, String patientName, String mrn, String siteName,
		ZoneId zone, @Nullable String roomName, Set<Action> actions) {

	public BookedConsultation {
		actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
	}

	/** What the front desk may do with a consultation at a given moment. */
	public enum Action {
		ARRIVE, NO_SHOW, CANCEL, RESCHEDULE
	}
}
