package clinic.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Each token's signature is checked once, not on every call: a staff member's browser sends the same access token
 * (through the gateway) for the few minutes it lives, and checking its RS256 signature was an eighth of a service's
 * CPU per call (docs/benchmarks.md). A token whose signature, issuer and audience the service's decoder accepted is
 * kept by its exact text; each later call with that text checks only its times again ({@code exp}, {@code nbf}, with
 * the decoder's own minute of clock skew), so an expired token is refused as before, and a token that differs in
 * one character is decoded and checked in full. A token the decoder refused is never kept.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

	/** More tokens than a chain's staff and integrations hold at once; past it the expired ones go first. */
	static final int MAX_TOKENS = 10_000;

	@Bean
	static BeanPostProcessor verifiedTokensDecoder() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JwtDecoder decoder && !(bean instanceof Decoder)
						? new Decoder(decoder, Clock.systemUTC()) : bean;
			}
		};
	}

	/** The service's decoder, asked once per token text. */
	static final class Decoder implements JwtDecoder {

		private final JwtDecoder verifying;

		private final JwtTimestampValidator times;

		private final Clock clock;

		private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

		Decoder(JwtDecoder verifying, Clock clock) {
			this.verifying = verifying;
			this.clock = clock;
			this.times = new JwtTimestampValidator(Duration.ofSeconds(60));
			this.times.setClock(clock);
		}

		@Override
		public Jwt decode(String token) throws JwtException {
			var known = verified.get(token);
			if (known != null) {
				var result = times.validate(known);
				if (!result.hasErrors()) {
					return known;
				}
				verified.remove(token);
			}
			var jwt = verifying.decode(token);
			if (verified.size() >= MAX_TOKENS) {
				forgetExpired();
			}
			if (verified.size() < MAX_TOKENS) {
				verified.put(token, jwt);
			}
			return jwt;
		}

		private void forgetExpired() {
			var now = clock.instant();
			verified.values().removeIf(jwt -> jwt.getExpiresAt() == null || jwt.getExpiresAt().isBefore(now));
		}

		int size() {
			return verified.size();
		}
	}
}
