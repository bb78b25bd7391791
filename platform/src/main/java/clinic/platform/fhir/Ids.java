package clinic.platform.fhir;

import java.util.UUID;

import org.hl7.fhir.instance.model.api.IIdType;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** The services' FHIR resources are named by UUIDs; any other id names nothing here (404, not 500). */
public final class Ids {

	private Ids() {
	}

	public static UUID uuid(IIdType id, String resourceType) {
		try {
			return UUID.fromString(id.getIdPart());
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			throw new ResourceNotFoundException(resourceType + "/" + id.getIdPart() + " is not known");
		}
	}
}
