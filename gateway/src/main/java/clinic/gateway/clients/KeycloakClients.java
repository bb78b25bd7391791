package clinic.gateway.clients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import clinic.contracts.Roles;

/**
 * Keycloak's admin REST API for the realm's integration clients. The token endpoint is the one the gateway's login
 * uses (discovered, or configured in compose); the admin API is beside it ({@code <server>/admin/realms/<realm>}).
 * A token of the client-administration client is fetched for each administrator's action (they are rare).
 * <p>
 * A client made here can do exactly what an integration client does: client credentials only, the {@code integration}
 * role written into its tokens by a hard-coded role mapper (so the administration client needs no right over users),
 * the services as audiences, and only the SMART scopes chosen for it as optional scopes. It is marked
 * {@code clinic.integration} so that the list shows these and not the suite's own clients.
 */
@Component
@EnableConfigurationProperties(ClientAdminSettings.class)
class KeycloakClients {

	static final String MARK = "clinic.integration";

	private static final List<String> AUDIENCES = List.of("intake-service", "scheduling-service", "session-service");

	private final WebClient web = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
		.build();

	private final ReactiveClientRegistrationRepository registrations;

	private final ClientAdminSettings settings;

	KeycloakClients(ReactiveClientRegistrationRepository registrations, ClientAdminSettings settings) {
		this.registrations = registrations;
		this.settings = settings;
	}

	/** An integration client as the admin page shows it. */
	record IntegrationClient(String clientId, String name, String authentication, List<String> scopes,
			@Nullable String jwksUrl, @Nullable String createdBy, @Nullable String createdAt, boolean enabled) {
	}

	/** What an administrator asks for. */
	record NewClient(String clientId, String name, String authentication, List<String> scopes,
			@Nullable String jwksUrl, String createdBy) {
	}

	/** The SMART scopes the realm offers ({@code system/...} client scopes), by name. */
	Mono<List<String>> smartScopes() {
		return admin(web -> web.get().uri("/client-scopes")).flatMapMany(Flux::fromIterable)
			.map(scope -> scope.get("name").asString())
			.filter(name -> name.startsWith("system/"))
			.sort()
			.collectList();
	}

	Mono<List<IntegrationClient>> list() {
		return admin(web -> web.get().uri("/clients?first=0&max=500")).flatMapMany(Flux::fromIterable)
			.filter(client -> "true".equals(attribute(client, MARK)))
			.concatMap(client -> admin(web -> web.get().uri("/clients/{id}/optional-client-scopes",
					client.get("id").asString()))
				.map(scopes -> describe(client, scopes)))
			.collectList();
	}

	/** Creates the client; answers its secret (shown once) for a secret client, else empty. */
	Mono<Created> create(NewClient asked) {
		var representation = new LinkedHashMap<String, Object>();
		representation.put("clientId", asked.clientId());
		representation.put("name", asked.name());
		representation.put("enabled", true);
		representation.put("protocol", "openid-connect");
		representation.put("publicClient", false);
		representation.put("standardFlowEnabled", false);
		representation.put("implicitFlowEnabled", false);
		representation.put("directAccessGrantsEnabled", false);
		representation.put("serviceAccountsEnabled", true);
		representation.put("fullScopeAllowed", false);
		var attributes = new LinkedHashMap<String, String>();
		attributes.put(MARK, "true");
		attributes.put("clinic.created-by", asked.createdBy());
		attributes.put("clinic.created-at", Instant.now().toString());
		attributes.put("client_credentials.use_refresh_token", "false");
		attributes.put("oauth2.device.authorization.grant.enabled", "false");
		attributes.put("oidc.ciba.grant.enabled", "false");
		if (asked.authentication().equals(IntegrationClientsController.PRIVATE_KEY_JWT)) {
			representation.put("clientAuthenticatorType", "client-jwt");
			attributes.put("use.jwks.url", "true");
			attributes.put("jwks.url", asked.jwksUrl());
			attributes.put("token.endpoint.auth.signing.alg", "RS384");
		}
		else {
			representation.put("clientAuthenticatorType", "client-secret");
		}
		representation.put("attributes", attributes);
		// profile: the token's preferred_username (service-account-<client id>), the name the services' audit trail
		// records the caller by; without it a call is refused
		representation.put("defaultClientScopes", List.of("basic", "acr", "profile"));
		representation.put("optionalClientScopes", asked.scopes());
		var mappers = new ArrayList<Map<String, Object>>();
		mappers.add(Map.of("name", "integration role", "protocol", "openid-connect", "protocolMapper",
				"oidc-hardcoded-role-mapper", "config", Map.of("role", Roles.INTEGRATION)));
		mappers.add(Map.of("name", "realm roles", "protocol", "openid-connect", "protocolMapper",
				"oidc-usermodel-realm-role-mapper", "config", Map.of("claim.name", "realm_access.roles", "multivalued",
						"true", "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false",
						"introspection.token.claim", "true")));
		for (var audience : AUDIENCES) {
			mappers.add(Map.of("name", "audience " + audience, "protocol", "openid-connect", "protocolMapper",
					"oidc-audience-mapper", "config", Map.of("included.custom.audience", audience, "access.token.claim",
							"true", "id.token.claim", "false", "introspection.token.claim", "true")));
		}
		representation.put("protocolMappers", mappers);
		return token().flatMap(token -> adminBase().flatMap(base -> this.web.post()
			.uri(base + "/clients")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(representation)
			.retrieve()
			.toBodilessEntity()))
			.then(find(asked.clientId()))
			.flatMap(client -> asked.authentication().equals(IntegrationClientsController.PRIVATE_KEY_JWT)
					? Mono.just(new Created(asked.clientId(), null))
					: admin(web -> web.get().uri("/clients/{id}/client-secret", client.get("id").asString()))
						.map(secret -> new Created(asked.clientId(), secret.get("value").asString())));
	}

	record Created(String clientId, @Nullable String secret) {
	}

	/** Deletes the client: it gets no token any more. Empty when there is no such integration client. */
	Mono<Boolean> revoke(String clientId) {
		return find(clientId).filter(client -> "true".equals(attribute(client, MARK)))
			.flatMap(client -> admin(web -> web.delete().uri("/clients/{id}", client.get("id").asString()))
				.thenReturn(true)
				.switchIfEmpty(Mono.just(true)))
			.defaultIfEmpty(false);
	}

	private Mono<JsonNode> find(String clientId) {
		return admin(web -> web.get().uri(uri -> uri.path("/clients").queryParam("clientId", clientId).build()))
			.flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just(found.get(0)));
	}

	private static IntegrationClient describe(JsonNode client, JsonNode scopes) {
		var names = new ArrayList<String>();
		scopes.forEach(scope -> names.add(scope.get("name").asString()));
		names.sort(null);
		var jwt = "client-jwt".equals(client.path("clientAuthenticatorType").asString(""));
		return new IntegrationClient(client.get("clientId").asString(), client.path("name").asString(""),
				jwt ? IntegrationClientsController.PRIVATE_KEY_JWT : IntegrationClientsController.CLIENT_SECRET, names,
				jwt ? attribute(client, "jwks.url") : null, attribute(client, "clinic.created-by"),
				attribute(client, "clinic.created-at"), client.path("enabled").asBoolean(true));
	}

	private static @Nullable String attribute(JsonNode client, String name) {
		var value = client.path("attributes").path(name);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	/** A call to the admin API (path below the realm's admin base), its JSON answer; empty for no content. */
	private Mono<JsonNode> admin(Function<WebClient, WebClient.RequestHeadersSpec<?>> call) {
		return token().flatMap(token -> adminBase().flatMap(base -> call
			.apply(this.web.mutate().baseUrl(base).build())
			.headers(h -> h.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(JsonNode.class)));
	}

	private Mono<String> tokenUri() {
		return this.registrations.findByRegistrationId("keycloak")
			.map(registration -> registration.getProviderDetails().getTokenUri());
	}

	/** {@code <server>/realms/<realm>/protocol/openid-connect/token} → {@code <server>/admin/realms/<realm>}. */
	private Mono<String> adminBase() {
		return tokenUri().map(uri -> {
			var realms = uri.indexOf("/realms/");
			var realm = uri.substring(realms + "/realms/".length(), uri.indexOf('/', realms + "/realms/".length()));
			return uri.substring(0, realms) + "/admin/realms/" + realm;
		});
	}

	private Mono<String> token() {
		return tokenUri().flatMap(uri -> this.web.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials")
				.with("client_id", this.settings.adminClientId())
				.with("client_secret", this.settings.adminClientSecret()))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(answer -> answer.get("access_token").asString()))
			.onErrorMap(WebClientResponseException.class, failure -> failure.getStatusCode() == HttpStatus.UNAUTHORIZED
					|| failure.getStatusCode() == HttpStatus.BAD_REQUEST
							? new IllegalStateException("Keycloak refused the client-administration credentials "
									+ "(clinic.gateway.clients): " + failure.getResponseBodyAsString(), failure)
							: failure);
	}
}
