package clinic.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The signature is the Standard Webhooks one: the specification's own example gives the same value. */
class WebhookSignatureTest {

	@Test
	void givenTheSpecificationsExampleWhenSignedThenTheSignatureIsTheOneItGives() {
		var signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void givenTwoNewSecretsThenEachIsWhsecAnd32RandomBytes() {
		var one = WebhookSignature.newSecret();
		var other = WebhookSignature.newSecret();

		assertThat(one).startsWith("whsec_").isNotEqualTo(other);
		assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
	}
}
