package clinic.gateway.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMART Backend Services' discovery, {@code GET /fhir/.well-known/smart-configuration}, public as the
 * CapabilityStatement is: where to get a token (Keycloak's token endpoint), with which grant (client credentials) and
 * how a client proves who it is (a signed JWT, {@code private_key_jwt} with RS384 or ES384 as SMART asks, or the
 * client secret). The scopes are the clinic's: {@code system/<type>.rs} (or v1's {@code .read}) for each resource
 * type, {@code .c}/{@code .cu} (v1 {@code .write}) for what can be written; the services check them on every call.
 */
@RestController
@EnableConfigurationProperties(SmartSettings.class)
class SmartConfigurationController {

	static final String PATH = "/fhir/.well-known/smart-configuration";

	private final SmartSettings settings;

	SmartConfigurationController(SmartSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	ResponseEntity<Map<String, Object>> configuration() {
		var answer = new LinkedHashMap<String, Object>();
		answer.put("token_endpoint", this.settings.tokenEndpoint().toString());
		answer.put("grant_types_supported", List.of("client_credentials"));
		answer.put("token_endpoint_auth_methods_supported",
				List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
		answer.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		answer.put("scopes_supported", List.of("system/*.rs", "system/*.read"));
		answer.put("capabilities", List.of("client-confidential-asymmetric", "client-confidential-symmetric",
				"permission-v1", "permission-v2"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
	}
}
