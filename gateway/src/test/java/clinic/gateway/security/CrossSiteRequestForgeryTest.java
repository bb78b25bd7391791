package clinic.gateway.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import clinic.gateway.support.Browser;
import clinic.gateway.support.FakeKeycloak;
import clinic.gateway.support.GatewayTest;
import clinic.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change reaches a service only with the CSRF token of the browser's own session, sent from the gateway's own
 * origin: over real HTTP, signed in through the stand-in Keycloak, as the pages do it.
 */
class CrossSiteRequestForgeryTest extends GatewayTest {

	private static final FakeKeycloak KEYCLOAK = TestInfrastructure.KEYCLOAK;

	private static final String COURSE = "{\"patientId\":\"p1\",\"infusions\":6}";

	@LocalServerPort
	private int port;

	private Browser nurse;

	@BeforeEach
	void signIn() {
		this.nurse = new Browser(this.port);
		this.nurse.signIn(KEYCLOAK, "/today.html", "nurse");
		this.nurse.get("/today.html");
	}

	@Test
	void theCookieCarriesAFreshMaskOfTheSessionsTokenOnEveryResponseAndEachIsAccepted() {
		String first = this.nurse.cookie("XSRF-TOKEN").orElseThrow();
		this.nurse.getJson("/api/me");
		String second = this.nurse.cookie("XSRF-TOKEN").orElseThrow();
		assertThat(second).as("masked afresh for each response (BREACH)").isNotEqualTo(first);

		this.nurse.setCookie("XSRF-TOKEN", first);
		HttpResponse<String> withTheOlderMask = this.nurse.postJson("/api/scheduling/courses", COURSE);
		HttpResponse<String> withTheLatest = this.nurse.postJson("/api/scheduling/courses", COURSE);

		assertThat(withTheOlderMask.statusCode()).as(withTheOlderMask.body()).isEqualTo(201);
		assertThat(withTheLatest.statusCode()).as(withTheLatest.body()).isEqualTo(201);
		assertThat(TestInfrastructure.SCHEDULING.received()).hasSize(2);
	}

	@Test
	void aCookieAndHeaderPairTheAttackerMadeUpIsRefused() {
		this.nurse.setCookie("XSRF-TOKEN", "attacker-chosen-value");

		HttpResponse<String> forged = this.nurse.postJson("/api/scheduling/courses", COURSE);

		assertRefused(forged, "CSRF token");
	}

	@Test
	void theTokenOfAnotherSessionIsRefused() {
		Browser attacker = new Browser(this.port);
		attacker.signIn(KEYCLOAK, "/today.html", "frontdesk");
		attacker.get("/today.html");
		String attackersValidToken = attacker.cookie("XSRF-TOKEN").orElseThrow();
		assertThat(attacker.postJson("/api/scheduling/courses", COURSE).statusCode())
			.as("valid in the attacker's own session")
			.isEqualTo(201);
		TestInfrastructure.SCHEDULING.reset();

		this.nurse.setCookie("XSRF-TOKEN", attackersValidToken);
		HttpResponse<String> forged = this.nurse.postJson("/api/scheduling/courses", COURSE);

		assertRefused(forged, "CSRF token");
	}

	@Test
	void aChangeFromAnotherSitesPageIsRefusedEvenWithAValidToken() {
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			HttpResponse<String> crossOrigin = this.nurse.sendJson(method, "/api/scheduling/courses/c1", COURSE,
					Map.of("Origin", "https://evil.example"));
			assertRefused(crossOrigin, "Cross-origin");
		}
		assertRefused(this.nurse.postJson("/api/scheduling/courses", COURSE,
				Map.of("Referer", "https://evil.example/clinic.html")), "Cross-origin");
		assertRefused(this.nurse.postJson("/api/scheduling/courses", COURSE, Map.of("Origin", "null")),
				"Cross-origin");
		assertRefused(this.nurse.postJson("/api/scheduling/courses", COURSE,
				Map.of("Origin", "http://localhost:" + (this.port + 1))), "Cross-origin");
	}

	@Test
	void aChangeFromTheGatewaysOwnPagesPasses() {
		String self = "http://localhost:" + this.port;

		HttpResponse<String> withOrigin = this.nurse.postJson("/api/scheduling/courses", COURSE,
				Map.of("Origin", self));
		HttpResponse<String> withReferer = this.nurse.postJson("/api/scheduling/courses", COURSE,
				Map.of("Referer", self + "/today.html"));
		HttpResponse<String> withNeither = this.nurse.postJson("/api/scheduling/courses", COURSE);

		assertThat(withOrigin.statusCode()).as(withOrigin.body()).isEqualTo(201);
		assertThat(withReferer.statusCode()).as(withReferer.body()).isEqualTo(201);
		assertThat(withNeither.statusCode()).as("a client that is not a browser still needs the token")
			.isEqualTo(201);
		assertThat(TestInfrastructure.SCHEDULING.received()).hasSize(3);
	}

	@Test
	void behindAProxyThePublicOriginIsTheForwardedOne() {
		Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "clinic.example");

		HttpResponse<String> fromThePublicPage = this.nurse.postJson("/api/scheduling/courses", COURSE,
				with(forwarded, "Origin", "https://clinic.example"));
		assertThat(fromThePublicPage.statusCode()).as(fromThePublicPage.body()).isEqualTo(201);
		TestInfrastructure.SCHEDULING.reset();

		HttpResponse<String> fromTheInternalAddress = this.nurse.postJson("/api/scheduling/courses", COURSE,
				with(forwarded, "Origin", "http://localhost:" + this.port));

		assertRefused(fromTheInternalAddress, "Cross-origin");
	}

	@Test
	void forwardedHeadersThatMakeNoOriginAreARefusalNotAServerError() {
		String self = "http://localhost:" + this.port;
		for (Map<String, String> malformed : List.of(Map.of("X-Forwarded-Port", "not-a-port"),
				Map.of("X-Forwarded-Port", "99999999999"), Map.of("X-Forwarded-Host", "clinic example"),
				Map.of("X-Forwarded-Proto", "1nvalid scheme"))) {
			HttpResponse<String> answer = this.nurse.postJson("/api/scheduling/courses", COURSE,
					with(malformed, "Origin", self));
			assertThat(answer.statusCode()).as("%s: %s", malformed, answer.body()).isEqualTo(403);
			assertRefused(answer, "Cross-origin");
		}
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		var all = new java.util.HashMap<>(headers);
		all.put(name, value);
		return all;
	}

	private static void assertRefused(HttpResponse<String> response, String title) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":403", title);
		assertThat(TestInfrastructure.SCHEDULING.received()).as("nothing reaches the service").isEmpty();
	}

}
