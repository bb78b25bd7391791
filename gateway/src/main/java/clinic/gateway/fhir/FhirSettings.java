package clinic.gateway.fhir;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FHIR-serving services, how their CapabilityStatements are read, and the resource types several services serve,
 * which the gateway answers itself by asking each owner ({@code clinic.gateway.fhir}).
 *
 * @param services the services' lb:// names, each answering {@code /fhir/metadata}
 * @param metadataCache how long the merged statement is kept before the services are asked again
 * @param metadataTimeout how long a service's statement is waited for before the gateway answers 503
 * @param sharedTypes per resource type several services serve, its owners' lb:// names, asked in this order (a read
 * by id takes the first owner that has the resource)
 * @param pageSize how many resources a search of a shared type answers per page when the client does not say
 * ({@code _count}); the services' own default
 * @param maxPageSize the most a client may ask for per page of a shared type
 * @param maxOffset the furthest a search of a shared type may page ({@code _offset}): the gateway reads each owner's
 * first offset + count matches to answer a page, so this bounds what one request costs every owner
 * @param ownerTimeout how long an owner's answer (each page of it) is waited for before the gateway answers 503
 */
@ConfigurationProperties("clinic.gateway.fhir")
public record FhirSettings(List<String> services, Duration metadataCache, Duration metadataTimeout,
		@Nullable Map<String, List<String>> sharedTypes, int pageSize, int maxPageSize, int maxOffset,
		Duration ownerTimeout) {

	public FhirSettings {
		services = List.copyOf(services);
		if (services.isEmpty()) {
			throw new IllegalArgumentException("clinic.gateway.fhir.services: name at least one service");
		}
		var types = new LinkedHashMap<String, List<String>>();
		if (sharedTypes != null) {
			sharedTypes.forEach((type, owners) -> {
				if (owners == null || owners.isEmpty()) {
					throw new IllegalArgumentException("clinic.gateway.fhir.shared-types." + type
							+ ": name at least one owner");
				}
				types.put(resourceType(type), List.copyOf(owners));
			});
		}
		sharedTypes = Map.copyOf(types);
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException("clinic.gateway.fhir: page-size must be at least 1 and at most "
					+ "max-page-size: " + pageSize + ", " + maxPageSize);
		}
		if (maxOffset < 0) {
			throw new IllegalArgumentException("clinic.gateway.fhir.max-offset must not be negative: " + maxOffset);
		}
	}

	/** FHIR R4's name of the type, however the setting's key was cased (environment variables lower-case it). */
	private static String resourceType(String name) {
		for (var type : ResourceType.values()) {
			if (type.name().equalsIgnoreCase(name)) {
				return type.name();
			}
		}
		throw new IllegalArgumentException("clinic.gateway.fhir.shared-types: " + name + " is not a FHIR R4 resource type");
	}
}
