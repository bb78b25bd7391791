package clinic.intake.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.intake.reminders.AppointmentState;
import clinic.intake.reminders.BookedAppointment;
import clinic.intake.reminders.CourseState;
import clinic.intake.reminders.ReminderPlanning;
import clinic.platform.inbox.EventHandler;

/**
 * Scheduling's news of infusions and courses, which the patient's reminders follow (clinic.intake.reminders). Each
 * record is intake's own reading of the event: only what the reminders need.
 */
@Configuration(proxyBeanMethods = false)
class ReminderEvents {

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

	@Bean
	EventHandler<AppointmentBookedNews> appointmentBooked(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.appointment-booked.v1", AppointmentBookedNews.class,
				d -> planning.booked(new BookedAppointment(d.appointmentId(), d.patientId(), d.courseId(),
						AppointmentState.BOOKED, d.kind(), d.sequence(), d.courseInfusions(), d.start(), d.siteId(),
						d.siteName(), d.timeZone(), d.chairName())));
	}

	@Bean
	EventHandler<AppointmentRescheduledNews> appointmentRescheduled(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.appointment-rescheduled.v1", AppointmentRescheduledNews.class,
				d -> planning.moved(d.patientId(), d.appointmentId(),
						new BookedAppointment(d.newAppointmentId(), d.patientId(), null, AppointmentState.BOOKED, null,
								null, null, d.start(), d.siteId(), d.siteName(), d.timeZone(), d.chairName())));
	}

	@Bean
	EventHandler<AppointmentEndedNews> appointmentCancelled(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.appointment-cancelled.v1", AppointmentEndedNews.class,
				d -> planning.ended(d.patientId(), d.appointmentId(), d.courseId(), AppointmentState.CANCELLED));
	}

	@Bean
	EventHandler<AppointmentEndedNews> appointmentNoShow(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.appointment-no-show.v1", AppointmentEndedNews.class,
				d -> planning.ended(d.patientId(), d.appointmentId(), d.courseId(), AppointmentState.NO_SHOW));
	}

	@Bean
	EventHandler<CoursePlannedNews> coursePlanned(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.course-planned.v1", CoursePlannedNews.class,
				d -> planning.coursePlanned(d.patientId(), d.courseId(), d.aggregateVersion(),
						d.appointments()
							.stream()
							.map(o -> new BookedAppointment(o.appointmentId(), d.patientId(), d.courseId(),
									AppointmentState.BOOKED, null, o.sequence(), d.plannedInfusions(), o.start(), null,
									null, null, o.chairName()))
							.toList()));
	}

	@Bean
	EventHandler<CoursePausedNews> coursePaused(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.course-paused.v1", CoursePausedNews.class,
				d -> planning.courseHalted(d.patientId(), d.courseId(), d.aggregateVersion(), CourseState.PAUSED,
						d.heldAppointmentIds()));
	}

	@Bean
	EventHandler<CourseCancelledNews> courseCancelled(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.course-cancelled.v1", CourseCancelledNews.class,
				d -> planning.courseHalted(d.patientId(), d.courseId(), d.aggregateVersion(), CourseState.CANCELLED,
						d.cancelledAppointmentIds()));
	}

	@Bean
	EventHandler<CourseGoesOnNews> courseResumed(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.course-resumed.v1", CourseGoesOnNews.class,
				d -> planning.courseGoesOn(d.patientId(), d.courseId(), d.aggregateVersion(),
						"COMPLETED".equals(d.status()) ? CourseState.COMPLETED : CourseState.ACTIVE));
	}

	@Bean
	EventHandler<CourseGoesOnNews> courseCompleted(ReminderPlanning planning) {
		return EventHandler.on("clinic.scheduling.course-completed.v1", CourseGoesOnNews.class,
				d -> planning.courseGoesOn(d.patientId(), d.courseId(), d.aggregateVersion(), CourseState.COMPLETED));
	}
}
