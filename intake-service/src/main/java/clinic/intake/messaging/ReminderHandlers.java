package clinic.intake.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import clinic.intake.reminders.AppointmentState;
import clinic.intake.reminders.BookedAppointment;
import clinic.intake.reminders.CourseState;
import clinic.intake.reminders.ReminderPlanning;
import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;

/**
 * Scheduling's news of infusions and courses, which the patient's reminders follow (clinic.intake.reminders). Each
 * record is intake's own reading of the event: only what the reminders need.
 */
final class ReminderHandlers {

	private ReminderHandlers() {
	}

	/** clinic.scheduling.appointment-booked.v1 */
	record AppointmentBookedNews(UUID patientId, long aggregateVersion, UUID appointmentId, UUID courseId,
			String chairName, String kind, int sequence, Instant start, UUID siteId, @Nullable String siteName,
			String timeZone, @Nullable Integer courseInfusions) {
	}

	/** clinic.scheduling.appointment-rescheduled.v1 */
	record AppointmentRescheduledNews(UUID patientId, long aggregateVersion, UUID appointmentId,
			UUID newAppointmentId, String chairName, Instant start, UUID siteId, @Nullable String siteName,
			String timeZone) {
	}

	/** clinic.scheduling.appointment-cancelled.v1 and -no-show.v1 */
	record AppointmentEndedNews(UUID patientId, long aggregateVersion, UUID appointmentId, UUID courseId) {
	}

	/** clinic.scheduling.course-planned.v1 */
	record CoursePlannedNews(UUID patientId, long aggregateVersion, UUID courseId, int plannedInfusions,
			List<Occurrence> appointments) {

		record Occurrence(UUID appointmentId, int sequence, String chairName, Instant start) {
		}
	}

	/** clinic.scheduling.course-paused.v1 */
	record CoursePausedNews(UUID patientId, long aggregateVersion, UUID courseId, List<UUID> heldAppointmentIds) {
	}

	/** clinic.scheduling.course-cancelled.v1 */
	record CourseCancelledNews(UUID patientId, long aggregateVersion, UUID courseId,
			List<UUID> cancelledAppointmentIds) {
	}

	/** clinic.scheduling.course-resumed.v1 and -completed.v1 ({@code status} only in a resumption) */
	record CourseGoesOnNews(UUID patientId, long aggregateVersion, UUID courseId, @Nullable String status) {
	}

	@Component
	static class AppointmentBooked implements EventHandler<AppointmentBookedNews> {

		private final ReminderPlanning planning;

		AppointmentBooked(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.appointment-booked.v1";
		}

		@Override
		public Class<AppointmentBookedNews> dataType() {
			return AppointmentBookedNews.class;
		}

		@Override
		public void handle(AppointmentBookedNews d, InboundEvent event) {
			planning.booked(new BookedAppointment(d.appointmentId(), d.patientId(), d.courseId(),
					AppointmentState.BOOKED, d.kind(), d.sequence(), d.courseInfusions(), d.start(), d.siteId(),
					d.siteName(), d.timeZone(), d.chairName()));
		}
	}

	@Component
	static class AppointmentRescheduled implements EventHandler<AppointmentRescheduledNews> {

		private final ReminderPlanning planning;

		AppointmentRescheduled(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.appointment-rescheduled.v1";
		}

		@Override
		public Class<AppointmentRescheduledNews> dataType() {
			return AppointmentRescheduledNews.class;
		}

		@Override
		public void handle(AppointmentRescheduledNews d, InboundEvent event) {
			planning.moved(d.patientId(), d.appointmentId(),
					new BookedAppointment(d.newAppointmentId(), d.patientId(), null, AppointmentState.BOOKED, null,
							null, null, d.start(), d.siteId(), d.siteName(), d.timeZone(), d.chairName()));
		}
	}

	@Component
	static class AppointmentCancelled implements EventHandler<AppointmentEndedNews> {

		private final ReminderPlanning planning;

		AppointmentCancelled(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.appointment-cancelled.v1";
		}

		@Override
		public Class<AppointmentEndedNews> dataType() {
			return AppointmentEndedNews.class;
		}

		AppointmentState state() {
			return AppointmentState.CANCELLED;
		}

		@Override
		public void handle(AppointmentEndedNews d, InboundEvent event) {
			planning.ended(d.patientId(), d.appointmentId(), d.courseId(), state());
		}
	}

	@Component
	static class AppointmentNoShow extends AppointmentCancelled {

		AppointmentNoShow(ReminderPlanning planning) {
			super(planning);
		}

		@Override
		public String type() {
			return "clinic.scheduling.appointment-no-show.v1";
		}

		@Override
		AppointmentState state() {
			return AppointmentState.NO_SHOW;
		}
	}

	@Component
	static class CoursePlanned implements EventHandler<CoursePlannedNews> {

		private final ReminderPlanning planning;

		CoursePlanned(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-planned.v1";
		}

		@Override
		public Class<CoursePlannedNews> dataType() {
			return CoursePlannedNews.class;
		}

		@Override
		public void handle(CoursePlannedNews d, InboundEvent event) {
			planning.coursePlanned(d.patientId(), d.courseId(), d.aggregateVersion(),
					d.appointments()
						.stream()
						.map(o -> new BookedAppointment(o.appointmentId(), d.patientId(), d.courseId(),
								AppointmentState.BOOKED, null, o.sequence(), d.plannedInfusions(), o.start(), null,
								null, null, o.chairName()))
						.toList());
		}
	}

	@Component
	static class CoursePaused implements EventHandler<CoursePausedNews> {

		private final ReminderPlanning planning;

		CoursePaused(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-paused.v1";
		}

		@Override
		public Class<CoursePausedNews> dataType() {
			return CoursePausedNews.class;
		}

		@Override
		public void handle(CoursePausedNews d, InboundEvent event) {
			planning.courseHalted(d.patientId(), d.courseId(), d.aggregateVersion(), CourseState.PAUSED,
					d.heldAppointmentIds());
		}
	}

	@Component
	static class CourseCancelled implements EventHandler<CourseCancelledNews> {

		private final ReminderPlanning planning;

		CourseCancelled(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-cancelled.v1";
		}

		@Override
		public Class<CourseCancelledNews> dataType() {
			return CourseCancelledNews.class;
		}

		@Override
		public void handle(CourseCancelledNews d, InboundEvent event) {
			planning.courseHalted(d.patientId(), d.courseId(), d.aggregateVersion(), CourseState.CANCELLED,
					d.cancelledAppointmentIds());
		}
	}

	@Component
	static class CourseResumed implements EventHandler<CourseGoesOnNews> {

		private final ReminderPlanning planning;

		CourseResumed(ReminderPlanning planning) {
			this.planning = planning;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-resumed.v1";
		}

		@Override
		public Class<CourseGoesOnNews> dataType() {
			return CourseGoesOnNews.class;
		}

		@Override
		public void handle(CourseGoesOnNews d, InboundEvent event) {
			planning.courseGoesOn(d.patientId(), d.courseId(), d.aggregateVersion(),
					"COMPLETED".equals(d.status()) ? CourseState.COMPLETED : CourseState.ACTIVE);
		}
	}

	@Component
	static class CourseCompleted extends CourseResumed {

		CourseCompleted(ReminderPlanning planning) {
			super(planning);
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-completed.v1";
		}

		@Override
		public void handle(CourseGoesOnNews d, InboundEvent event) {
			super.handle(new CourseGoesOnNews(d.patientId(), d.aggregateVersion(), d.courseId(), "COMPLETED"), event);
		}
	}
}
