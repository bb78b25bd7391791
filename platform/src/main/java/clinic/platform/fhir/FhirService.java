package clinic.platform.fhir;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a service serving FHIR says of itself: its server's name and description, the resource types it serves and the
 * {@code _include}s of each it supports. Its CapabilityStatement lists exactly these ({@link Capabilities}).
 *
 * @param name the server's name ({@code CapabilityStatement.software.name})
 * @param description the implementation's description
 * @param served the resource types the service's providers serve
 * @param includes whether a resource type's search supports an {@code _include} (type, include)
 * @param operations the canonical OperationDefinition of each operation the service's providers define (by name,
 *        without {@code $}), which its CapabilityStatement names instead of a definition the server does not serve
 */
public record FhirService(String name, String description, Set<String> served, BiPredicate<String, String> includes,
		Map<String, String> operations) {

	public FhirService {
		served = Set.copyOf(served);
		operations = Map.copyOf(operations);
	}

	public FhirService(String name, String description, Set<String> served, BiPredicate<String, String> includes) {
		this(name, description, served, includes, Map.of());
	}

	/** The same service, its operations defined by these canonical OperationDefinitions (name without {@code $}). */
	public FhirService withOperations(Map<String, String> definitions) {
		return new FhirService(name, description, served, includes, definitions);
	}

	/** The same service, serving {@code type} too (the platform's own providers: AuditEvent). */
	public FhirService alsoServing(String type) {
		var types = new HashSet<>(served);
		types.add(type);
		return new FhirService(name, description, types, includes, operations);
	}

	/** A service whose searches support no {@code _include}. */
	public static FhirService withoutIncludes(String name, String description, Set<String> served) {
		return new FhirService(name, description, served, (type, include) -> false);
	}
}
