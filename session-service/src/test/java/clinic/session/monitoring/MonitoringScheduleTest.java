package clinic.session.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.session.monitoring.MonitoringSchedule.Timeline;
import clinic.session.monitoring.ReadingSlot.Status;

/** Due and overdue readings on a fixed clock: every 10 min during the infusion, every 15 min in recovery. */
class MonitoringScheduleTest {

	private static final Instant DOSED = Instant.parse("2026-11-23T09:00:00Z");

	private static final MonitoringSchedule SCHEDULE = new MonitoringSchedule(
			new MonitoringSettings(180, 110, 120, 92, Duration.ofMinutes(10), Duration.ofMinutes(15)));

	private static Instant at(int minutes) {
		return DOSED.plus(Duration.ofMinutes(minutes));
	}

	private static Instant at(int minutes, int seconds) {
		return at(minutes).plusSeconds(seconds);
	}

	private static VitalsReading readingAt(Instant takenAt, Phase phase) {
		return new VitalsReading(takenAt, "nina", phase, 128, 82, 76, 97, 14, List.of());
	}

	@Test
	void givenAnInfusionJustStartedThenTheFirstReadingIsUpcomingTenMinutesAfterTheDose() {
		var slots = SCHEDULE.slots(new Timeline(DOSED, null, null), List.of(), at(3));
		assertThat(slots).extracting(ReadingSlot::dueAt, ReadingSlot::status)
			.containsExactly(tuple(at(10), Status.UPCOMING));
	}

	@Test
	void givenTheDueTimeHasComeThenDueForHalfAnIntervalThenOverdue() {
		var timeline = new Timeline(DOSED, null, null);
		assertThat(SCHEDULE.slots(timeline, List.of(), at(10)).get(0).status()).isEqualTo(Status.DUE);
		assertThat(SCHEDULE.slots(timeline, List.of(), at(14, 59)).get(0).status()).isEqualTo(Status.DUE);
		assertThat(SCHEDULE.slots(timeline, List.of(), at(15)).get(0).status()).isEqualTo(Status.OVERDUE);
	}

	@Test
	void givenReadingsNearTheirDueTimesThenTakenAndOnlyTheMissedOneIsOverdue() {
		var readings = List.of(readingAt(at(9), Phase.INFUSION), readingAt(at(31), Phase.INFUSION));
		var slots = SCHEDULE.slots(new Timeline(DOSED, null, null), readings, at(33));
		assertThat(slots).extracting(ReadingSlot::dueAt, ReadingSlot::status, ReadingSlot::takenAt)
			.containsExactly(tuple(at(10), Status.TAKEN, at(9)), tuple(at(20), Status.OVERDUE, null),
					tuple(at(30), Status.TAKEN, at(31)), tuple(at(40), Status.UPCOMING, null));
	}

	@Test
	void givenAReadingMoreThanHalfAnIntervalLateThenItDoesNotCountForTheSlotItMissed() {
		var slots = SCHEDULE.slots(new Timeline(DOSED, null, null), List.of(readingAt(at(16), Phase.INFUSION)), at(17));
		assertThat(slots).extracting(ReadingSlot::status).containsExactly(Status.OVERDUE, Status.TAKEN);
	}

	@Test
	void givenTheInfusionEndedAfter40MinutesThenRecoveryReadingsAreDueEvery15Minutes() {
		var ended = at(40);
		var readings = List.of(readingAt(at(10), Phase.INFUSION), readingAt(at(20), Phase.INFUSION),
				readingAt(at(30), Phase.INFUSION), readingAt(at(55), Phase.RECOVERY));
		var slots = SCHEDULE.slots(new Timeline(DOSED, ended, null), readings, at(72));
		assertThat(slots).extracting(ReadingSlot::phase, ReadingSlot::dueAt, ReadingSlot::status)
			.containsExactly(tuple(Phase.INFUSION, at(10), Status.TAKEN), tuple(Phase.INFUSION, at(20), Status.TAKEN),
					tuple(Phase.INFUSION, at(30), Status.TAKEN), tuple(Phase.RECOVERY, at(55), Status.TAKEN),
					tuple(Phase.RECOVERY, at(70), Status.DUE), tuple(Phase.RECOVERY, at(85), Status.UPCOMING));
	}

	@Test
	void givenAnIntranasalDoseThenRecoveryStartsAtTheDoseWithoutAnInfusionSchedule() {
		var slots = SCHEDULE.slots(new Timeline(null, DOSED, null), List.of(), at(20));
		assertThat(slots).extracting(ReadingSlot::phase, ReadingSlot::dueAt, ReadingSlot::status)
			.containsExactly(tuple(Phase.RECOVERY, at(15), Status.DUE), tuple(Phase.RECOVERY, at(30), Status.UPCOMING));
	}

	@Test
	void givenASignedRecordThenItIsJudgedAtSigningAndNothingIsUpcoming() {
		var slots = SCHEDULE.slots(new Timeline(null, DOSED, at(40)), List.of(readingAt(at(15), Phase.RECOVERY)),
				at(500));
		assertThat(slots).extracting(ReadingSlot::dueAt, ReadingSlot::status)
			.containsExactly(tuple(at(15), Status.TAKEN), tuple(at(30), Status.OVERDUE));
	}

	@Test
	void givenNoDoseYetThenNothingIsDue() {
		assertThat(SCHEDULE.slots(new Timeline(null, null, null), List.of(), at(30))).isEmpty();
	}

	@Test
	void givenAnAdministratorShortensTheInfusionIntervalThenReadingsAreDueMoreOften() {
		var every5 = new MonitoringSchedule(
				new MonitoringSettings(180, 110, 120, 92, Duration.ofMinutes(5), Duration.ofMinutes(15)));
		assertThat(every5.slots(new Timeline(DOSED, null, null), List.of(), at(11)))
			.extracting(ReadingSlot::dueAt, ReadingSlot::status)
			.containsExactly(tuple(at(5), Status.OVERDUE), tuple(at(10), Status.DUE), tuple(at(15), Status.UPCOMING));
	}
}
