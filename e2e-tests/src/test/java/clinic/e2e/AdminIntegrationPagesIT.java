package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.sun.net.httpserver.HttpServer;

import clinic.launcher.Stack;

/**
 * The admin page's sections for other systems, in headless Chromium signed in at Keycloak's form as the demo
 * administrator: a client for another system made on the Integration clients page (a name, one SMART scope, a
 * client secret shown once) gets a token from Keycloak and reads FHIR appointments with it until it is revoked on the
 * same page; a URL subscribed on the Webhooks page (a receiver this test serves itself) gets the event the front desk
 * then causes, as a CloudEvent signed with the secret the page showed once (Standard Webhooks), and the page lists
 * the delivery as delivered. axe-core on each section.
 */
@ExtendWith(RunningSuite.class)
class AdminIntegrationPagesIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** The webhook dispatcher sends due deliveries every 5 s. */
	private static final Duration DELIVERY = Duration.ofSeconds(60);

	private static final String SCOPE = "system/Appointment.rs";

	private static final String REGISTERED = "clinic.intake.patient-registered.v1";

	private static Stack stack;

	private static HttpClient http;

	/** The administrator's browser, signed in once for both sections (a browser's start and sign-in cost seconds). */
	private static Browser admin;

	@BeforeAll
	static void theSuite() {
		stack = RunningSuite.stack();
		http = HttpClient.newHttpClient();
		admin = new Browser(stack.gatewayUrl());
		admin.signIn("admin", "/admin.html");
	}

	@AfterAll
	static void closeTheBrowser() {
		if (admin != null) {
			admin.close();
		}
	}

	@Test
	void anAdministratorGivesASystemAClientOnThePageWhichGetsTokensUntilItIsRevokedThere() throws Exception {
		var name = "Referral hub " + UUID.randomUUID().toString().substring(0, 8);
		AdminPagesIT.section(admin, "clients", "clients-heading");
		admin.find(By.id("new-client"));
		AdminPagesIT.accessible(admin, "the integration clients");

		AdminPagesIT.type(admin, "client-name", name);
		AdminPagesIT.choose(admin, "client-authentication", "client_secret");
		admin.find(By.cssSelector("#client-scopes input[value='" + SCOPE + "']")).click();
		admin.find(By.id("new-client-submit")).click();

		var secret = admin.find(By.id("client-secret")).getText();
		var said = admin.find(By.cssSelector("#client-created strong")).getText();
		assertThat(said).matches("Client ext-referral-hub-\\S+ created\\.");
		var clientId = said.substring("Client ".length(), said.length() - " created.".length());
		assertThat(secret).isNotBlank();
		var row = AdminPagesIT.rowWith(admin, "clients", clientId).getText();
		assertThat(row).contains(name, "client secret", "Appointment: read and search", "by admin")
			.doesNotContain(secret);
		admin.screenshot("admin-integration-client-created");
		AdminPagesIT.accessible(admin, "a new client with its secret shown once");

		// the other system, with what the administrator gave it
		var token = token(clientId, secret);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		var bearer = ClinicUser.JSON.readTree(token.body()).get("access_token").asString();
		var appointments = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/fhir/Appointment?_count=1"))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/fhir+json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(appointments.statusCode()).as(appointments.body()).isEqualTo(200);

		admin.find(By.id("revoke-" + clientId)).click();
		assertThat(admin.find(By.id("revoke-" + clientId + "-question")).getText()).contains("Revoke " + clientId);
		admin.find(By.id("revoke-" + clientId + "-confirm")).click();
		// (the question replaces the Revoke button at once: the client's row leaving the list says it is done)
		var listed = By.xpath("//table[@id='clients']//tr[td[normalize-space(.)='" + clientId + "']]");
		admin.waiting(PATIENCE).until(d -> d.findElements(listed).isEmpty());
		assertThat(admin.all(By.id("client-secret"))).as("the secret, once the client is revoked").isEmpty();
		assertThat(token(clientId, secret).statusCode()).as("a token for the revoked client").isEqualTo(401);
	}

	/** A delivery as the receiver got it. */
	record Received(Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	@Test
	void anAdministratorSubscribesAUrlOnThePageWhichGetsTheEventSignedWithTheSecretShownOnce() throws Exception {
		var received = new LinkedBlockingQueue<Received>();
		var receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/hooks", exchange -> {
			try {
				received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
				exchange.sendResponseHeaders(204, -1);
			}
			finally {
				exchange.close();
			}
		});
		receiver.start();
		var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
		try {
			AdminPagesIT.section(admin, "webhooks", "webhooks-heading");
			AdminPagesIT.choose(admin, "webhooks-service", "intake");
			var registered = By.cssSelector("input[name='webhook-type'][value='" + REGISTERED + "']");
			admin.find(registered);
			AdminPagesIT.accessible(admin, "the webhooks of intake");

			AdminPagesIT.type(admin, "webhook-url", url);
			admin.find(registered).click();
			admin.find(By.id("webhook-subscribe-submit")).click();
			var secret = admin.find(By.cssSelector("#webhook-secret code")).getText();
			assertThat(secret).startsWith("whsec_");
			var row = AdminPagesIT.rowWith(admin, "webhooks", url);
			assertThat(row.getText()).contains("patient registered", "active").doesNotContain(secret);
			var subscription = row.getAttribute("id");
			Pages.scrollTo(admin, "webhook-secret");
			admin.screenshot("admin-webhook-subscribed");
			AdminPagesIT.accessible(admin, "a new subscription with its secret shown once");

			// the front desk registers a patient: intake publishes the event the URL is subscribed to
			var frontDesk = new ClinicUser(stack.gatewayUrl());
			frontDesk.login("frontdesk", "demo");
			var patientId = ClinicSteps.referredPatient(frontDesk, "Wendy", Pages.uniqueFamilyName("Hook"), "1970-07-07");
			var delivery = deliveryOf(received, patientId);
			var sentAt = Instant.now();

			assertThat(delivery.header("ce-specversion")).isEqualTo("1.0");
			assertThat(delivery.header("ce-type")).isEqualTo(REGISTERED);
			assertThat(delivery.header("ce-source")).startsWith("/clinic/");
			assertThat(delivery.header("ce-id")).isNotBlank();
			assertThat(delivery.header("ce-time")).isNotBlank();
			assertThat(delivery.header("content-type")).startsWith("application/json");
			var body = ClinicUser.JSON.readTree(delivery.body());
			assertThat(body.get("patientId").asString()).isEqualTo(patientId);
			var webhookId = delivery.header("webhook-id");
			var timestamp = delivery.header("webhook-timestamp");
			assertThat(Instant.ofEpochSecond(Long.parseLong(timestamp))).as("webhook-timestamp, in real time")
				.isBetween(sentAt.minus(Duration.ofMinutes(2)), sentAt.plusSeconds(5));
			assertThat(List.of(delivery.header("webhook-signature").split(" ")))
				.as("webhook-signature, checked as a receiver does with the secret the page showed")
				.contains(signature(secret, webhookId, timestamp, delivery.body()));

			// the page lists it as delivered (opened again until the dispatcher has written down the receiver's answer)
			var deliveries = By.id(subscription + "-deliveries");
			var line = By.id("webhook-delivery-" + webhookId);
			admin.find(deliveries).click();
			admin.waiting(PATIENCE).until((WebDriver d) -> {
				var shown = d.findElements(line);
				if (!shown.isEmpty() && shown.get(0).getText().contains("delivered")) {
					return true;
				}
				d.findElement(deliveries).click();
				d.findElement(deliveries).click();
				return false;
			});
			assertThat(admin.find(line).getText()).contains("patient registered", patientId, "delivered", "answered 204");
			Pages.scrollTo(admin, "webhook-deliveries");
			admin.screenshot("admin-webhook-delivered");
			AdminPagesIT.accessible(admin, "the subscription's deliveries");

			// the subscription ends with the test: nothing more is sent to a receiver that is gone
			admin.find(By.id(subscription + "-deactivate")).click();
			admin.find(By.id(subscription + "-deactivate-confirm")).click();
			admin.waiting(PATIENCE)
				.until(d -> d.findElement(By.id(subscription)).getText().contains("deactivated by admin"));
		}
		finally {
			receiver.stop(0);
		}
	}

	/** The delivery of the patient's event, once the receiver has it; others' events (other tests') are passed over. */
	private static Received deliveryOf(LinkedBlockingQueue<Received> received, String patientId) throws InterruptedException {
		var deadline = System.nanoTime() + DELIVERY.toNanos();
		while (System.nanoTime() < deadline) {
			var next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next != null && patientId.equals(next.header("ce-subject"))) {
				return next;
			}
		}
		throw new AssertionError("no delivery for patient " + patientId + " within " + DELIVERY);
	}

	/** What a receiver computes: v1, and HMAC-SHA256 over "id.timestamp.body" keyed with the secret's bytes. */
	private static String signature(String secret, String id, String timestamp, byte[] body) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

	private static HttpResponse<String> token(String clientId, String secret) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(ClinicUser.formBody("grant_type", "client_credentials",
					"client_id", clientId, "client_secret", secret, "scope", SCOPE)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
