package clinic.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Session attributes read before are not deserialized again; a changed attribute is read afresh; each reader gets a
 * copy it may change without changing what the next reader gets.
 */
class RememberedAttributesTest {

	private final SerializingConverter serializing = new SerializingConverter();

	private final List<byte[]> deserialized = new ArrayList<>();

	private final RememberedAttributes reading = new RememberedAttributes(bytes -> {
		deserialized.add(bytes);
		return new DeserializingConverter().convert(bytes);
	});

	@Test
	void theSameBytesAreDeserializedOnceAndEachReaderGetsItsOwnContext() {
		var stored = serializing.convert(new SecurityContextImpl(new TestingAuthenticationToken("nina", "n/a", "ROLE_nurse")));
		var first = (SecurityContextImpl) reading.convert(stored);
		var second = (SecurityContextImpl) reading.convert(stored.clone());
		assertThat(deserialized).hasSize(1);
		assertThat(second.getAuthentication().getName()).isEqualTo("nina");
		first.setAuthentication(new TestingAuthenticationToken("mallory", "n/a"));
		assertThat(((SecurityContextImpl) reading.convert(stored)).getAuthentication().getName())
			.as("a reader's change is its own").isEqualTo("nina");
	}

	@Test
	void aChangedAttributeIsReadAfresh() {
		var before = serializing.convert(clients("token-1"));
		var after = serializing.convert(clients("token-2"));
		assertThat(token(reading.convert(before))).isEqualTo("token-1");
		assertThat(token(reading.convert(after))).isEqualTo("token-2");
		assertThat(deserialized).hasSize(2);
	}

	@Test
	void theMapOfAuthorizedClientsIsCopiedAndUnknownTypesAreNeverShared() {
		var stored = serializing.convert(clients("token-1"));
		@SuppressWarnings("unchecked")
		var first = (Map<String, OAuth2AuthorizedClient>) reading.convert(stored);
		first.clear();
		assertThat(token(reading.convert(stored))).isEqualTo("token-1");
		var list = serializing.convert(new ArrayList<>(List.of("a")));
		assertThat(reading.convert(list)).isNotSameAs(reading.convert(list));
		assertThat(deserialized).hasSize(3);
	}

	@Test
	void atMostSoManyAreRemembered() {
		for (int i = 0; i < RememberedAttributes.MAX_REMEMBERED + 50; i++) {
			reading.convert(serializing.convert("attribute " + i));
		}
		assertThat(reading.size()).isEqualTo(RememberedAttributes.MAX_REMEMBERED);
	}

	@Test
	void theRepositorysConversionsSerializeAndReadBack() {
		var conversions = RememberedAttributes.conversions();
		var bytes = (byte[]) conversions.convert("csrf", TypeDescriptor.valueOf(Object.class),
				TypeDescriptor.valueOf(byte[].class));
		assertThat(conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class)))
			.isEqualTo("csrf");
	}

	private static HashMap<String, OAuth2AuthorizedClient> clients(String token) {
		var registration = ClientRegistration.withRegistrationId("keycloak")
			.clientId("clinic-gateway")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/login/oauth2/code/keycloak")
			.authorizationUri("http://localhost/auth")
			.tokenUri("http://localhost/token")
			.build();
		var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
				Instant.now().plusSeconds(300));
		var map = new HashMap<String, OAuth2AuthorizedClient>();
		map.put("keycloak", new OAuth2AuthorizedClient(registration, "nina", access));
		return map;
	}

	private static String token(Object clients) {
		return ((OAuth2AuthorizedClient) ((Map<?, ?>) clients).get("keycloak")).getAccessToken().getTokenValue();
	}
}
