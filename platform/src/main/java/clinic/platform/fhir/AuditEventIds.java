package clinic.platform.fhir;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An AuditEvent's id says which service's trail holds it: {@code <owner>-<row>} ({@code intake-42},
 * {@code scheduling-42}, {@code session-42}, the owner being the service's {@code clinic.api.name}). Each service
 * numbers its rows itself, so the row alone would name three events at the gateway, which reads an id from each owner
 * in turn.
 */
final class AuditEventIds {

	private static final Pattern ROW = Pattern.compile("[1-9][0-9]{0,18}");

	private final String owner;

	AuditEventIds(String owner) {
		this.owner = owner;
	}

	String of(long row) {
		return owner + "-" + row;
	}

	/** The row an id names in this service's trail; empty for another owner's id or one that is no id. */
	OptionalLong row(String id) {
		var prefix = owner + "-";
		if (id == null || !id.startsWith(prefix) || !ROW.matcher(id.substring(prefix.length())).matches()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(id.substring(prefix.length())));
		}
		catch (NumberFormatException tooLarge) {
			return OptionalLong.empty();
		}
	}
}
