package clinic.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Where a call came from: the connection's peer, and X-Forwarded-For only as far as trusted proxies wrote it.
 */
class ClientAddressTest {

	private static final String FORGED = "198.51.100.7, 203.0.113.9";

	@Test
	void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderClaims() {
		var request = from("192.0.2.10").header("X-Forwarded-For", FORGED).build();

		assertThat(GatewayAuditFilter.clientAddress(request, TrustedProxies.parse(""))).isEqualTo("192.0.2.10");
	}

	@Test
	void aPeerThatIsNotATrustedProxyIsTheClient() {
		var request = from("192.0.2.10").header("X-Forwarded-For", FORGED).build();

		assertThat(GatewayAuditFilter.clientAddress(request, TrustedProxies.parse("10.0.0.0/8"))).isEqualTo("192.0.2.10");
	}

	@Test
	void behindTrustedProxiesTheClientIsTheFirstHopNotTrustedWalkingBackFromThePeer() {
		var proxies = TrustedProxies.parse(" 10.0.0.0/8 , 172.16.0.1");
		var request = from("172.16.0.1").header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
			.header("X-Forwarded-For", "10.200.0.4")
			.build();

		assertThat(GatewayAuditFilter.clientAddress(request, proxies)).isEqualTo("203.0.113.9");
	}

	@Test
	void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
		assertThat(GatewayAuditFilter.clientAddress(from("10.0.0.1").build(), TrustedProxies.parse("10.0.0.1")))
			.isEqualTo("10.0.0.1");
	}

	@Test
	void aHopThatIsNotAnAddressEndsTheWalkAndIsNeverLookedUp() {
		var proxies = TrustedProxies.parse("10.0.0.1");
		var request = from("10.0.0.1").header("X-Forwarded-For", "198.51.100.7, localhost").build();

		assertThat(GatewayAuditFilter.clientAddress(request, proxies)).isEqualTo("localhost");
		assertThat(proxies.contains("localhost")).isFalse();
		assertThat(proxies.contains("999.0.0.1")).isFalse();
	}

	@Test
	void rangesMatchByPrefixForBothFamilies() {
		var proxies = TrustedProxies.parse("192.168.4.0/22, 2001:db8::/32, ::1");

		assertThat(proxies.contains("192.168.7.255")).isTrue();
		assertThat(proxies.contains("192.168.8.0")).isFalse();
		assertThat(proxies.contains("2001:db8:ffff::1")).isTrue();
		assertThat(proxies.contains("2001:db9::1")).isFalse();
		assertThat(proxies.contains("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(proxies.contains("127.0.0.1")).isFalse();
	}

	@Test
	void aProxyNamedByAHostNameOrABadRangeIsRefusedAtStartUp() {
		assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.get("/api/intake/patients").remoteAddress(new InetSocketAddress(peer, 40000));
	}

}
