package clinic.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * transaction's own connection. The row names the patients known by then: the path's {@code patientId}, the patient
 * of every {@link ClinicEvent} the change published, and any the service named with {@link AuditedCall}. Its outcome
 * is the status the change answers with on success; should the answer differ, {@link AuditTrailFilter} records the
 * answer too. Read-only transactions and work outside an API call (event consumers, schedules) are left alone.
 */
@Component
class AuditedChanges implements TransactionExecutionListener {

	private final AuditLog auditLog;

	private final ObjectProvider<PatientsOfPath> patientsOfPaths;

	AuditedChanges(AuditLog auditLog, ObjectProvider<PatientsOfPath> patientsOfPaths) {
		this.auditLog = auditLog;
		this.patientsOfPaths = patientsOfPaths;
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		var entry = AuditEntry.current();
		if (beginFailure != null || entry == null || !entry.isChange() || transaction.isReadOnly()
				|| !transaction.isNewTransaction() || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				var outcome = entry.expectedStatus != null ? entry.expectedStatus : 200;
				try {
					entry.namePatientOfPath(patientsOfPaths);
					auditLog.write(entry.row(outcome));
				}
				catch (RuntimeException failure) {
					throw new AuditUnavailableException(failure);
				}
				entry.writtenOutcome = outcome;
			}
		});
	}

	/** Events are published inside the change's transaction, before it commits: their patient is the change's. */
	@EventListener
	void on(ClinicEvent event) {
		AuditedCall.concerns(event.patientId());
	}
}
