package clinic.contracts;

import java.util.List;

/** An event that does not conform to the published schema of its type. Never retried: it cannot get better. */
public class EventContractViolation extends RuntimeException {

	private final String type;

	private final List<String> violations;

	public EventContractViolation(String type, List<String> violations) {
		super(type + " breaks its contract: " + String.join("; ", violations));
		this.type = type;
		this.violations = List.copyOf(violations);
	}

	public String type() {
		return type;
	}

	public List<String> violations() {
		return violations;
	}
}
