package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import clinic.launcher.Part;
import clinic.launcher.Stack;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access policy (docs/access-policy.md) holds on the running suite: every operation of the three services'
 * OpenAPI documents is called by every kind of caller, and what happens is compared with the table. Anonymous, an
 * expired, a forged and a wrong-audience token: 401. Each role signed in at the gateway (with CSRF), and the
 * integration client with its client-credentials token at the service: an allowed operation is neither 401 nor 403
 * nor a server error (5xx), a refused one is 403, also when its body is broken (the policy is decided before the body
 * is read). A mutation
 * without the CSRF header at the gateway: 403. A service's 401 or 403 is problem+json with its bearer challenge. An
 * operation without a row, or a row without an operation, fails.
 * The ids are random and the bodies empty or broken, so no call changes anything another test relies on.
 */
@ExtendWith(RunningSuite.class)
class AccessPolicyIT {

	private static final List<String> ROLES = List.of("front-desk", "nurse", "clinician", "admin", "integration");

	private static final Map<String, String> DEMO_USER = Map.of("front-desk", "frontdesk", "nurse", "nurse",
			"clinician", "clinician", "admin", "admin", "integration", "integration");

	private static final Map<Part, String> API = Map.of(Part.INTAKE, "/api/intake/", Part.SCHEDULING,
			"/api/scheduling/", Part.SESSION, "/api/session/");

	/** What an allowed caller sends: nothing to change with unknown ids. */
	private static final String MINIMAL = "{}";

	/** What a refused caller sends: were the body read first, this would be a 400 naming the problem. */
	private static final String BROKEN = "{\"givenName\": 42, \"version\": \"x\", ";

	private final Stack stack = RunningSuite.stack();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> wrong = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger cells = new AtomicInteger();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	record Operation(Part service, String method, String path) implements Comparable<Operation> {

		String name() {
			return method + " " + path;
		}

		boolean mutation() {
			return !method.equals("GET");
		}

		/** The path with a new random id in every variable. */
		String call() {
			return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		}

		@Override
		public int compareTo(Operation other) {
			return name().compareTo(other.name());
		}
	}

	@Test
	void everyOperationAnswersEveryKindOfCallerAsTheAccessPolicySays() throws Exception {
		// issued when the suite came up, so that it has expired by now (Keycloak: 1 s; the services allow 60 s of skew)
		var probe = RunningSuite.shortLived();
		var shortLived = probe.token();
		assertThat(probe.firstAnswer())
			.as("the short-lived token was valid at first (integration may not search patients)")
			.isEqualTo(403);

		var policy = policy(stack.config().projectDir().resolve("docs/access-policy.md"));
		var operations = openApiOperations();
		var named = new TreeSet<String>();
		operations.forEach(operation -> named.add(operation.name()));
		assertThat(difference(named, policy.keySet())).as("operations without a row in docs/access-policy.md")
			.isEmpty();
		assertThat(difference(policy.keySet(), named)).as("rows of docs/access-policy.md without an operation")
			.isEmpty();

		var users = new LinkedHashMap<String, ClinicUser>();
		ROLES.forEach(role -> users.put(role, ClinicUser.signedIn(stack.gatewayUrl(), DEMO_USER.get(role))));
		var anonymous = new ClinicUser(stack.gatewayUrl());
		anonymous.get("/api/me"); // a stranger gets no session and so no CSRF cookie
		var integration = clientToken("clinic-integration");
		var forged = forged(integration);
		var otherAudience = clientToken("clinic-probe-other-audience");

		for (var operation : operations) {
			var allowed = policy.get(operation.name());
			var url = stack.serviceUrl(operation.service());
			var stranger = counted(anonymous.call(operation.method(), operation.call(), body(operation, MINIMAL)).status());
			if (operation.mutation()) {
				// a stranger has no session, so no CSRF token: the gateway refuses a change before it asks who calls
				expectOneOf(operation, "anonymous at the gateway", stranger, 401, 403);
			}
			else {
				expect(operation, "anonymous at the gateway", stranger, 401);
			}
			expect(operation, "no token at the service",
					direct(operation.method(), url + operation.call(), null, body(operation, MINIMAL)), 401);
			for (var role : ROLES) {
				var reply = users.get(role)
					.call(operation.method(), operation.call(), body(operation, allowed.contains(role) ? MINIMAL : BROKEN));
				expectPolicy(operation, role + " signed in at the gateway", counted(reply.status()), allowed.contains(role));
			}
			var asClient = direct(operation.method(), url + operation.call(), integration,
					body(operation, allowed.contains("integration") ? MINIMAL : BROKEN));
			expectPolicy(operation, "the integration client at the service", asClient, allowed.contains("integration"));
			expect(operation, "a forged token", direct(operation.method(), url + operation.call(), forged,
					body(operation, MINIMAL)), 401);
			expect(operation, "a token for another audience", direct(operation.method(), url + operation.call(),
					otherAudience, body(operation, MINIMAL)), 401);
			if (operation.mutation()) {
				// a role the operation allows, so that only the missing header can be the reason
				var role = ROLES.stream().filter(allowed::contains).findFirst().orElse("admin");
				expect(operation, role + " without the CSRF header", counted(users.get(role)
					.callWithoutCsrf(operation.method(), operation.call(), body(operation, MINIMAL)).status()), 403);
			}
		}

		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
			.until(() -> direct("GET", stack.serviceUrl(Part.INTAKE) + "/api/intake/patients", shortLived, null) == 401);
		for (var operation : operations) {
			expect(operation, "an expired token", direct(operation.method(),
					stack.serviceUrl(operation.service()) + operation.call(), shortLived, body(operation, MINIMAL)), 401);
		}

		System.out.printf("Access policy: %d operations (%s), %d cells compared in %d calls; answers by status %s%n",
				operations.size(), perService(operations), cells.get(), calls.get(), statuses);
		assertThat(wrong).as("answers that disagree with docs/access-policy.md").isEmpty();
	}

	/**
	 * Allowed: any answer but a refusal (401, 403) or a server error (5xx: the operation broke, which is no answer to
	 * the policy). Refused: 403, whatever the body.
	 */
	private void expectPolicy(Operation operation, String caller, int status, boolean allowed) {
		cells.incrementAndGet();
		if (status >= 500) {
			wrong.add(operation.name() + ", " + caller + " (" + (allowed ? "allowed" : "refused, with a broken body")
					+ "): " + status + ", a server error");
		}
		else if (allowed && (status == 401 || status == 403)) {
			wrong.add(operation.name() + ", " + caller + " (allowed): " + status);
		}
		else if (!allowed && status != 403) {
			wrong.add(operation.name() + ", " + caller + " (refused, with a broken body): " + status + ", not 403");
		}
	}

	private void expectOneOf(Operation operation, String caller, int status, int... refusals) {
		cells.incrementAndGet();
		if (java.util.Arrays.stream(refusals).noneMatch(refusal -> refusal == status)) {
			wrong.add(operation.name() + ", " + caller + ": " + status + ", not one of "
					+ java.util.Arrays.toString(refusals));
		}
	}

	private void expect(Operation operation, String caller, int status, int expected) {
		cells.incrementAndGet();
		if (status != expected) {
			wrong.add(operation.name() + ", " + caller + ": " + status + ", not " + expected);
		}
	}

	private static String body(Operation operation, String json) {
		return operation.method().equals("POST") || operation.method().equals("PUT") ? json : null;
	}

	/** A call straight at a service, with a bearer token or none. */
	private int direct(String method, String url, String token, String json) {
		var request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, */*;q=0.5")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			refusalForm(method + " " + url, response);
			return counted(response.statusCode());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A service's refusal is problem+json with its status, and a 401 or 403 keeps the bearer challenge a client
	 * library reads (RFC 6750), whatever was wrong with the token: none, forged, expired, another audience's.
	 */
	private void refusalForm(String call, HttpResponse<String> response) {
		var status = response.statusCode();
		if (status != 401 && status != 403) {
			return;
		}
		var type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.startsWith("application/problem+json") || !response.body().contains("\"status\":" + status)) {
			wrong.add(call + ": " + status + " answered as '" + type + "', not a problem document");
		}
		if (!response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
			wrong.add(call + ": " + status + " without a Bearer WWW-Authenticate challenge");
		}
	}

	private int counted(int status) {
		calls.incrementAndGet();
		statuses.merge(status, 1, Integer::sum);
		return status;
	}

	/** The operations of the three services' own OpenAPI documents. */
	private List<Operation> openApiOperations() {
		var operations = new ArrayList<Operation>();
		for (var service : API.keySet()) {
			var document = ClinicUser.JSON.readTree(get(stack.serviceUrl(service) + API.get(service) + "openapi"));
			for (var path : document.get("paths").properties()) {
				for (var method : path.getValue().properties()) {
					if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
						operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey()));
					}
				}
			}
		}
		assertThat(operations).as("the OpenAPI documents' operations").hasSizeGreaterThan(50);
		operations.sort(null);
		return operations;
	}

	/** Per operation ({@code GET /api/...}) the roles whose cell gives a reason; a dash refuses. */
	static Map<String, Set<String>> policy(Path markdown) throws IOException {
		var policy = new TreeMap<String, Set<String>>();
		List<String> columns = List.of();
		for (var line : Files.readAllLines(markdown)) {
			if (!line.startsWith("|")) {
				continue;
			}
			var cells = List.of(line.substring(1, line.lastIndexOf('|')).split("\\|")).stream().map(String::strip).toList();
			if (cells.get(0).equals("operation")) {
				columns = cells.subList(1, cells.size());
				assertThat(ROLES).as("the table's columns").containsAll(columns);
			}
			else if (cells.get(0).startsWith("`") && cells.get(0).contains(" /api/")) {
				// FHIR rows (/fhir/...) are intake's FhirAccessTest's: no OpenAPI document names them
				var roles = new TreeSet<String>();
				for (int i = 1; i < cells.size(); i++) {
					if (!Set.of("—", "-", "").contains(cells.get(i))) {
						roles.add(columns.get(i - 1));
					}
				}
				var previous = policy.put(cells.get(0).replace("`", "").strip(), roles);
				assertThat(previous).as(line + " is a second row for its operation").isNull();
			}
		}
		return policy;
	}

	private String clientToken(String clientId) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClinicUser.formBody("grant_type", "client_credentials",
					"client_id", clientId, "client_secret", clientId + "-demo-secret")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(clientId + ": " + response.body()).isEqualTo(200);
		return ClinicUser.JSON.readTree(response.body()).get("access_token").asString();
	}

	/** The integration client's token with every role and the admin's name written in: its signature no longer fits. */
	private static String forged(String token) {
		var parts = token.split("\\.");
		var claims = (ObjectNode) ClinicUser.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		var roles = claims.putObject("realm_access").putArray("roles");
		ROLES.forEach(roles::add);
		claims.put("preferred_username", "admin");
		var payload = Base64.getUrlEncoder().withoutPadding().encodeToString(ClinicUser.JSON.writeValueAsBytes(claims));
		return parts[0] + "." + payload + "." + parts[2];
	}

	private String get(String url) {
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			return response.body();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String perService(List<Operation> operations) {
		var counts = new TreeMap<String, Integer>();
		operations.forEach(operation -> counts.merge(operation.service().id(), 1, Integer::sum));
		return counts.toString();
	}

	private static Set<String> difference(Set<String> these, Set<String> those) {
		var left = new TreeSet<>(these);
		left.removeAll(those);
		return left;
	}
}
