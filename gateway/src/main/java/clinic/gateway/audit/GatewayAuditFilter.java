package clinic.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records in {@link GatewayAuditLog} the calls to {@code /api/**} that the gateway answered itself with a refusal or
 * an error (401 not signed in, 403 a missing or wrong CSRF token, any other 4xx or 5xx before a route took the call)
 * and every call to its own audit search. Calls a route passed on are the services' to record.
 * <p>
 * It runs just outside Spring Security's filter chain (order -101; the chain is -100), so it sees every refusal the
 * chain answers, after the answer: a refusal carries nothing to hold back. Who called is the user of the web session
 * (the security context kept in it), else {@code anonymous}. The client's address is the last hop of
 * {@code X-Forwarded-For} (a proxy in front of the gateway adds it), else the connection's. The operation is the method
 * and the path with its ids replaced by {@code {id}}; the patient is the id after {@code /patients/}, if any. A row
 * that cannot be written is logged; the caller's answer stays the refusal it was.
 */
@Component
@Order(-101)
class GatewayAuditFilter implements WebFilter {

	static final String AUDIT_SEARCH = "/api/gateway-audit";

	private static final Logger log = LoggerFactory.getLogger(GatewayAuditFilter.class);

	private static final Pattern UUID_SEGMENT = Pattern
		.compile("(?<=/)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

	private static final Pattern PATIENT = Pattern.compile("/patients/([0-9a-fA-F-]{36})(?=/|$)");

	private static final WebSessionServerSecurityContextRepository SESSIONS = new WebSessionServerSecurityContextRepository();

	private final GatewayAuditLog auditLog;

	GatewayAuditFilter(GatewayAuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).then(Mono.defer(() -> record(exchange, path)));
	}

	private Mono<Void> record(ServerWebExchange exchange, String path) {
		var status = exchange.getResponse().getStatusCode();
		var outcome = status == null ? 200 : status.value();
		boolean routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) != null;
		if (!path.equals(AUDIT_SEARCH) && (routed || outcome < 400)) {
			return Mono.empty();
		}
		return caller(exchange).defaultIfEmpty("anonymous")
			.flatMap(actor -> Mono.fromRunnable(() -> auditLog.write(row(exchange.getRequest(), path, actor, outcome)))
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

	static GatewayAuditLog.Row row(ServerHttpRequest request, String path, String actor, int outcome) {
		var method = request.getMethod().name();
		var patients = new LinkedHashSet<UUID>();
		var matcher = PATIENT.matcher(path);
		while (matcher.find()) {
			try {
				patients.add(UUID.fromString(matcher.group(1)));
			}
			catch (IllegalArgumentException notAnId) {
				// not a patient's id: nothing to name
			}
		}
		var operation = UUID_SEGMENT.matcher(path).replaceAll("{id}");
		return new GatewayAuditLog.Row(actor, method + " " + operation, kind(method, operation), path,
				new ArrayList<>(patients), outcome, clientAddress(request),
				request.getHeaders().getFirst(HttpHeaders.USER_AGENT), UUID.randomUUID());
	}

	private static String kind(String method, String operation) {
		return switch (method) {
			case "POST" -> "create";
			case "PUT", "PATCH" -> "update";
			case "DELETE" -> "delete";
			default -> operation.contains("{id}") ? "read" : "search";
		};
	}

	private static @Nullable String clientAddress(ServerHttpRequest request) {
		List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
		if (!forwarded.isEmpty()) {
			var hops = forwarded.get(forwarded.size() - 1).split(",");
			var last = hops[hops.length - 1].strip();
			if (!last.isEmpty()) {
				return last;
			}
		}
		var remote = request.getRemoteAddress();
		return remote == null ? null
				: remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}
}
