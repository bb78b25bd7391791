package clinic.intake.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;

/**
 * The referral's states: received → consultation booked → screened → decided, forward only, but for the one way back
 * when the booked consultation is cancelled or missed.
 */
class ReferralTest {

	static Referral received() {
		return Referral.received(UUID.randomUUID(), " Dr. Babbage ", "Two failed SSRIs",
				Indication.TREATMENT_RESISTANT_DEPRESSION,
				List.of(new Referral.Attachment("letter.pdf", "application/pdf", 12_345, "dms://letters/42")),
				Instant.parse("2026-01-05T09:00:00Z"));
	}

	@Test
	void givenANewReferralThenItIsReceivedWithItsAttachmentsAsMetadata() {
		var referral = received();

		assertThat(referral.state()).isEqualTo(ReferralState.RECEIVED);
		assertThat(referral.referringClinician()).isEqualTo("Dr. Babbage");
		assertThat(referral.attachments()).extracting(Referral.Attachment::reference).containsExactly("dms://letters/42");
	}

	@Test
	void givenAReferralWhenItGoesThroughEveryStepThenItMovesForwardKeepingEverythingElse() {
		var received = received();

		var booked = received.consultationBooked();
		var screened = booked.screened();
		var decided = screened.decided();

		assertThat(booked.state()).isEqualTo(ReferralState.CONSULTATION_BOOKED);
		assertThat(screened.state()).isEqualTo(ReferralState.SCREENED);
		assertThat(decided.state()).isEqualTo(ReferralState.DECIDED);
		assertThat(decided.id()).isEqualTo(received.id());
		assertThat(decided.attachments()).isEqualTo(received.attachments());
		assertThat(decided.receivedAt()).isEqualTo(received.receivedAt());
	}

	@Test
	void givenAReceivedReferralWhenScreenedWithoutABookedConsultationThenItIsScreened() {
		assertThat(received().screened().state()).isEqualTo(ReferralState.SCREENED);
	}

	@Test
	void givenAReceivedReferralWhenDecidedBeforeAScreeningThenRefused() {
		assertThatThrownBy(() -> received().decided()).isInstanceOf(ConflictException.class)
			.hasMessageContaining("is RECEIVED and cannot move to DECIDED");
	}

	@Test
	void givenAReferralWhenMovedBackOrToTheSameStateThenRefused() {
		var booked = received().consultationBooked();
		var screened = booked.screened();
		var decided = screened.decided();

		assertThatThrownBy(booked::consultationBooked).isInstanceOf(ConflictException.class);
		assertThatThrownBy(screened::consultationBooked).isInstanceOf(ConflictException.class);
		assertThatThrownBy(screened::screened).isInstanceOf(ConflictException.class);
		assertThatThrownBy(decided::screened).isInstanceOf(ConflictException.class);
		assertThatThrownBy(decided::consultationBooked).isInstanceOf(ConflictException.class);
		assertThatThrownBy(decided::decided).isInstanceOf(ConflictException.class);
	}

	@Test
	void givenEveryPairOfStatesThenOnlyForwardMovesAreAllowed() {
		for (var from : ReferralState.values()) {
			for (var to : ReferralState.values()) {
				if (from.canMoveTo(to)) {
					assertThat(to.ordinal()).as(from + " -> " + to).isGreaterThan(from.ordinal());
				}
			}
		}
		assertThat(ReferralState.DECIDED.canMoveTo(ReferralState.RECEIVED)).isFalse();
	}

	@Test
	void givenAConsultationBookedWhenItIsCancelledThenTheReferralIsReceivedAgainKeepingEverythingElse() {
		var received = received();

		var back = received.consultationBooked().consultationCancelled();

		assertThat(back.state()).isEqualTo(ReferralState.RECEIVED);
		assertThat(back).isEqualTo(received);
		assertThat(back.consultationBooked().state()).isEqualTo(ReferralState.CONSULTATION_BOOKED);
	}

	@Test
	void givenAReferralWithoutABookedConsultationWhenItsConsultationIsCancelledThenRefused() {
		var received = received();
		var screened = received.consultationBooked().screened();

		assertThatThrownBy(received::consultationCancelled).isInstanceOf(ConflictException.class)
			.hasMessageContaining("is RECEIVED");
		assertThatThrownBy(screened::consultationCancelled).isInstanceOf(ConflictException.class);
		assertThatThrownBy(screened.decided()::consultationCancelled).isInstanceOf(ConflictException.class);
	}
}
