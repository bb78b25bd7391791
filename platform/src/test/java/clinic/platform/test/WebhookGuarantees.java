package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import clinic.platform.webhooks.WebhookDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook guarantees every service keeps for the events it publishes, against real PostgreSQL and a real HTTP
 * receiver (docs/integration.md "Webhooks"): an event made by a real change reaches each subscription once, as a
 * CloudEvent in binary mode with a Standard Webhooks signature the test checks by its own computation; a receiver
 * that is down for a while (refusing connections, then answering 503) gets it once it is back, from what the
 * database holds, also when the replica that claimed it died; after the last attempt a delivery is FAILED, and a
 * replay sends it again; bad subscriptions are refused naming the field; a change that rolls back sends nothing.
 * Runs on the module's shared context; each test deactivates its subscriptions at the end, so others' events do not
 * reach its receiver.
 */
public interface WebhookGuarantees {

	Duration PATIENCE = Duration.ofSeconds(30);

	ConfigurableApplicationContext runningService();

	/** The service's API paths, e.g. {@code /api/intake/}. */
	String apiPrefix();

	/** A real state change of the service that publishes {@link #webhookType()}; returns the patient's id. */
	UUID changeState(ConfigurableApplicationContext context);

	/** A type {@link #changeState} publishes, once. */
	String webhookType();

	/** A type the service publishes that {@link #changeState} does not. */
	String unrelatedType();

	/** A subscription as created: its id and the secret shown this once. */
	record Subscription(UUID id, String secret) {
	}

	@Test
	default void anEventReachesEachSubscriptionOnceAsASignedCloudEvent() throws Exception {
		try (var receiver = WebhookReceiver.up(); var subscriptions = new Subscriptions(this)) {
			var a = subscriptions.add(receiver.url("/a"), webhookType());
			var b = subscriptions.add(receiver.url("/b"), webhookType());
			subscriptions.add(receiver.url("/c"), unrelatedType());

			var patient = changeState(runningService());

			await().atMost(PATIENCE)
				.until(() -> ofType(receiver.about("/a", patient)).size() == 1
						&& ofType(receiver.about("/b", patient)).size() == 1);
			dispatcherRounds(5);
			var toA = ofType(receiver.about("/a", patient));
			var toB = ofType(receiver.about("/b", patient));
			assertThat(toA).as("deliveries to the first subscription").hasSize(1);
			assertThat(toB).as("deliveries to the second subscription").hasSize(1);
			assertThat(receiver.about("/c", patient)).as("deliveries to a subscription of another type").isEmpty();

			var first = toA.get(0);
			var second = toB.get(0);
			for (var request : List.of(first, second)) {
				assertThat(request.header("content-type")).isEqualTo("application/json");
				assertThat(request.header("ce-specversion")).isEqualTo("1.0");
				assertThat(request.header("ce-type")).isEqualTo(webhookType());
				assertThat(request.header("ce-source")).isEqualTo(
						"/clinic/" + runningService().getEnvironment().getRequiredProperty("spring.application.name"));
				assertThat(request.header("ce-subject")).isEqualTo(patient.toString());
				var data = json().readTree(request.body());
				assertThat(request.header("ce-id")).isEqualTo(data.get("eventId").asString());
				assertThat(data.get("patientId").asString()).isEqualTo(patient.toString());
				assertThat(Instant.parse(request.header("ce-time")))
					.isEqualTo(Instant.parse(data.get("occurredAt").asString()));
				assertThat(Long.parseLong(request.header("webhook-timestamp")))
					.isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
			}
			assertThat(second.header("ce-id")).as("the same event").isEqualTo(first.header("ce-id"));
			assertThat(second.header("webhook-id")).as("a message per subscription").isNotEqualTo(first.header("webhook-id"));
			assertThat(validSignature(first, a.secret())).as("signed with the first subscription's secret").isTrue();
			assertThat(validSignature(second, b.secret())).as("signed with the second subscription's secret").isTrue();
			assertThat(validSignature(first, b.secret())).as("a secret of its own per subscription").isFalse();

			var delivery = deliveries(a, "").stream()
				.filter(d -> d.get("eventId").asString().equals(first.header("ce-id")))
				.findFirst()
				.orElseThrow();
			assertThat(delivery.get("id").asString()).isEqualTo(first.header("webhook-id"));
			assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
			assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
			assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
		}
	}

	@Test
	default void aReceiverDownForAWhileGetsTheEventOnceItIsBackFromTheStoredStateAlone() throws Exception {
		try (var receiver = WebhookReceiver.down(); var subscriptions = new Subscriptions(this)) {
			var subscription = subscriptions.add(receiver.url("/down"), webhookType());

			var patient = changeState(runningService());

			// connection refused, again and again: still pending, each attempt written down
			var refused = await().atMost(PATIENCE).until(() -> pendingDelivery(subscription),
					d -> d != null && d.get("attempts").asInt() >= 2);
			assertThat(refused.get("lastStatusCode").isNull()).isTrue();
			assertThat(refused.get("lastError").asString()).isNotBlank();
			// the replica that claims it next dies mid-send: its claim (as WebhookStore.claim writes one, once the
			// delivery is due and no one else holds it) is all that is left of it, in the database
			var deliveryId = UUID.fromString(refused.get("id").asString());
			var claimedUntil = new Instant[1];
			// polled faster than the dispatcher's 200 ms, so the dead replica, not the live one, takes it when due
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
				var until = Instant.now().plusMillis(1500);
				var claimed = jdbc().sql("""
						update webhook_delivery set next_attempt_at = :until
						where id = :id and status = 'PENDING' and next_attempt_at <= :now""")
					.param("until", java.sql.Timestamp.from(until))
					.param("now", java.sql.Timestamp.from(Instant.now()))
					.param("id", deliveryId)
					.update() == 1;
				claimedUntil[0] = until;
				return claimed;
			});
			var leaseUntil = claimedUntil[0];
			// the receiver comes back, at first still failing
			receiver.thenAnswer(503);
			receiver.answer(200);
			receiver.start();

			await().atMost(PATIENCE).until(() -> {
				var failed = deliveries(subscription, "?status=FAILED");
				assertThat(failed).as("given up before the receiver was back (attempts used up while it was down)")
					.isEmpty();
				return receiver.about("/down", patient).stream().anyMatch(r -> r.answered() == 200);
			});
			dispatcherRounds(5);
			var requests = ofType(receiver.about("/down", patient));
			assertThat(requests).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200);
			assertThat(requests.get(0).at()).as("not before the dead replica's claim ran out").isAfter(leaseUntil.minusMillis(100));
			assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(refused.get("id").asString());
			assertThat(requests).allMatch(r -> validSignature(r, subscription.secret()));
			var delivered = deliveries(subscription, "?status=DELIVERED");
			assertThat(delivered).hasSize(1);
			assertThat(delivered.get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(refused.get("attempts").asInt() + 2);
			assertThat(delivered.get(0).get("lastStatusCode").asInt()).isEqualTo(200);
		}
	}

	@Test
	default void afterTheLastAttemptADeliveryIsFailedAndAReplaySendsItAgain() throws Exception {
		var maxAttempts = Integer.parseInt(
				runningService().getEnvironment().getRequiredProperty("clinic.webhooks.max-attempts"));
		try (var receiver = WebhookReceiver.up(); var subscriptions = new Subscriptions(this)) {
			receiver.answer(500);
			var subscription = subscriptions.add(receiver.url("/failing"), webhookType());
			var first = changeState(runningService());
			var second = changeState(runningService());

			await().atMost(PATIENCE).until(() -> deliveries(subscription, "?status=FAILED").size() == 2);
			assertThat(deliveries(subscription, "?status=PENDING")).isEmpty();
			var failed = deliveries(subscription, "?status=FAILED");
			assertThat(failed).allMatch(d -> d.get("attempts").asInt() == maxAttempts)
				.allMatch(d -> d.get("lastStatusCode").asInt() == 500);
			assertThat(ofType(receiver.about("/failing", first))).hasSize(maxAttempts);
			var ofFirst = failed.stream().filter(d -> d.get("subject").asString().equals(first.toString())).findFirst().orElseThrow();

			receiver.answer(200);
			var replayed = json().readTree(call(post(apiPrefix() + "webhooks/{s}/deliveries/{d}/replay", subscription.id(),
					ofFirst.get("id").asString()), 200).getContentAsString());
			assertThat(replayed.get("status").asString()).isEqualTo("PENDING");
			assertThat(replayed.get("attempts").asInt()).isZero();
			await().atMost(PATIENCE).until(() -> receiver.about("/failing", first).stream().anyMatch(r -> r.answered() == 200));
			var again = json().readTree(call(post(apiPrefix() + "webhooks/{s}/replay-failed", subscription.id()), 200)
				.getContentAsString());
			assertThat(again.get("replayed").asInt()).as("the other failed one").isEqualTo(1);
			await().atMost(PATIENCE).until(() -> receiver.about("/failing", second).stream().anyMatch(r -> r.answered() == 200));
			dispatcherRounds(5);

			assertThat(ofType(receiver.about("/failing", first))).hasSize(maxAttempts + 1);
			assertThat(ofType(receiver.about("/failing", second))).hasSize(maxAttempts + 1);
			assertThat(deliveries(subscription, "?status=DELIVERED")).hasSize(2)
				.allMatch(d -> d.get("replays").asInt() == 1 && d.get("lastReplayedBy").asString().equals("ann"));
		}
	}

	@Test
	default void aBadSubscriptionIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		var before = subscriptionCount();
		var other = apiPrefix().contains("intake") ? "clinic.session.session-completed.v1"
				: "clinic.intake.patient-registered.v1";
		String[][] cases = { { "{\"url\":\"ftp://example.org/hook\",\"eventTypes\":[\"%s\"]}", "url" },
				{ "{\"url\":\"/hook\",\"eventTypes\":[\"%s\"]}", "url" },
				{ "{\"url\":\"http://exa mple.org/\",\"eventTypes\":[\"%s\"]}", "url" },
				{ "{\"url\":\"https://user:pw@example.org/\",\"eventTypes\":[\"%s\"]}", "url" },
				{ "{\"eventTypes\":[\"%s\"]}", "url" },
				{ "{\"url\":\"https://example.org/hook\",\"eventTypes\":[]}", "eventTypes" },
				{ "{\"url\":\"https://example.org/hook\",\"eventTypes\":[\"%s\",\"clinic.nothing.v1\"]}",
						"eventTypes[1]" },
				{ "{\"url\":\"https://example.org/hook\",\"eventTypes\":[\"" + other + "\"]}", "eventTypes[0]" } };
		var wrong = new ArrayList<String>();
		for (var c : cases) {
			var body = c[0].formatted(webhookType());
			var answer = mvc().perform(post(apiPrefix() + "webhooks").with(Tokens.as("ann", "admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse();
			var problem = answer.getStatus() == 400 ? json().readTree(answer.getContentAsString()) : null;
			if (problem == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
					MediaType.parseMediaType(answer.getContentType()))
					|| !problem.path("errors").path(0).path("field").asString().equals(c[1])) {
				wrong.add(body + " -> " + answer.getStatus() + " " + answer.getContentAsString());
			}
		}
		assertThat(wrong).as("bad subscriptions not answered 400 problem+json naming " + "the field").isEmpty();
		var nurse = mvc().perform(post(apiPrefix() + "webhooks").with(Tokens.as("nina", "nurse"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://example.org/hook\",\"eventTypes\":[\"" + webhookType() + "\"]}"))
			.andReturn()
			.getResponse();
		assertThat(nurse.getStatus()).as("a nurse subscribing").isEqualTo(403);
		assertThat(subscriptionCount()).as("subscriptions stored").isEqualTo(before);
		var types = json().readTree(call(get(apiPrefix() + "webhooks/event-types"), 200).getContentAsString());
		assertThat(types.values().stream().map(JsonNode::asString)).contains(webhookType(), unrelatedType())
			.allMatch(type -> type.startsWith("clinic." + apiPrefix().split("/")[2] + "."));
	}

	@Test
	default void aChangeThatRollsBackSendsNothing() throws Exception {
		try (var receiver = WebhookReceiver.up(); var subscriptions = new Subscriptions(this)) {
			subscriptions.add(receiver.url("/rolled-back"), webhookType());
			var patient = new UUID[1];
			new TransactionTemplate(runningService().getBean(PlatformTransactionManager.class))
				.executeWithoutResult(status -> {
					patient[0] = changeState(runningService());
					assertThat(jdbc().sql("select count(*) from webhook_delivery where subject = :p")
						.param("p", patient[0].toString())
						.query(Long.class)
						.single()).as("a delivery written with the change").isEqualTo(1);
					status.setRollbackOnly();
				});
			var committed = changeState(runningService());
			await().atMost(PATIENCE).until(() -> !receiver.about("/rolled-back", committed).isEmpty());
			dispatcherRounds(3);
			assertThat(receiver.about("/rolled-back", patient[0])).isEmpty();
			assertThat(jdbc().sql("select count(*) from webhook_delivery where subject = :p")
				.param("p", patient[0].toString())
				.query(Long.class)
				.single()).isZero();
		}
	}

	// --- helpers

	private List<WebhookReceiver.Received> ofType(List<WebhookReceiver.Received> requests) {
		return requests.stream().filter(r -> webhookType().equals(r.header("ce-type"))).toList();
	}

	/** The Standard Webhooks check, written here from the specification rather than taken from the sender. */
	static boolean validSignature(WebhookReceiver.Received request, String secret) {
		try {
			assertThat(secret).startsWith("whsec_");
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			var signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
					+ new String(request.body(), StandardCharsets.UTF_8);
			var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
			return List.of(request.header("webhook-signature").split(" ")).contains(expected);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private void dispatcherRounds(int rounds) {
		var dispatcher = runningService().getBean(WebhookDispatcher.class);
		var until = dispatcher.rounds() + rounds;
		await().atMost(PATIENCE).until(() -> dispatcher.rounds() >= until);
	}

	private JsonNode pendingDelivery(Subscription subscription) throws Exception {
		var pending = deliveries(subscription, "?status=PENDING");
		return pending.isEmpty() ? null : pending.get(0);
	}

	private List<JsonNode> deliveries(Subscription subscription, String query) throws Exception {
		var answer = call(get(apiPrefix() + "webhooks/{id}/deliveries" + query, subscription.id()), 200);
		return json().readTree(answer.getContentAsString()).values().stream().toList();
	}

	private long subscriptionCount() {
		return jdbc().sql("select count(*) from webhook_subscription").query(Long.class).single();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int expected) throws Exception {
		var answer = mvc().perform(request.with(Tokens.as("ann", "admin"))).andReturn().getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(expected);
		return answer;
	}

	private MockMvc mvc() {
		return runningService().getBean(MockMvc.class);
	}

	private JsonMapper json() {
		return runningService().getBean(JsonMapper.class);
	}

	private JdbcClient jdbc() {
		return runningService().getBean(JdbcClient.class);
	}

	/** The subscriptions a test made through the admin API, deactivated when it ends. */
	final class Subscriptions implements AutoCloseable {

		private final WebhookGuarantees test;

		private final List<UUID> made = new ArrayList<>();

		Subscriptions(WebhookGuarantees test) {
			this.test = test;
		}

		Subscription add(String url, String type) throws Exception {
			var answer = test.call(post(test.apiPrefix() + "webhooks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"%s\",\"eventTypes\":[\"%s\"]}".formatted(url, type)), 201);
			var created = test.json().readTree(answer.getContentAsString());
			assertThat(created.get("active").asBoolean()).isTrue();
			var subscription = new Subscription(UUID.fromString(created.get("id").asString()),
					created.get("secret").asString());
			made.add(subscription.id());
			var listed = test.json()
				.readTree(test.call(get(test.apiPrefix() + "webhooks"), 200).getContentAsString())
				.values()
				.stream()
				.filter(s -> s.get("id").asString().equals(subscription.id().toString()))
				.findFirst()
				.orElseThrow();
			assertThat(listed.has("secret")).as("the secret is shown once, not listed").isFalse();
			return subscription;
		}

		@Override
		public void close() throws Exception {
			for (var id : made) {
				test.call(delete(test.apiPrefix() + "webhooks/{id}", id), 204);
			}
		}
	}
}
