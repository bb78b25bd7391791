package clinic.session.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.BookedAppointment;
import clinic.session.discharge.DischargeChecklist;
import clinic.session.discharge.DischargeCriterion;
import clinic.session.discharge.DischargeSettings;
import clinic.session.discharge.OpenCriterion;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;
import clinic.session.dosing.Dosing;
import clinic.session.dosing.DosingSettings;
import clinic.session.dosing.PreDoseLimits;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.AlertAction;
import clinic.session.monitoring.AlertResponse;
import clinic.session.monitoring.Breach;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.VitalSign;
import clinic.session.monitoring.VitalsReading;

class SessionRecordTest {

	private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

	private static final BookedAppointment APPOINTMENT = new BookedAppointment(UUID.randomUUID(), UUID.randomUUID(),
			"Ada Lovelace", UUID.randomUUID(), new BookedAppointment.Place(UUID.randomUUID(), "Main clinic",
					ZoneId.of("Europe/Zurich"), UUID.randomUUID()),
			"Chair 1", AppointmentKind.INFUSION, 1, 6, NINE, NINE.plusSeconds(6600), 1);

	private static final DosingSettings DOSING = new DosingSettings(new BigDecimal("5"),
			new DosingSettings.IvInfusion(Duration.ofMinutes(35), Duration.ofMinutes(60)), 140, 90);

	private static final PreDoseLimits LIMITS = new PreDoseLimits(DOSING);

	private static final Duration SHORTEST_IV = DOSING.ivInfusion().shortest();

	/** The intranasal 2 h; no observation after an IV infusion beyond the criteria these tests are about. */
	private static final DischargeSettings DISCHARGE = new DischargeSettings(
			Map.of(Route.INTRANASAL, Duration.ofHours(2)), Duration.ZERO);

	private static Instant at(int minutes) {
		return NINE.plus(Duration.ofMinutes(minutes));
	}

	private static SessionRecord opened(Route route) {
		return SessionRecord.open(APPOINTMENT, "Ada Lovelace",
				new DosePlan(route, new BigDecimal("0.5"), new BigDecimal("0.1"), new BigDecimal("1.0")),
				UUID.randomUUID(), null, "nina", NINE);
	}

	private static VitalsReading reading(int minutes, Phase phase, int systolic, int diastolic) {
		return new VitalsReading(at(minutes), "nina", phase, systolic, diastolic, 76, 97, 14, List.of());
	}

	private static CheckIn checkIn() {
		return new CheckIn(true, true, "Charles Babbage", true, null, null, "nina", at(1));
	}

	private static Dosing dosing(Route route, int minutes) {
		return new Dosing(new BigDecimal("70"), new BigDecimal("35.00"), new BigDecimal("35.00"),
				route == Route.IV ? new BigDecimal("52.5") : null, "LOT-1", "olga", "nina", at(minutes));
	}

	private static DischargeChecklist allConfirmed(int minutes) {
		return new DischargeChecklist(true, true, true, true, true, "nina", at(minutes));
	}

	/** Checked in, calm pre-dose vitals, dosed at minute 5, a reading in the infusion, ended at 45, checklist. */
	private static SessionRecord readyForDischarge() {
		return opened(Route.IV).checkedIn(checkIn())
			.withReading(reading(2, Phase.PRE_DOSE, 128, 82), null)
			.dosed(dosing(Route.IV, 5), LIMITS)
			.withReading(reading(15, Phase.INFUSION, 130, 84), null)
			.infusionEnded(new InfusionEnd("nina", at(45), null), SHORTEST_IV)
			.dischargeChecked(allConfirmed(90));
	}

	@Test
	void givenAnAppointmentWhenOpenedThenInProgressAtVersionOneBeforeTheDose() {
		var record = opened(Route.IV);
		assertThat(record.status()).isEqualTo(SessionStatus.IN_PROGRESS);
		assertThat(record.version()).isEqualTo(1);
		assertThat(record.phase()).isEqualTo(Phase.PRE_DOSE);
		assertThat(record.patientId()).isEqualTo(APPOINTMENT.patientId());
	}

	@Test
	void givenACheckInWithoutIdentityOrEscortThenRefusedNamingTheField() {
		assertThatThrownBy(() -> new CheckIn(false, true, null, true, null, null, "nina", NINE))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("identityConfirmed"));
		assertThatThrownBy(() -> new CheckIn(true, false, null, true, null, null, "nina", NINE))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("escortConfirmed"));
	}

	@Test
	void givenNoCheckInOrNoPreDoseVitalsWhenDosedThenRefused() {
		assertThatThrownBy(() -> opened(Route.IV).dosed(dosing(Route.IV, 5), LIMITS))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Check the patient in");
		assertThatThrownBy(() -> opened(Route.IV).checkedIn(checkIn()).dosed(dosing(Route.IV, 5), LIMITS))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("pre-dose vitals");
	}

	@Test
	void givenAPreDoseBpAbove140Over90ThenDosingWaitsForAClinicianAndTheirConfirmationIsKept() {
		var elevated = opened(Route.IV).checkedIn(checkIn()).withReading(reading(2, Phase.PRE_DOSE, 150, 85), null);
		assertThat(elevated.needsBpClearance(LIMITS)).isTrue();
		assertThatThrownBy(() -> elevated.dosed(dosing(Route.IV, 5), LIMITS)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("150/85 mmHg is above 140/90")
			.hasMessageContaining("clinician must confirm");

		var cleared = elevated.bpCleared(new PreDoseClearance(at(2), "Known white-coat hypertension", "dr.house",
				at(3)), LIMITS);
		assertThat(cleared.needsBpClearance(LIMITS)).isFalse();
		var dosed = cleared.dosed(dosing(Route.IV, 5), LIMITS);
		assertThat(dosed.preDoseClearance().clearedBy()).isEqualTo("dr.house");
		assertThat(dosed.preDoseClearance().clearedAt()).isEqualTo(at(3));
		assertThat(dosed.phase()).isEqualTo(Phase.INFUSION);
	}

	@Test
	void givenAnotherElevatedReadingAfterTheConfirmationThenItNeedsAConfirmationOfItsOwn() {
		var record = opened(Route.IV).checkedIn(checkIn())
			.withReading(reading(2, Phase.PRE_DOSE, 150, 85), null)
			.bpCleared(new PreDoseClearance(at(2), "ok", "dr.house", at(3)), LIMITS)
			.withReading(reading(4, Phase.PRE_DOSE, 165, 95), null);
		assertThat(record.needsBpClearance(LIMITS)).isTrue();
	}

	@Test
	void givenACalmPreDoseBpThenNothingToConfirm() {
		var calm = opened(Route.IV).checkedIn(checkIn()).withReading(reading(2, Phase.PRE_DOSE, 140, 90), null);
		assertThat(calm.needsBpClearance(LIMITS)).isFalse();
		assertThatThrownBy(() -> calm.bpCleared(new PreDoseClearance(at(2), "x", "dr.house", at(3)), LIMITS))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void givenAFreshRecordThenEveryDischargeCriterionIsOpenAndNeitherCanSign() {
		var record = opened(Route.IV);
		assertThat(record.openCriteria(DISCHARGE, at(60))).extracting(OpenCriterion::criterion)
			.containsExactly(DischargeCriterion.CHECKED_IN, DischargeCriterion.DOSE_GIVEN,
					DischargeCriterion.VITALS_NEAR_BASELINE, DischargeCriterion.ALERT_AND_ORIENTED,
					DischargeCriterion.STEADY_GAIT, DischargeCriterion.ESCORT_PRESENT,
					DischargeCriterion.INSTRUCTIONS_GIVEN);
		assertThatThrownBy(() -> record.signedByNurse(new Signature("nina", at(60)), null, DISCHARGE))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("No dose is recorded");
		assertThatThrownBy(() -> record.signedByClinician(new Signature("dr.house", at(60)), DISCHARGE))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void givenEverythingButOneChecklistItemThenThatItemIsTheOnlyOpenCriterion() {
		var record = readyForDischarge().dischargeChecked(new DischargeChecklist(true, true, false, true, true,
				"nina", at(90)));
		assertThat(record.openCriteria(DISCHARGE, at(91))).extracting(OpenCriterion::criterion)
			.containsExactly(DischargeCriterion.STEADY_GAIT);
		assertThatThrownBy(() -> record.signedByNurse(new Signature("nina", at(91)), null, DISCHARGE))
			.hasMessageContaining("Steady gait not confirmed");
	}

	@Test
	void givenARunningInfusionOrAnUnansweredAlertThenTheyAreOpenCriteria() {
		var breach = new VitalsReading(at(20), "nina", Phase.INFUSION, 186, 100, 80, 97, 14,
				List.of(new Breach(VitalSign.SYSTOLIC, 186, 180, "Systolic pressure 186 mmHg above 180")));
		var alert = Alert.raisedBy(breach);
		var record = opened(Route.IV).checkedIn(checkIn())
			.withReading(reading(2, Phase.PRE_DOSE, 128, 82), null)
			.dosed(dosing(Route.IV, 5), LIMITS)
			.withReading(breach, alert)
			.dischargeChecked(allConfirmed(30));
		assertThat(record.openCriteria(DISCHARGE, at(31))).extracting(OpenCriterion::criterion)
			.containsExactly(DischargeCriterion.INFUSION_ENDED, DischargeCriterion.ALERTS_ANSWERED);

		var stopped = record.alertAnswered(alert.id(), new AlertResponse(AlertAction.STOP, null, "nina", at(21)));
		assertThat(stopped.infusionEnd()).isEqualTo(new InfusionEnd("nina", at(21), "Stopped after an alert"));
		assertThat(stopped.phase()).isEqualTo(Phase.RECOVERY);
		assertThat(stopped.openCriteria(DISCHARGE, at(31))).isEmpty();
		assertThatThrownBy(() -> stopped.alertAnswered(alert.id(),
				new AlertResponse(AlertAction.PAUSE, null, "nina", at(22)))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("answered already");
	}

	@Test
	void givenContinuingDespiteAnAlertWithoutAReasonThenRefusedNamingTheReason() {
		assertThatThrownBy(() -> new AlertResponse(AlertAction.CONTINUE, " ", "nina", NINE))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
	}

	@Test
	void givenIntranasalEsketamineThenDischargeWaitsTwoHoursAfterTheDose() {
		var record = opened(Route.INTRANASAL).checkedIn(checkIn())
			.withReading(reading(2, Phase.PRE_DOSE, 128, 82), null)
			.dosed(dosing(Route.INTRANASAL, 5), LIMITS)
			.withReading(reading(45, Phase.RECOVERY, 130, 84), null)
			.dischargeChecked(allConfirmed(100));
		assertThat(record.phase()).isEqualTo(Phase.RECOVERY);
		assertThat(record.openCriteria(DISCHARGE, at(124))).singleElement().satisfies(open -> {
			assertThat(open.criterion()).isEqualTo(DischargeCriterion.OBSERVATION_TIME);
			assertThat(open.detail()).contains("Observed 119 min").contains("at least 120 min");
		});
		assertThat(record.openCriteria(DISCHARGE, at(125))).isEmpty();
	}

	@Test
	void givenAnIvInfusionEndedEarlyThenItNeedsAReasonAndTheRecordKeepsIt() {
		var running = opened(Route.IV).checkedIn(checkIn())
			.withReading(reading(2, Phase.PRE_DOSE, 128, 82), null)
			.dosed(dosing(Route.IV, 5), LIMITS);
		assertThatThrownBy(() -> running.infusionEnded(new InfusionEnd("nina", at(20), " "), SHORTEST_IV))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("reason");
				assertThat(e.getMessage()).contains("run 15 min").contains("at least 35 min");
			});
		var ended = running.infusionEnded(new InfusionEnd("nina", at(20), "Line tissued; pump stopped"), SHORTEST_IV);
		assertThat(ended.infusionEnd().reason()).isEqualTo("Line tissued; pump stopped");
		assertThat(ended.phase()).isEqualTo(Phase.RECOVERY);
		assertThat(running.infusionEnded(new InfusionEnd("nina", at(40), null), SHORTEST_IV).infusionEnd().reason())
			.isNull();
	}

	@Test
	void givenAnIvInfusionThenDischargeWaitsThePostInfusionObservationAfterItEnded() {
		var settings = new DischargeSettings(Map.of(Route.INTRANASAL, Duration.ofHours(2)), Duration.ofMinutes(60));
		var record = readyForDischarge();
		assertThat(record.openCriteria(settings, at(104))).singleElement().satisfies(open -> {
			assertThat(open.criterion()).isEqualTo(DischargeCriterion.OBSERVATION_TIME);
			assertThat(open.detail()).contains("Observed 59 min since the infusion ended").contains("at least 60 min");
		});
		assertThatThrownBy(() -> record.signedByNurse(new Signature("nina", at(104)), null, settings))
			.isInstanceOf(ConflictException.class);
		assertThat(record.openCriteria(settings, at(105))).isEmpty();
	}

	@Test
	void givenBothSignaturesThenCompletedAndTheSecondSignerCompletedIt() {
		var nurseSigned = readyForDischarge().signedByNurse(new Signature("nina", at(91)), "Uneventful", DISCHARGE);
		assertThat(nurseSigned.status()).isEqualTo(SessionStatus.IN_PROGRESS);
		assertThatThrownBy(() -> nurseSigned.withReading(reading(92, Phase.RECOVERY, 120, 80), null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("awaits the second signature");

		var signed = nurseSigned.signedByClinician(new Signature("dr.house", at(95)), DISCHARGE);
		assertThat(signed.status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(signed.completion()).isEqualTo(new Signature("dr.house", at(95)));
		assertThat(signed.notes()).isEqualTo("Uneventful");
	}

	@Test
	void givenASignedRecordThenEveryChangeIsRefusedButAnAddendumIsTaken() {
		var signed = readyForDischarge().signedByClinician(new Signature("dr.house", at(91)), DISCHARGE)
			.signedByNurse(new Signature("nina", at(92)), null, DISCHARGE);
		assertThatThrownBy(() -> signed.withReading(reading(93, Phase.RECOVERY, 120, 80), null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("completed by nina")
			.hasMessageContaining("addendum");
		assertThatThrownBy(() -> signed.dischargeChecked(allConfirmed(93))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> signed.signedByNurse(new Signature("nina", at(93)), null, DISCHARGE))
			.isInstanceOf(ConflictException.class);

		var amended = signed.withAddendum(new Addendum(UUID.randomUUID(), "Lot number was LOT-2", "nina", at(120)));
		assertThat(amended.addenda()).extracting(Addendum::text).containsExactly("Lot number was LOT-2");
		assertThat(amended.version()).isEqualTo(signed.version());
	}
}
