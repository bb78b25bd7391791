package clinic.session.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Raised by a reading beyond a monitoring threshold. It stays open until a nurse or clinician records what was done
 * about it ({@code response}); an open alert keeps the patient from being discharged.
 */
public record Alert(UUID id, Instant raisedAt, Phase phase, List<Breach> breaches, AlertResponse response) {

	public Alert {
		breaches = List.copyOf(breaches);
	}

	public static Alert raisedBy(VitalsReading reading) {
		return new Alert(UUID.randomUUID(), reading.takenAt(), reading.phase(), reading.breaches(), null);
	}

	public boolean isOpen() {
		return response == null;
	}

	public Alert answered(AlertResponse how) {
		return new Alert(id, raisedAt, phase, breaches, how);
	}
}
