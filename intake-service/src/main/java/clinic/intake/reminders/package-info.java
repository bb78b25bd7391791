/**
 * Reminders to patients: the patient's e-mail address and consent to each channel (front desk), a projection of
 * scheduling's appointments and courses, the reminders planned from it (an appointment's the lead time before its
 * start, a course's confirmation when its appointments are booked; cancelled when the appointment is cancelled or
 * moved, or the course paused or cancelled; planned again when the course resumes), the templates per site, and the
 * sender that claims due reminders and sends them through each consented channel ({@link EmailSender},
 * {@link SmsSender}), keeping each channel's outcome.
 */
package clinic.intake.reminders;
