package clinic.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import clinic.platform.events.ClinicEvent;

/**
 * Writes a change's audit row in the change's own database transaction, just before it commits: if the row cannot
 * be written the transaction rolls back ({@link AuditUnavailableException}, answered 503), so no change is ever
 * made that the audit trail does not show.
 * <p>
 * Spring Boot hands every {@link TransactionExecutionListener} bean to the transaction manager. When a new
 * read-write transaction begins while an API call that changes something (POST, PUT, PATCH, DELETE) is being served,
 * this registers a {@link TransactionSynchronization} whose {@code beforeCommit} inserts the row on the
 * transaction's own connection, and does nothing else there: a statement that failed inside the transaction would
 * abort it (PostgreSQL's 25P02) and the change would be refused for the audit trail's sake. The row names the patients
 * known by then: the path's {@code patientId} or the patient {@link PatientsOfPath} found for the path before the
 * handler's transaction began ({@link AuditedCallInterceptor}), the patient of every {@link ClinicEvent} the change
 * published, and any the service named with {@link AuditedCall}. Its outcome is the status the change answers with on
 * success, and counts as written only once the transaction has committed; should the answer differ (or the commit
 * fail), {@link AuditTrailFilter} records the answer too. Read-only transactions and work outside an API call (event
 * consumers, schedules) are left alone.
 */
@Component
class AuditedChanges implements TransactionExecutionListener {

	private final AuditLog auditLog;

	AuditedChanges(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		var entry = AuditEntry.current();
		if (beginFailure != null || entry == null || !entry.isChange() || transaction.isReadOnly()
				|| !transaction.isNewTransaction() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			/** The outcome this transaction's row says, once it is inserted; written only if the commit succeeds. */
			private @Nullable Integer inserted;

			@Override
			public void beforeCommit(boolean readOnly) {
				var outcome = entry.expectedStatus != null ? entry.expectedStatus : 200;
				try {
					auditLog.write(entry.row(outcome));
				}
				catch (RuntimeException failure) {
					throw new AuditUnavailableException(failure);
				}
				inserted = outcome;
			}

			@Override
			public void afterCommit() {
				if (inserted != null) {
					entry.writtenOutcome = inserted;
				}
			}
		});
	}

	/** Events are published inside the change's transaction, before it commits: their patient is the change's. */
	@EventListener
	void on(ClinicEvent event) {
		AuditedCall.concerns(event.patientId());
	}
}
