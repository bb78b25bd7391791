package clinic.session.monitoring;

/** The measurements the clinic sets monitoring thresholds for. */
public enum VitalSign {
	SYSTOLIC, DIASTOLIC, HEART_RATE, SPO2
}
