package clinic.gateway.audit;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service behind a route where the call came from and how it was addressed, in the {@code X-Forwarded-*}
 * headers the services read: {@code For} the client's address as the gateway's audit trail takes it (the peer, or the
 * hop before the trusted proxies), {@code Proto}, {@code Host} and {@code Port} the gateway's public origin when one
 * is set, else the address the request came to. A service's links (FHIR's paging and {@code Location}, OpenAPI's
 * server) then name the gateway, not the service's own port, and its audit rows the client, not the gateway.
 * <p>
 * Spring Cloud Gateway's own filter adds these only when the connection's peer is a trusted proxy, and removes any a
 * client sent otherwise; this one runs after it, so what a client claims never reaches a service.
 */
@Component
public class ForwardedToServices implements HttpHeadersFilter, Ordered {

	private final TrustedProxies trustedProxies;

	private final URI publicOrigin;

	ForwardedToServices(@Value("${clinic.gateway.trusted-proxies:}") String trustedProxies,
			@Value("${clinic.gateway.public-origin:}") String publicOrigin) {
		this.trustedProxies = TrustedProxies.parse(trustedProxies);
		this.publicOrigin = StringUtils.hasText(publicOrigin) ? URI.create(publicOrigin) : null;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		var headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!name.regionMatches(true, 0, "X-Forwarded-", 0, 12) && !name.equalsIgnoreCase("Forwarded")) {
				headers.addAll(name, values);
			}
		});
		var request = exchange.getRequest();
		var client = GatewayAuditFilter.clientAddress(request, this.trustedProxies);
		if (client != null) {
			headers.set("X-Forwarded-For", client);
		}
		var addressed = this.publicOrigin != null ? this.publicOrigin : request.getURI();
		var scheme = addressed.getScheme() == null ? "http" : addressed.getScheme();
		int port = addressed.getPort() != -1 ? addressed.getPort() : "https".equals(scheme) ? 443 : 80;
		if (addressed.getHost() != null) {
			headers.set("X-Forwarded-Proto", scheme);
			headers.set("X-Forwarded-Host", addressed.getHost() + (addressed.getPort() == -1 ? "" : ":" + port));
			headers.set("X-Forwarded-Port", Integer.toString(port));
		}
		return headers;
	}

	/** After the gateway's own header filters, which remove what a client sent. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
