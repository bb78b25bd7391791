package clinic.intake.hl7;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The MLLP listener ({@code clinic.intake.hl7} in application.yml).
 *
 * @param port the port it listens on, 0–65535; none (the default) leaves it off, 0 takes a free port (tests)
 * @param allowedFacilities the sending facilities (MSH-4, its first component) whose messages are taken; every other
 * sender is refused with AR. MLLP has no tokens, so this and the network (TLS or a VPN) are all that say who sends.
 * @param mrnAuthority the assigning authority (CX-4.1) of the clinic's MRNs in PID-3 and MRG-1; a repetition without
 * an authority is an MRN too. Every other repetition is another system's identifier.
 * @param identifierSystems another system's identifier system (a URI) by its assigning authority (CX-4.1), for
 * authorities that send no OID
 * @param authoritySystemBase the identifier system of an authority that is neither mapped nor sends an ISO OID (CX-4.2
 * with CX-4.3 {@code ISO}, which becomes {@code urn:oid:<OID>}): this base and the authority's name
 */
@Validated
@ConfigurationProperties("clinic.intake.hl7")
public record Hl7Settings(@Nullable @Min(0) @Max(65535) Integer port, @Nullable List<String> allowedFacilities,
		@Nullable String mrnAuthority, @Nullable Map<String, String> identifierSystems,
		@Nullable String authoritySystemBase) {

	public Hl7Settings {
		allowedFacilities = allowedFacilities == null ? List.of()
				: allowedFacilities.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
		mrnAuthority = mrnAuthority == null || mrnAuthority.isBlank() ? "KETAMINE-CLINIC" : mrnAuthority.strip();
		identifierSystems = identifierSystems == null ? Map.of()
				: identifierSystems.entrySet()
					.stream()
					.collect(Collectors.toUnmodifiableMap(e -> e.getKey().strip().toUpperCase(Locale.ROOT),
							e -> e.getValue().strip()));
		authoritySystemBase = authoritySystemBase == null || authoritySystemBase.isBlank()
				? "https://ketamine-clinic.example/fhir/sid/hl7-authority/" : authoritySystemBase.strip();
	}

	boolean allows(@Nullable String facility) {
		return facility != null && allowedFacilities.contains(facility.strip());
	}

	/** Whether a CX with this assigning authority (CX-4.1) is one of the clinic's MRNs. */
	boolean isMrn(@Nullable String namespace, @Nullable String universalId) {
		return namespace == null && universalId == null
				|| namespace != null && namespace.equalsIgnoreCase(mrnAuthority);
	}

	/** The identifier system of another system's assigning authority (CX-4: namespace, universal id and its type). */
	String systemOf(@Nullable String namespace, @Nullable String universalId, @Nullable String universalIdType) {
		if (namespace != null && identifierSystems.containsKey(namespace.toUpperCase(Locale.ROOT))) {
			return identifierSystems.get(namespace.toUpperCase(Locale.ROOT));
		}
		if (universalId != null && "ISO".equalsIgnoreCase(universalIdType)) {
			return "urn:oid:" + universalId;
		}
		if (universalId != null && "URI".equalsIgnoreCase(universalIdType)) {
			return universalId;
		}
		var name = namespace != null ? namespace : universalId;
		return authoritySystemBase + URLEncoder.encode(name, StandardCharsets.UTF_8);
	}
}
