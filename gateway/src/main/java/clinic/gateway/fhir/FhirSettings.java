package clinic.gateway.fhir;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.ResourceType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The FHIR-serving services, how their CapabilityStatements are read, and the resource types several services serve,
 * which the gateway answers itself by asking each owner ({@code clinic.gateway.fhir}).
 *
 * @param services the services' lb:// names, each answering {@code /fhir/metadata}; at least one
 * @param metadataCache how long the merged statement is kept before the services are asked again, at least 0
 * @param metadataTimeout how long a service's statement is waited for before the gateway answers 503, positive
 * @param sharedTypes per resource type several services serve (a FHIR R4 resource type, however cased), its owners'
 * lb:// names, at least one, asked in this order (a read by id takes the first owner that has the resource)
 * @param pageSize how many resources a search of a shared type answers per page when the client does not say
 * ({@code _count}); the services' own default; at least 1
 * @param maxPageSize the most a client may ask for per page of a shared type, at least {@code pageSize}
 * @param maxOffset the furthest a search of a shared type may page ({@code _offset}), at least 0: the gateway reads
 * each owner's first offset + count matches to answer a page, so this bounds what one request costs every owner
 * @param ownerTimeout how long an owner's answer (each page of it) is waited for before the gateway answers 503,
 * positive
 */
@Validated
@ConfigurationProperties("clinic.gateway.fhir")
public record FhirSettings(@NotEmpty List<String> services, @NotNull Duration metadataCache,
		@NotNull Duration metadataTimeout,
		Map<String, @NotEmpty(message = "name at least one owner") List<String>> sharedTypes, @Min(1) int pageSize,
		int maxPageSize, @Min(0) int maxOffset, @NotNull Duration ownerTimeout) {

	/**
	 * The services and owners as immutable lists (none given is none); each shared type under FHIR R4's name of it,
	 * however its key was cased (environment variables lower-case it); a key that is no resource type stays as given
	 * and is refused.
	 */
	public FhirSettings {
		services = services == null ? List.of() : List.copyOf(services);
		var types = new LinkedHashMap<String, List<String>>();
		if (sharedTypes != null) {
			sharedTypes.forEach((type, owners) -> types.put(resourceType(type),
					owners == null ? List.of() : List.copyOf(owners)));
		}
		sharedTypes = Map.copyOf(types);
	}

	@AssertTrue(message = "clinic.gateway.fhir.max-page-size must be at least page-size")
	public boolean isMaxPageSizeAtLeastPageSize() {
		return maxPageSize >= pageSize;
	}

	@AssertTrue(message = "clinic.gateway.fhir: metadata-cache must not be negative, metadata-timeout and owner-timeout "
			+ "must be positive")
	public boolean isDurationsPositive() {
		return (metadataCache == null || !metadataCache.isNegative()) && positive(metadataTimeout)
				&& positive(ownerTimeout);
	}

	@AssertTrue(message = "clinic.gateway.fhir.shared-types: each key must be a FHIR R4 resource type")
	public boolean isEverySharedTypeAResourceType() {
		return sharedTypes.keySet().stream().allMatch(type -> Arrays.stream(ResourceType.values())
			.anyMatch(known -> known.name().equals(type)));
	}

	/** Positive, or missing (then {@code @NotNull} says so). */
	private static boolean positive(@Nullable Duration duration) {
		return duration == null || !duration.isNegative() && !duration.isZero();
	}

	/** FHIR R4's name of the type, however the setting's key was cased; a name that is none as it is. */
	private static String resourceType(String name) {
		for (var type : ResourceType.values()) {
			if (type.name().equalsIgnoreCase(name)) {
				return type.name();
			}
		}
		return name;
	}
}
