package clinic.platform.fhir;

import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IIdType;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
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

	/**
	 * The id a reference search parameter {@code name} names ({@code <type>/<id>} or a bare id), empty for one that
	 * cannot name one of the service's (another type, not a UUID): such a search finds nothing. A chain is a bad
	 * request.
	 */
	public static Optional<UUID> referenced(ReferenceParam reference, String name, String type) {
		if (reference.getChain() != null && !reference.getChain().isEmpty()) {
			throw new InvalidRequestException(name + " is searched by id (" + name + "=" + type + "/<id>), not by chain");
		}
		if (reference.getResourceType() != null && !reference.getResourceType().equals(type)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(reference.getIdPart()));
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			return Optional.empty();
		}
	}
}
