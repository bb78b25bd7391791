package clinic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is verified once per token text; its times on every call; a refused token is never kept. */
class VerifiedTokensTest {

	private static final Instant ISSUED = Instant.parse("2026-11-30T09:00:00Z");

	private Instant now = ISSUED;

	/** When the identity provider issues the tokens the service's decoder accepts. */
	private Instant issued = ISSUED;

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	/** The service's own decoder: accepts "good-*" tokens, each valid for five minutes from {@link #issued}. */
	private final List<String> asked = new ArrayList<>();

	private final JwtDecoder verifying = token -> {
		asked.add(token);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		var jwt = Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(issued)
			.expiresAt(issued.plus(Duration.ofMinutes(5)))
			.build();
		var times = new JwtTimestampValidator();
		times.setClock(clock);
		var result = times.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException("expired", result.getErrors());
		}
		return jwt;
	};

	private final VerifiedTokens.Decoder decoder = new VerifiedTokens.Decoder(verifying, clock);

	@Test
	void aTokenIsVerifiedOnceAndEachTextOnItsOwn() {
		var first = decoder.decode("good-a");
		assertThat(decoder.decode("good-a")).isSameAs(first);
		decoder.decode("good-b");
		decoder.decode("good-a");
		assertThat(asked).containsExactly("good-a", "good-b");
	}

	@Test
	void anExpiredTokenIsRefusedThoughItsSignatureWasVerified() {
		decoder.decode("good-a");
		now = now.plus(Duration.ofMinutes(5)).plusSeconds(59);
		decoder.decode("good-a");
		assertThat(asked).as("still within the minute of clock skew").hasSize(1);
		now = now.plusSeconds(2);
		assertThatThrownBy(() -> decoder.decode("good-a")).isInstanceOf(JwtValidationException.class);
		assertThat(asked).as("asked its own decoder again, which refused it too").hasSize(2);
	}

	@Test
	void aRefusedTokenIsNeverKept() {
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(asked).containsExactly("forged", "forged");
		assertThat(decoder.size()).isZero();
	}

	@Test
	void whenFullTheExpiredGoFirstAndNothingGrowsPastTheLimit() {
		for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
			decoder.decode("good-" + i);
		}
		decoder.decode("good-one-more");
		assertThat(decoder.size()).as("full: the newest is checked but not kept").isEqualTo(VerifiedTokens.MAX_TOKENS);
		now = now.plus(Duration.ofMinutes(10));
		issued = now;
		decoder.decode("good-later");
		assertThat(decoder.size()).as("the expired ones forgotten").isEqualTo(1);
	}
}
