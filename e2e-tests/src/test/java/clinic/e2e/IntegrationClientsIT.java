package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import clinic.launcher.Stack;
import tools.jackson.databind.JsonNode;

/**
 * An administrator gives another system a client of its own from the admin page's API, through Keycloak's admin API
 * as the gateway's client-administration client: the system gets tokens with the scopes chosen for it and no other,
 * reads what they allow and nothing else, and after the client is revoked gets no token at all. Only an admin may do
 * this, and bad input is named field by field.
 */
@ExtendWith(RunningSuite.class)
class IntegrationClientsIT {

	private static final String PATH = "/api/integration-clients";

	private static Stack stack;

	private static HttpClient http;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
		http = HttpClient.newHttpClient();
	}

	@Test
	void anAdminCreatesAClientWithOneScopeWhichReadsThatAloneUntilItIsRevoked() throws Exception {
		var admin = ClinicUser.signedIn(stack.gatewayUrl(), "admin");
		var listing = admin.get(PATH);
		assertThat(listing.status()).as(ClinicUser.describe(listing)).isEqualTo(200);
		assertThat(listing.json().get("availableScopes").toString()).contains("\"system/Appointment.rs\"",
				"\"system/Patient.c\"");
		var name = "Referral hub " + System.nanoTime() % 1_000_000;

		var created = admin.postFromPage(PATH, """
				{"name":"%s","authentication":"client_secret","scopes":["system/Appointment.rs"]}""".formatted(name));

		assertThat(created.status()).as(ClinicUser.describe(created)).isEqualTo(201);
		var clientId = created.json().get("clientId").asString();
		var secret = created.json().get("secret").asString();
		assertThat(clientId).startsWith("ext-referral-hub-");
		var listed = find(admin.get(PATH).json(), clientId);
		assertThat(listed).as("the new client in the list").isNotNull();
		assertThat(listed.get("scopes").toString()).isEqualTo("[\"system/Appointment.rs\"]");
		assertThat(listed.get("createdBy").asString()).isEqualTo("admin");
		assertThat(listed.toString()).doesNotContain(secret);

		var token = token(clientId, secret, "system/Appointment.rs");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		var bearer = ClinicUser.JSON.readTree(token.body()).get("access_token").asString();
		assertThat(fhir(bearer, "/fhir/Appointment?_count=1").statusCode()).isEqualTo(200);
		assertThat(fhir(bearer, "/fhir/Patient?_count=1").statusCode()).isEqualTo(403);
		assertThat(token(clientId, secret, "system/Patient.rs").statusCode()).as("a scope not given to it")
			.isEqualTo(400);

		var revoked = admin.call("DELETE", PATH + "/" + clientId, null);
		assertThat(revoked.status()).as(ClinicUser.describe(revoked)).isEqualTo(204);
		assertThat(token(clientId, secret, "system/Appointment.rs").statusCode()).as("no token after revocation")
			.isEqualTo(401);
		assertThat(find(admin.get(PATH).json(), clientId)).isNull();
		assertThat(admin.call("DELETE", PATH + "/" + clientId, null).status()).isEqualTo(404);
	}

	@Test
	void badInputIsNamedFieldByFieldAndOnlyAnAdminMayManageClients() {
		var admin = ClinicUser.signedIn(stack.gatewayUrl(), "admin");

		var unknownScope = admin.postFromPage(PATH, """
				{"name":"Billing system","scopes":["system/Appointment.rs","system/Everything.rs"]}""");
		var noJwks = admin.postFromPage(PATH, """
				{"name":"Billing system","authentication":"private_key_jwt","scopes":["system/Appointment.rs"]}""");
		var noName = admin.postFromPage(PATH, """
				{"name":" ","scopes":["system/Appointment.rs"]}""");

		assertThat(unknownScope.status()).isEqualTo(400);
		assertThat(unknownScope.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes[1]");
		assertThat(noJwks.status()).isEqualTo(400);
		assertThat(noJwks.json().get("errors").get(0).get("field").asString()).isEqualTo("jwksUrl");
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

		var nurse = ClinicUser.signedIn(stack.gatewayUrl(), "nurse");
		assertThat(nurse.get(PATH).status()).isEqualTo(403);
		assertThat(nurse.postFromPage(PATH, """
				{"name":"Sneaky","scopes":["system/Patient.rs"]}""").status()).isEqualTo(403);
	}

	private static JsonNode find(JsonNode listing, String clientId) {
		for (var client : listing.get("clients")) {
			if (client.get("clientId").asString().equals(clientId)) {
				return client;
			}
		}
		return null;
	}

	private static HttpResponse<String> token(String clientId, String secret, String scope) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClinicUser.formBody("grant_type", "client_credentials",
					"client_id", clientId, "client_secret", secret, "scope", scope)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> fhir(String bearer, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/fhir+json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
