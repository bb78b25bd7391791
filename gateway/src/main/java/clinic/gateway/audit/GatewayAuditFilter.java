package clinic.gateway.audit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import clinic.gateway.clients.IntegrationClientsController;

/**
 * Records in {@link GatewayAuditLog} the calls to {@code /api/**} that no service answered and that ended in a refusal
 * or an error (401 not signed in or sign-in expired, 403 a missing or wrong CSRF token or a role the path needs, 400,
 * 404 no such route, 405, 502/503/504 a service down), and every call to its own audit search and to the
 * integration clients' administration. Calls a service
 * answered are the service's to record.
 * <p>
 * Many of these answers are not written by a filter but by the exception handlers (Spring Boot's error handling,
 * {@code OutageProblems}), after every {@link WebFilter} has finished with an error. So the row is written by a
 * decorator of the whole {@link HttpHandler}, outside the exception handlers, once the answer is complete, with the
 * status the caller got. The web filter part (first of all filters) only hands the exchange to it, for the session,
 * the route's attributes and the request as the gateway saw it.
 * <p>
 * Who called is the user of the web session (the security context kept in it), else {@code anonymous}. The client's
 * address is the connection's peer; {@code X-Forwarded-For} counts only when that peer is one of the trusted proxies
 * ({@code clinic.gateway.trusted-proxies}): then the address is the hop just before the last trusted proxy, walking
 * back from the peer. The operation is the method and the path with its ids replaced by {@code {id}}; the patients are
 * the ids after {@code /patients/}, and the one an audit search looked for. A row that cannot be written is logged;
 * the caller's answer stays what it was.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayAuditFilter implements WebFilter, HttpHandlerDecoratorFactory {

	static final String AUDIT_SEARCH = GatewayAuditController.PATH;

	private static final Logger log = LoggerFactory.getLogger(GatewayAuditFilter.class);

	/** Where the decorator waits for the exchange the filter hands it, in the Reactor context. */
	private static final String EXCHANGE_KEY = GatewayAuditFilter.class.getName() + ".exchange";

	private static final Pattern UUID_SEGMENT = Pattern
		.compile("(?<=/)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

	private static final Pattern PATIENT = Pattern.compile("/patients/([0-9a-fA-F-]{36})(?=/|$)");

	private static final WebSessionServerSecurityContextRepository SESSIONS = new WebSessionServerSecurityContextRepository();

	private final GatewayAuditLog auditLog;

	private final TrustedProxies trustedProxies;

	/**
	 * @param trustedProxies IP addresses and CIDR ranges, comma-separated, of the proxies whose
	 * {@code X-Forwarded-For} is believed; empty: none, the peer is the client
	 */
	GatewayAuditFilter(GatewayAuditLog auditLog,
			@Value("${clinic.gateway.trusted-proxies:}") String trustedProxies) {
		this.auditLog = auditLog;
		this.trustedProxies = TrustedProxies.parse(trustedProxies);
	}

	/** Hands the exchange to the decorator that waits for the answer around it. */
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual(context -> {
			context.<AtomicReference<ServerWebExchange>>getOrEmpty(EXCHANGE_KEY)
				.ifPresent(handOver -> handOver.compareAndSet(null, exchange));
			return chain.filter(exchange);
		});
	}

	/** Around everything the gateway does with a request, the exception handlers included. */
	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			var path = request.getPath().pathWithinApplication().value();
			if (!path.startsWith("/api/")) {
				return handler.handle(request, response);
			}
			var handedOver = new AtomicReference<ServerWebExchange>();
			Mono<Void> recorded = Mono.defer(() -> {
				var exchange = handedOver.get();
				return exchange == null ? Mono.empty() : record(exchange, response, path);
			});
			return handler.handle(request, response)
				.onErrorResume(failure -> recorded.then(Mono.error(failure)))
				.then(recorded)
				.contextWrite(context -> context.put(EXCHANGE_KEY, handedOver));
		};
	}

	/** The gateway's own administrative calls: its audit search, and the integration clients' administration. */
	private static boolean alwaysRecorded(String path) {
		return path.equals(AUDIT_SEARCH) || path.equals(IntegrationClientsController.PATH)
				|| path.startsWith(IntegrationClientsController.PATH + "/");
	}

	private Mono<Void> record(ServerWebExchange exchange, ServerHttpResponse response, String path) {
		var status = response.getStatusCode();
		var outcome = status == null ? 200 : status.value();
		// a service that answered saw the call and records it; a call the gateway answered for it (sign-in expired,
		// service unreachable, too slow, broken off) reached no service's trail
		boolean serviceAnswered = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
		if (!alwaysRecorded(path) && (serviceAnswered || outcome < 400)) {
			return Mono.empty();
		}
		return caller(exchange).defaultIfEmpty("anonymous")
			.flatMap(actor -> Mono
				.fromRunnable(() -> auditLog.write(row(exchange.getRequest(), path, actor, outcome, this.trustedProxies)))
				.subscribeOn(Schedulers.boundedElastic()))
			.onErrorResume(failure -> {
				log.error("Could not record {} {} ({}) in the gateway's audit trail",
						exchange.getRequest().getMethod(), path, outcome, failure);
				return Mono.empty();
			})
			.then();
	}

	private static Mono<String> caller(ServerWebExchange exchange) {
		return SESSIONS.load(exchange)
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(authentication -> authentication.isAuthenticated())
			.map(authentication -> authentication.getName())
			.onErrorResume(unreadable -> Mono.empty());
	}

	static GatewayAuditLog.Row row(ServerHttpRequest request, String path, String actor, int outcome,
			TrustedProxies trustedProxies) {
		var method = request.getMethod().name();
		var patients = new LinkedHashSet<UUID>();
		var matcher = PATIENT.matcher(path);
		while (matcher.find()) {
			uuid(matcher.group(1)).ifPresent(patients::add);
		}
		if (path.equals(AUDIT_SEARCH)) {
			// the patient an administrator looked for, as the services' audit search names it
			var searched = request.getQueryParams().getFirst("patient");
			if (searched != null) {
				uuid(searched.strip()).ifPresent(patients::add);
			}
		}
		var operation = UUID_SEGMENT.matcher(path).replaceAll("{id}");
		return new GatewayAuditLog.Row(actor, method + " " + operation, kind(method, operation), path,
				new ArrayList<>(patients), outcome, clientAddress(request, trustedProxies),
				request.getHeaders().getFirst(HttpHeaders.USER_AGENT), UUID.randomUUID());
	}

	private static java.util.Optional<UUID> uuid(String text) {
		try {
			return java.util.Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException notAnId) {
			return java.util.Optional.empty();
		}
	}

	private static String kind(String method, String operation) {
		return switch (method) {
			case "POST" -> "create";
			case "PUT", "PATCH" -> "update";
			case "DELETE" -> "delete";
			default -> operation.contains("{id}") ? "read" : "search";
		};
	}

	/**
	 * The connection's peer, unless it is a trusted proxy: then the hops of {@code X-Forwarded-For} are walked back
	 * from the last one as long as each is a trusted proxy too, and the first that is not (the client as the outermost
	 * trusted proxy saw it) is the address. Hops left of it are whatever the client claimed, and are never used.
	 */
	static @Nullable String clientAddress(ServerHttpRequest request, TrustedProxies trustedProxies) {
		var client = peer(request.getRemoteAddress());
		if (client == null || trustedProxies.isEmpty()) {
			return client;
		}
		var hops = new ArrayList<String>();
		for (var header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
			for (var hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client) && !hops.get(i).isEmpty(); i--) {
			client = hops.get(i);
		}
		return client;
	}

	private static @Nullable String peer(@Nullable InetSocketAddress remote) {
		return remote == null ? null
				: remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}
}
