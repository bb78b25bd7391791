package clinic.session.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A reading taken during a session, who took it, when and in which phase, with the thresholds it breached (if any).
 */
public record VitalsReading(Instant takenAt, String takenBy, Phase phase, int systolic, int diastolic, int heartRate,
		int spo2, int respiratoryRate, List<Breach> breaches) {

	public VitalsReading {
		breaches = List.copyOf(breaches);
	}

	public static VitalsReading of(VitalSigns signs, List<Breach> breaches, Phase phase, String takenBy,
			Instant takenAt) {
		return new VitalsReading(takenAt, takenBy, phase, signs.systolic(), signs.diastolic(), signs.heartRate(),
				signs.spo2(), signs.respiratoryRate(), breaches);
	}

	public boolean breached() {
		return !breaches.isEmpty();
	}
}
