package clinic.scheduling.resources;

import java.util.Arrays;

/** The kinds of resource an administrator maintains, as resource_revision names them. */
public enum ResourceKind {

	SITE("site", "Site"), ROOM("room", "Room"), CHAIR("chair", "Chair"), SITE_HOURS("site-hours", "Opening hours of site"),
	CLOSURE("closure", "Closure"), NURSE_ROTA("nurse-rota", "Rota entry"), NURSE_SHIFT("nurse-shift", "Nurse shift"),
	NURSE_ABSENCE("nurse-absence", "Nurse absence"), CONSULTATION_SLOT("consultation-slot", "Consultation slot");

	private final String code;

	private final String label;

	ResourceKind(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	/** How messages name the kind, for example "Rota entry". */
	public String label() {
		return label;
	}

	public static ResourceKind ofCode(String code) {
		return Arrays.stream(values())
			.filter(kind -> kind.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No resource kind " + code));
	}
}
