package clinic.scheduling.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CourseTest {

	private final Course planned = Course.induction(UUID.randomUUID(), "Ada Lovelace", 6, Instant.now());

	@Test
	void givenACourseToPlanWhenTheFirstInfusionIsBookedThenItIsActiveAtTheNextVersion() {
		var booked = planned.withInfusionBooked();
		assertThat(booked.status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(booked.version()).isEqualTo(planned.version() + 1);
		assertThat(booked.withInfusionBooked().status()).isEqualTo(CourseStatus.ACTIVE);
	}

	@Test
	void givenAnActiveCourseWhenFewerThanPlannedWereGivenThenStillActive() {
		var active = planned.withInfusionBooked().withInfusionsGiven(5);
		assertThat(active.status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(active.completedInfusions()).isEqualTo(5);
	}

	@Test
	void givenAnActiveCourseWhenThePlannedNumberWasGivenThenCompletedAndNoLongerOpen() {
		var completed = planned.withInfusionBooked().withInfusionsGiven(6);
		assertThat(completed.status()).isEqualTo(CourseStatus.COMPLETED);
		assertThat(completed.status().isOpen()).isFalse();
	}

	@Test
	void givenAnActiveCourseWhenPausedThenNotOpenAndWhenResumedActiveAgainWithoutTheReason() {
		var paused = planned.withInfusionBooked().paused("SERIOUS adverse event");
		assertThat(paused.status()).isEqualTo(CourseStatus.PAUSED);
		assertThat(paused.status().isOpen()).isFalse();
		assertThat(paused.pauseReason()).isEqualTo("SERIOUS adverse event");
		var resumed = paused.resumed(true);
		assertThat(resumed.status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(resumed.pauseReason()).isNull();
		assertThat(resumed.version()).isEqualTo(paused.version() + 1);
		assertThat(paused.resumed(false).status()).isEqualTo(CourseStatus.TO_PLAN);
	}

	@Test
	void givenACompletedCoursePausedForItsBoostersWhenResumedThenCompletedAgain() {
		var paused = planned.withInfusionBooked().withInfusionsGiven(6).paused("SERIOUS adverse event");
		assertThat(paused.status()).isEqualTo(CourseStatus.PAUSED);
		assertThat(paused.resumed(true).status()).isEqualTo(CourseStatus.COMPLETED);
	}

	@Test
	void givenAPausedCourseWhenItsLastInfusionIsGivenThenItStaysPausedUntilResumedToCompleted() {
		var paused = planned.withInfusionBooked().withInfusionsGiven(5).paused("SERIOUS adverse event");
		var given = paused.withInfusionsGiven(6);
		assertThat(given.status()).isEqualTo(CourseStatus.PAUSED);
		assertThat(given.completedInfusions()).isEqualTo(6);
		assertThat(given.resumed(true).status()).isEqualTo(CourseStatus.COMPLETED);
	}

	@Test
	void givenAnUnfinishedCourseWhenCancelledThenItStaysCancelledWhateverIsGivenAfterAndIsNotUnfinished() {
		var cancelled = planned.withInfusionBooked().paused("SERIOUS adverse event").cancelled("Eligibility declined");
		assertThat(cancelled.status()).isEqualTo(CourseStatus.CANCELLED);
		assertThat(cancelled.cancellationReason()).isEqualTo("Eligibility declined");
		assertThat(cancelled.pauseReason()).isNull();
		assertThat(cancelled.status().isUnfinished()).isFalse();
		assertThat(cancelled.status().isOpen()).isFalse();
		assertThat(cancelled.withInfusionsGiven(6).status()).isEqualTo(CourseStatus.CANCELLED);
	}
}
