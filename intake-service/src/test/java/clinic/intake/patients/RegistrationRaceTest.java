package clinic.intake.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import clinic.intake.IntakeIntegrationTest;

/**
 * Two registrations of one person at once (two desks, or a resend while the first try is still running): the duplicate
 * check must see the first, or the long fault run's two patients with one name come back.
 */
class RegistrationRaceTest extends IntakeIntegrationTest {

	@Autowired
	PatientService patients;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void givenTheSamePersonRegisteredWhileTheFirstRegistrationIsUncommittedThenTheSecondWaitsAndIsALikelyDuplicate()
			throws Exception {
		var person = new PatientService.Registration("Grace", "Qvrtzhopper", LocalDate.of(1941, 3, 17), null,
				"Dr. Babbage", null, Indication.TREATMENT_RESISTANT_DEPRESSION, false);
		var firstRegistered = new CountDownLatch(1);
		var commitFirst = new CountDownLatch(1);
		var desks = Executors.newFixedThreadPool(2);
		try {
			var firstDesk = desks.submit(() -> new TransactionTemplate(transactions).execute(status -> {
				var registered = patients.register(person);
				firstRegistered.countDown();
				awaitQuietly(commitFirst);
				return registered;
			}));
			assertThat(firstRegistered.await(30, TimeUnit.SECONDS)).isTrue();

			var secondDesk = desks.submit(() -> patients.register(person));
			Thread.sleep(700);
			assertThat(secondDesk.isDone()).as("the second registration waits for the first to commit").isFalse();

			commitFirst.countDown();
			var first = firstDesk.get(30, TimeUnit.SECONDS);
			var refused = catchThrowable(() -> secondDesk.get(30, TimeUnit.SECONDS));
			assertThat(refused).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(LikelyDuplicateException.class);
			assertThat(((LikelyDuplicateException) refused.getCause()).candidates()).extracting(Patient::id)
				.containsExactly(first.id());
		}
		finally {
			desks.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from patient where family_name = 'Qvrtzhopper'").query(Long.class).single())
			.isEqualTo(1);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
