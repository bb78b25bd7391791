package clinic.scheduling.calendar;

import java.util.UUID;

/**
 * What this instance's own writes of appointments tell the planning calendars it keeps in memory, so that its next
 * read shows them: every writer of appointments says what it wrote, in the transaction that writes it.
 */
public interface CalendarChanges {

	/**
	 * Appointments change in this transaction (a status, a hold, a time): once it commits, every site's kept calendar
	 * is read again. Outside a transaction at once.
	 */
	void changed();

	/**
	 * An appointment is added at the site in this transaction, PostgreSQL's {@code transactionId} for it: once the
	 * transaction commits, it is added to the site's kept calendar, which stays kept. Outside a transaction the site's
	 * calendar is read again.
	 */
	void added(UUID siteId, CalendarAppointment appointment, long transactionId);
}
