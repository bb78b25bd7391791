package clinic.intake.reminders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** How the patient may be reached, and through which channels they agreed to be reminded. */
public record PatientContact(UUID patientId, @Nullable String email, @Nullable String phone,
		List<ChannelConsent> consents) {

	public Optional<ChannelConsent> consent(Channel channel) {
		return consents.stream().filter(c -> c.channel() == channel).findFirst();
	}

	/** The address to send to on this channel, when the patient consented and has one. */
	public Optional<String> reachableBy(Channel channel) {
		if (!consent(channel).map(ChannelConsent::granted).orElse(false)) {
			return Optional.empty();
		}
		var address = channel == Channel.EMAIL ? email : phone;
		return address == null || address.isBlank() ? Optional.empty() : Optional.of(address);
	}
}
