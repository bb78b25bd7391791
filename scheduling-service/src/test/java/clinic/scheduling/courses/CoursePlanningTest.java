package clinic.scheduling.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.courses.CourseService.Decision;
import clinic.scheduling.patients.Eligibility;

/** Which eligibility decisions plan a course, on the real database. */
class CoursePlanningTest extends SchedulingIntegrationTest {

	@Test
	void givenAClearedPatientThenAnInductionCourseOfTheClinicsPlannedInfusionsIsToPlan() {
		var patient = UUID.randomUUID();
		var course = courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 4, Instant.now()));

		assertThat(course).isPresent();
		assertThat(courses.ofPatient(patient)).singleElement().satisfies(c -> {
			assertThat(c.status()).isEqualTo(CourseStatus.TO_PLAN);
			assertThat(c.plannedInfusions()).isEqualTo(6);
			assertThat(c.completedInfusions()).isZero();
			assertThat(c.patientName()).isEqualTo("Ada Lovelace");
		});
	}

	@Test
	void givenADeclinedPatientThenNoCourse() {
		var patient = UUID.randomUUID();
		assertThat(courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.DECLINED, 4, Instant.now())))
			.isEmpty();
		assertThat(courses.ofPatient(patient)).isEmpty();
	}

	@Test
	void givenAnOpenCourseWhenThePatientIsClearedAgainThenNoSecondCourse() {
		var patient = UUID.randomUUID();
		courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 4, Instant.now()));
		assertThat(courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 6, Instant.now())))
			.isEmpty();
		assertThat(courses.ofPatient(patient)).hasSize(1);
	}

	@Test
	void givenANewerDecisionWhenAnOlderOneArrivesLateThenItIsDropped() {
		var patient = UUID.randomUUID();
		courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.DECLINED, 7, Instant.now()));
		assertThat(courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 5, Instant.now())))
			.isEmpty();
		assertThat(courses.ofPatient(patient)).isEmpty();

		assertThat(courses.decided(new Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 9, Instant.now())))
			.isPresent();
	}
}
