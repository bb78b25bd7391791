package clinic.scheduling.booking;

import java.util.Arrays;

/** FHIR R4 Appointment.status values used by the clinic, with their FHIR codes. */
public enum AppointmentStatus {
	BOOKED("booked"), ARRIVED("arrived"), CHECKED_IN("checked-in"), FULFILLED("fulfilled"), CANCELLED("cancelled"),
	NOSHOW("noshow");

	private final String code;

	AppointmentStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static AppointmentStatus ofCode(String code) {
		return Arrays.stream(values())
			.filter(status -> status.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown appointment status " + code));
	}
}
