package clinic.session.monitoring;

import clinic.platform.problems.InvalidInputException;

/**
 * One set of measurements: blood pressure (mmHg), heart rate and respiratory rate (per minute), SpO2 (%).
 * Pressure that is not a pressure difference (diastolic at or above systolic) cannot have been measured.
 */
public record VitalSigns(int systolic, int diastolic, int heartRate, int spo2, int respiratoryRate) {

	public VitalSigns {
		if (diastolic >= systolic) {
			throw new InvalidInputException("diastolic",
					"Diastolic pressure " + diastolic + " must be below the systolic pressure " + systolic);
		}
	}
}
