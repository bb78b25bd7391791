package clinic.scheduling.fhir;

import java.util.UUID;

import org.hl7.fhir.instance.model.api.IIdType;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** Scheduling's resources are named by UUIDs; any other id names nothing here (404, not 500). */
final class Ids {

	private Ids() {
	}

	static UUID uuid(IIdType id, String resourceType) {
		try {
			return UUID.fromString(id.getIdPart());
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			throw new ResourceNotFoundException(resourceType + "/" + id.getIdPart() + " is not known");
		}
	}
}
