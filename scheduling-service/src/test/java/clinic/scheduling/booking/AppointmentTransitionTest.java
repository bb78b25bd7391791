package clinic.scheduling.booking;

import static clinic.scheduling.booking.AppointmentStatus.ARRIVED;
import static clinic.scheduling.booking.AppointmentStatus.BOOKED;
import static clinic.scheduling.booking.AppointmentStatus.CANCELLED;
import static clinic.scheduling.booking.AppointmentStatus.CHECKED_IN;
import static clinic.scheduling.booking.AppointmentStatus.FULFILLED;
import static clinic.scheduling.booking.AppointmentStatus.NOSHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;

class AppointmentTransitionTest {

	@Test
	void givenABookedAppointmentThenItCanArriveBeCancelledMarkedNoShowOrRescheduled() {
		assertThat(AppointmentTransition.ARRIVE.from(BOOKED)).isEqualTo(ARRIVED);
		assertThat(AppointmentTransition.CANCEL.from(BOOKED)).isEqualTo(CANCELLED);
		assertThat(AppointmentTransition.NO_SHOW.from(BOOKED)).isEqualTo(NOSHOW);
		assertThat(AppointmentTransition.RESCHEDULE.from(BOOKED)).isEqualTo(CANCELLED);
	}

	@Test
	void givenAnArrivedPatientThenTheyCanBeCheckedInOrCancelled() {
		assertThat(AppointmentTransition.CHECK_IN.from(ARRIVED)).isEqualTo(CHECKED_IN);
		assertThat(AppointmentTransition.CANCEL.from(ARRIVED)).isEqualTo(CANCELLED);
	}

	@Test
	void givenEveryStatusThenExactlyTheseTransitionsStartFromIt() {
		var allowed = Map.of(AppointmentTransition.ARRIVE, EnumSet.of(BOOKED), AppointmentTransition.CHECK_IN,
				EnumSet.of(ARRIVED), AppointmentTransition.CANCEL, EnumSet.of(BOOKED, ARRIVED),
				AppointmentTransition.NO_SHOW, EnumSet.of(BOOKED), AppointmentTransition.RESCHEDULE, EnumSet.of(BOOKED));
		for (var transition : AppointmentTransition.values()) {
			for (var status : AppointmentStatus.values()) {
				Set<AppointmentStatus> from = allowed.get(transition);
				assertThat(transition.allowedFrom(status)).as(transition + " from " + status)
					.isEqualTo(from.contains(status));
			}
		}
	}

	@Test
	void givenAnInvalidTransitionThenTheConflictNamesTheCurrentStatus() {
		assertThatThrownBy(() -> AppointmentTransition.CHECK_IN.from(BOOKED)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("is booked")
			.hasMessageContaining("only possible from arrived");
		assertThatThrownBy(() -> AppointmentTransition.CANCEL.from(FULFILLED)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("is fulfilled")
			.hasMessageContaining("booked or arrived");
		assertThatThrownBy(() -> AppointmentTransition.NO_SHOW.from(CANCELLED)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("is cancelled");
		assertThatThrownBy(() -> AppointmentTransition.RESCHEDULE.from(CHECKED_IN))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("is checked-in");
	}
}
