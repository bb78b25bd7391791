package clinic.gateway.fhir;

import java.net.URI;
import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * What the gateway tells other systems about getting a token for FHIR ({@code clinic.gateway.smart}): SMART Backend
 * Services' discovery and the CapabilityStatement's security.
 *
 * @param tokenEndpoint Keycloak's token endpoint as other systems reach it (the issuer's, by default), an absolute URL
 */
@Validated
@ConfigurationProperties("clinic.gateway.smart")
public record SmartSettings(@NotNull URI tokenEndpoint) {

	@AssertTrue(message = "clinic.gateway.smart.token-endpoint: give an absolute URL")
	public boolean isTokenEndpointAbsolute() {
		return tokenEndpoint == null || tokenEndpoint.isAbsolute();
	}

	/** The CapabilityStatement's {@code rest.security}: SMART on FHIR, and the token endpoint where SMART puts it. */
	void describeSecurity(CapabilityStatement statement) {
		var security = statement.getRestFirstRep().getSecurity();
		security.setCors(false);
		security.setService(List.of(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART on FHIR"))));
		security.setDescription("OAuth 2 client credentials from the clinic's Keycloak (SMART Backend Services: "
				+ "private_key_jwt or a client secret) with SMART system scopes; discovery at "
				+ SmartConfigurationController.PATH);
		var oauthUris = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
		security.getExtension().removeIf(extension -> oauthUris.equals(extension.getUrl()));
		var uris = new Extension(oauthUris);
		uris.addExtension(new Extension("token", new UriType(tokenEndpoint.toString())));
		// the extension requires an authorize endpoint: Keycloak's, beside the token endpoint (backends never use it)
		uris.addExtension(new Extension("authorize", new UriType(tokenEndpoint.resolve("auth").toString())));
		security.addExtension(uris);
	}
}
