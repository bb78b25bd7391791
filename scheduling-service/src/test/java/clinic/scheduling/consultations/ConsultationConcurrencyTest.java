package clinic.scheduling.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.platform.problems.ConflictException;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;
import clinic.scheduling.resources.ConsultationSlotService;

/**
 * Many people booking consultations at the same moment, through the service as the API calls it: one consultation per
 * slot, one booked consultation per patient, and no patient in a consultation and an infusion at once, whoever
 * commits first. Every loser hears why (409), and the rows are checked afterwards.
 */
class ConsultationConcurrencyTest extends SchedulingIntegrationTest {

	private static final int BOOKERS = 10;

	@Autowired
	ConsultationService consultations;

	@Autowired
	ConsultationSlotService slots;

	@Autowired
	PatientRegistry registry;

	private record Outcome(int succeeded, List<String> conflicts) {
	}

	private static Outcome race(List<Callable<?>> attempts) throws Exception {
		var ready = new CountDownLatch(attempts.size());
		var go = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(attempts.size());
		try {
			var futures = new ArrayList<Future<?>>();
			for (var attempt : attempts) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return attempt.call();
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			int succeeded = 0;
			var conflicts = new ArrayList<String>();
			for (var future : futures) {
				try {
					future.get(60, TimeUnit.SECONDS);
					succeeded++;
				}
				catch (ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(ConflictException.class);
					conflicts.add(e.getCause().getMessage());
				}
			}
			return new Outcome(succeeded, conflicts);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private UUID referred(String name) {
		var id = UUID.randomUUID();
		registry.registeredOrUpdated(new RegisteredPatient(id, "MRN-C" + id.toString().substring(0, 5), name, "Racer",
				LocalDate.of(1990, 1, 1), 1, Instant.now()));
		registry.referred(new KnownReferral(UUID.randomUUID(), id, "Dr. Aiken", "ANXIETY", Instant.now()));
		return id;
	}

	private UUID slot(OwnSite site, String clinician, Instant start) {
		return slots.add(site.siteId(), null, clinician, start, start.plus(Duration.ofMinutes(45))).id();
	}

	private long count(String where, Object value) {
		return jdbc.sql("select count(*) from consultation where status <> 'cancelled' and " + where + " = :value")
			.param("value", value)
			.query(Long.class)
			.single();
	}

	@Test
	void givenTenPatientsBookingOneSlotAtOnceThenExactlyOneGetsItAndTheOthersHearItWasTaken() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var slot = slot(site, "dr.race-" + UUID.randomUUID(), site.at(aWeekOfItsOwn(), 9, 0));
		var attempts = new ArrayList<Callable<?>>();
		for (int i = 0; i < BOOKERS; i++) {
			var patient = referred("Patient " + i);
			attempts.add(() -> consultations.book(patient, slot));
		}

		var outcome = race(attempts);

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.conflicts()).hasSize(BOOKERS - 1)
			.allSatisfy(message -> assertThat(message).contains("was booked for another patient"));
		assertThat(count("slot_id", slot)).isEqualTo(1);
	}

	@Test
	void givenOnePatientBookedIntoTenSlotsAtOnceThenExactlyOneIsBooked() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referred("Eager");
		var attempts = new ArrayList<Callable<?>>();
		for (int i = 0; i < BOOKERS; i++) {
			// ten clinicians at ten times of the week: only the patient ties them together
			var slot = slot(site, "dr.eager-" + UUID.randomUUID(), site.at(monday.plusDays(i % 5), 8 + i / 5, 0));
			attempts.add(() -> consultations.book(patient, slot));
		}

		var outcome = race(attempts);

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.conflicts()).hasSize(BOOKERS - 1)
			.allSatisfy(message -> assertThat(message).contains("already has a consultation booked"));
		assertThat(count("patient_id", patient)).isEqualTo(1);
	}

	@Test
	void givenAnInfusionAndAConsultationOfOnePatientBookedAtOnceForTheSameTimeThenOnlyOneIsBooked() throws Exception {
		for (int round = 0; round < 5; round++) {
			var site = siteIn(CLINIC_ZONE);
			var monday = aWeekOfItsOwn();
			var patient = referred("Busy " + round);
			var course = courses
				.decided(new CourseService.Decision(patient, "Busy Racer", Eligibility.CLEARED, 3, Instant.now()))
				.orElseThrow();
			var slot = slot(site, "dr.busy-" + UUID.randomUUID(), site.at(monday, 10, 0));
			List<Callable<?>> attempts = List.of(() -> consultations.book(patient, slot),
					() -> bookings.book(course.id(), new BookingService.Booking(site.chairId(), site.at(monday, 9, 30))));

			var outcome = race(attempts);

			assertThat(outcome.succeeded()).as("round " + round + ": " + outcome.conflicts()).isEqualTo(1);
			var infusions = jdbc.sql("select count(*) from appointment where patient_id = :p and status <> 'cancelled'")
				.param("p", patient)
				.query(Long.class)
				.single();
			assertThat(infusions + count("patient_id", patient)).isEqualTo(1);
		}
	}
}
