package clinic.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A change's audit row: the patient its path names is looked up before the change's transaction begins, never inside
 * it (a failed statement would abort the transaction and the change with it); inside the transaction only the row is
 * inserted, and it counts as written once the transaction has committed.
 */
class AuditedChangesTest {

	private static final String PATTERN = "/api/session/records/{id}/vitals";

	private final List<AuditLog.Row> rows = new ArrayList<>();

	private RuntimeException refusal;

	private final AuditLog auditLog = new AuditLog(null) {
		@Override
		public void write(Row row) {
			if (refusal != null) {
				throw refusal;
			}
			rows.add(row);
		}
	};

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/session/records/r1/vitals");

	private AuditEntry entry;

	@BeforeEach
	void aChangeIsBeingServed() {
		entry = new AuditEntry("POST", request.getRequestURI(), "203.0.113.9", "test");
		request.setAttribute(AuditEntry.ATTRIBUTE, entry);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "r1"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@AfterEach
	void done() {
		RequestContextHolder.resetRequestAttributes();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void givenAChangeWhosePathNamesItsPatientByAnotherIdThenThePatientIsLookedUpBeforeTheHandlerRuns() {
		var patient = UUID.randomUUID();
		var asked = new AtomicInteger();
		new AuditedCallInterceptor(paths((pattern, variables) -> {
			asked.incrementAndGet();
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
			return pattern.equals(PATTERN) && variables.get("id").equals("r1") ? Optional.of(patient) : Optional.empty();
		})).preHandle(request, new MockHttpServletResponse(), new Object());

		assertThat(entry.patients).containsExactly(patient);
		entry.namePatientOfPath(paths((pattern, variables) -> {
			asked.incrementAndGet();
			return Optional.empty();
		}));
		assertThat(asked).as("asked once per call").hasValue(1);
	}

	@Test
	void givenTheLookupFailsThenTheChangeGoesOnAndItsRowNamesNoPatient() {
		new AuditedCallInterceptor(paths((pattern, variables) -> {
			throw new IllegalStateException("the lookup's query failed");
		})).preHandle(request, new MockHttpServletResponse(), new Object());

		var synchronization = transactionBegun();
		synchronization.beforeCommit(false);
		synchronization.afterCommit();

		assertThat(rows).singleElement().satisfies(row -> assertThat(row.patientIds()).isEmpty());
	}

	@Test
	void givenAReadThenItsPatientIsNotLookedUpBeforeItsAnswer() {
		var read = new MockHttpServletRequest("GET", "/api/session/records/r1");
		var readEntry = new AuditEntry("GET", read.getRequestURI(), null, null);
		read.setAttribute(AuditEntry.ATTRIBUTE, readEntry);
		read.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/session/records/{id}");
		read.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "r1"));
		var asked = new AtomicInteger();

		new AuditedCallInterceptor(paths((pattern, variables) -> {
			asked.incrementAndGet();
			return Optional.of(UUID.randomUUID());
		})).preHandle(read, new MockHttpServletResponse(), new Object());

		assertThat(asked).hasValue(0);
	}

	@Test
	void givenTheChangeCommitsThenItsRowIsWrittenBeforeTheCommitAndCountsAsWrittenAfterIt() {
		entry.expectedStatus = 201;
		var synchronization = transactionBegun();

		synchronization.beforeCommit(false);
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo(201));
		assertThat(entry.writtenOutcome).as("not before the commit succeeded").isNull();

		synchronization.afterCommit();
		assertThat(entry.writtenOutcome).isEqualTo(201);
	}

	@Test
	void givenTheCommitFailsAfterTheRowWasInsertedThenTheRowDoesNotCountAsWritten() {
		var synchronization = transactionBegun();

		synchronization.beforeCommit(false);
		synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(entry.writtenOutcome).as("the filter records the answer the caller got").isNull();
	}

	@Test
	void givenTheRowCannotBeInsertedThenTheChangeIsRefusedForTheAuditTrail() {
		refusal = new IllegalStateException("disk full");
		var synchronization = transactionBegun();

		assertThatThrownBy(() -> synchronization.beforeCommit(false)).isInstanceOf(AuditUnavailableException.class)
			.hasCause(refusal);
		assertThat(entry.writtenOutcome).isNull();
	}

	/** A read-write transaction began while the change is served: the synchronization it registered. */
	private TransactionSynchronization transactionBegun() {
		TransactionSynchronizationManager.initSynchronization();
		new AuditedChanges(auditLog).afterBegin(new TransactionExecution() {
		}, null);
		assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
		return TransactionSynchronizationManager.getSynchronizations().get(0);
	}

	private static ObjectProvider<PatientsOfPath> paths(PatientsOfPath path) {
		return new StaticListableBeanFactory(Map.of("patientsOfPath", path)).getBeanProvider(PatientsOfPath.class);
	}
}
