package clinic.session.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;
import clinic.session.monitoring.VitalsReading;

class SessionRecordTest {

	private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

	private static final BookedAppointment APPOINTMENT = new BookedAppointment(UUID.randomUUID(), UUID.randomUUID(),
			"Ada Lovelace", UUID.randomUUID(), "Chair 1", AppointmentKind.INFUSION, 1, NINE, NINE.plusSeconds(6600), 1);

	private static final VitalsReading READING = new VitalsReading(NINE.plusSeconds(600), "nina", 128, 82, 76, 97, 14,
			List.of());

	private static SessionRecord opened() {
		return SessionRecord.open(APPOINTMENT, "Ada Lovelace", new DosePlan(Route.IV, new BigDecimal("0.5")), "nina",
				NINE);
	}

	private static Completion completion() {
		return new Completion(new BigDecimal("35.0"), 12, null, "nina", NINE.plusSeconds(2400));
	}

	@Test
	void givenAnAppointmentWhenOpenedThenInProgressAtVersionOneWithoutVitals() {
		var record = opened();
		assertThat(record.status()).isEqualTo(SessionStatus.IN_PROGRESS);
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.vitals()).isEmpty();
		assertThat(record.patientId()).isEqualTo(APPOINTMENT.patientId());
	}

	@Test
	void givenAReadingWhenCompletedThenCompletedAndEachChangeCountsInTheVersion() {
		var completed = opened().withReading(READING).completed(completion());
		assertThat(completed.status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(completed.vitals()).containsExactly(READING);
		assertThat(completed.version()).isEqualTo(3);
	}

	@Test
	void givenNoReadingWhenCompletedThenRefused() {
		assertThatThrownBy(() -> opened().completed(completion())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("no vitals");
	}

	@Test
	void givenACompletedRecordWhenAReadingOrASecondCompletionArrivesThenRefused() {
		var completed = opened().withReading(READING).completed(completion());
		assertThatThrownBy(() -> completed.withReading(READING)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("completed by nina");
		assertThatThrownBy(() -> completed.completed(completion())).isInstanceOf(ConflictException.class);
	}
}
