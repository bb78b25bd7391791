package clinic.gateway.clients;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;

/**
 * Integration clients for administrators ({@code /api/integration-clients}, the {@code admin} role alone, a path rule
 * of the security configuration; every call is in the gateway's audit trail): list them, create one for another
 * system (a client secret shown once, or {@code private_key_jwt} with the system's JWKS URL, as SMART Backend Services
 * does it) with the SMART scopes it needs and no more, and revoke one (Keycloak deletes it: it gets no new token, and
 * a token it holds lapses within the realm's access-token lifespan, 5 minutes).
 */
@RestController
public class IntegrationClientsController {

	/** Where administrators manage integration clients. */
	public static final String PATH = "/api/integration-clients";

	static final String CLIENT_SECRET = "client_secret";

	static final String PRIVATE_KEY_JWT = "private_key_jwt";

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,&()'-]{1,79}");

	private static final Pattern CLIENT_ID = Pattern.compile("ext-[a-z0-9][a-z0-9-]{1,60}");

	private final KeycloakClients keycloak;

	IntegrationClientsController(KeycloakClients keycloak) {
		this.keycloak = keycloak;
	}

	/** What the administrator sends: a name for people, how the client proves itself, its scopes. */
	record Request(@Nullable String name, @Nullable String authentication, @Nullable List<String> scopes,
			@Nullable String jwksUrl) {
	}

	record Listing(List<KeycloakClients.IntegrationClient> clients, List<String> availableScopes) {
	}

	@GetMapping(PATH)
	Mono<ResponseEntity<?>> list() {
		return this.keycloak.list()
			.zipWith(this.keycloak.smartScopes())
			.<ResponseEntity<?>>map(both -> ResponseEntity.ok(new Listing(both.getT1(), both.getT2())))
			.onErrorResume(IntegrationClientsController::keycloakDown);
	}

	@PostMapping(PATH)
	Mono<ResponseEntity<?>> create(@RequestBody Request request, Authentication admin) {
		var name = request.name() == null ? "" : request.name().strip();
		if (!NAME.matcher(name).matches()) {
			return Mono.just(invalid("name", "Give the system's name: 2 to 80 letters, digits, spaces or . , & ( ) ' -."));
		}
		var authentication = request.authentication() == null ? CLIENT_SECRET : request.authentication();
		if (!authentication.equals(CLIENT_SECRET) && !authentication.equals(PRIVATE_KEY_JWT)) {
			return Mono.just(invalid("authentication", "Choose client_secret or private_key_jwt."));
		}
		String jwksUrl = null;
		if (authentication.equals(PRIVATE_KEY_JWT)) {
			jwksUrl = request.jwksUrl() == null ? "" : request.jwksUrl().strip();
			if (!isJwksUrl(jwksUrl)) {
				return Mono.just(invalid("jwksUrl",
						"A private_key_jwt client needs the https URL of its JWKS (its public keys), at most 500 characters."));
			}
		}
		else if (request.jwksUrl() != null && !request.jwksUrl().isBlank()) {
			return Mono.just(invalid("jwksUrl", "Only a private_key_jwt client has a JWKS URL."));
		}
		var scopes = request.scopes() == null ? List.<String>of() : request.scopes();
		if (scopes.isEmpty() || scopes.size() > 100) {
			return Mono.just(invalid("scopes", "Choose the SMART scopes the system needs (at least one)."));
		}
		var clientId = "ext-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		if (!CLIENT_ID.matcher(clientId).matches()) {
			return Mono.just(invalid("name", "The name needs at least two letters or digits."));
		}
		var jwks = jwksUrl;
		return this.keycloak.smartScopes().flatMap(offered -> {
			for (int i = 0; i < scopes.size(); i++) {
				if (scopes.get(i) == null || !offered.contains(scopes.get(i))) {
					return Mono.just(invalid("scopes[" + i + "]", "Not a scope the clinic offers: choose from "
							+ String.join(", ", offered) + "."));
				}
			}
			var asked = new KeycloakClients.NewClient(clientId, name, authentication,
					List.copyOf(new LinkedHashSet<>(scopes)), jwks, admin.getName());
			return this.keycloak.create(asked)
				.<ResponseEntity<?>>map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.clientId()))
					.body(created));
		}).onErrorResume(WebClientResponseException.Conflict.class, conflict -> Mono.just(problem(HttpStatus.CONFLICT,
				"Client exists", "There is already a client " + clientId + ": give the system another name.", null)))
			.onErrorResume(IntegrationClientsController::keycloakDown);
	}

	@DeleteMapping(PATH + "/{clientId}")
	Mono<ResponseEntity<?>> revoke(@PathVariable String clientId) {
		if (!CLIENT_ID.matcher(clientId).matches()) {
			return Mono.just(problem(HttpStatus.NOT_FOUND, "No such integration client",
					"There is no integration client " + clientId.substring(0, Math.min(clientId.length(), 80)) + ".",
					null));
		}
		return this.keycloak.revoke(clientId)
			.<ResponseEntity<?>>map(revoked -> revoked ? ResponseEntity.noContent().build()
					: problem(HttpStatus.NOT_FOUND, "No such integration client",
							"There is no integration client " + clientId + ".", null))
			.onErrorResume(IntegrationClientsController::keycloakDown);
	}

	private static boolean isJwksUrl(String url) {
		if (url.isEmpty() || url.length() > 500) {
			return false;
		}
		try {
			var uri = URI.create(url);
			var local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			return uri.getHost() != null && ("https".equals(uri.getScheme()) || local && "http".equals(uri.getScheme()));
		}
		catch (IllegalArgumentException notAUri) {
			return false;
		}
	}

	private static Mono<ResponseEntity<?>> keycloakDown(Throwable failure) {
		if (failure instanceof WebClientRequestException || failure instanceof WebClientResponseException) {
			return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "Sign-in service unavailable",
					"Keycloak, which keeps the integration clients, cannot be reached or refused the change just now: "
							+ "try again shortly.",
					null));
		}
		return Mono.error(failure);
	}

	private static ResponseEntity<?> invalid(String field, String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, field);
	}

	private static ResponseEntity<?> problem(HttpStatus status, String title, String detail, @Nullable String field) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		var answer = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header("Retry-After", "5");
		}
		return answer.body(problem);
	}
}
