package clinic.session.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.inbox.EventHandler;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.appointments.CourseState;
import clinic.session.appointments.CourseStatus;
import clinic.session.path.PathService;
import clinic.session.records.SessionRecordService;

/**
 * What session-service hears from scheduling: the nurse's list of appointments and the state of each course (the
 * newest version wins). Each record is session's own reading of the event: only what it needs.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingEvents {

	/** clinic.scheduling.appointment-booked.v1 */
	record AppointmentBooked(UUID patientId, long aggregateVersion, UUID appointmentId, UUID courseId,
			String patientName, UUID siteId, String siteName, String timeZone, UUID chairId, String chairName,
			AppointmentKind kind, int sequence, Integer courseInfusions, Instant start, Instant end) {
	}

	/** clinic.scheduling.appointment-rescheduled.v1 */
	record AppointmentRescheduled(UUID patientId, long aggregateVersion, Instant occurredAt, UUID appointmentId,
			UUID newAppointmentId, UUID siteId, String siteName, String timeZone, UUID chairId, String chairName,
			Instant start, Instant end) {
	}

	/** clinic.scheduling.appointment-cancelled.v1 and appointment-no-show.v1 */
	record AppointmentEnded(UUID patientId, long aggregateVersion, Instant occurredAt, UUID appointmentId) {
	}

	/** clinic.scheduling.course-paused.v1, course-cancelled.v1 and course-completed.v1 (no {@code reason}) */
	record CourseChanged(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
			@Nullable String reason) {

		CourseState as(CourseStatus status) {
			return new CourseState(courseId, patientId, status, reason, aggregateVersion, occurredAt);
		}
	}

	/** clinic.scheduling.course-resumed.v1 */
	record CourseResumed(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
			CourseStatus status, List<UUID> adverseEventIds) {
	}

	/** A booked infusion appears on the nurse's list of appointments, on its day at its site. */
	@Bean
	EventHandler<AppointmentBooked> appointmentBooked(AppointmentService appointments) {
		return EventHandler.on("clinic.scheduling.appointment-booked.v1", AppointmentBooked.class,
				data -> appointments.booked(new BookedAppointment(data.appointmentId(), data.patientId(),
						data.patientName(), data.courseId(),
						new BookedAppointment.Place(data.siteId(), data.siteName(), ZoneId.of(data.timeZone()),
								data.chairId()),
						data.chairName(), data.kind(), data.sequence(), data.courseInfusions(), data.start(),
						data.end(), data.aggregateVersion())));
	}

	/** A rescheduled appointment moves on the nurse's list (new time and chair), unless its record is already open. */
	@Bean
	EventHandler<AppointmentRescheduled> appointmentRescheduled(SessionRecordService records) {
		return EventHandler.on("clinic.scheduling.appointment-rescheduled.v1", AppointmentRescheduled.class,
				data -> records.appointmentMoved(new AppointmentService.Move(data.appointmentId(),
						data.newAppointmentId(),
						new BookedAppointment.Place(data.siteId(), data.siteName(), ZoneId.of(data.timeZone()),
								data.chairId()),
						data.chairName(), data.start(), data.end(), data.aggregateVersion(), data.occurredAt())));
	}

	/** A cancelled appointment leaves the nurse's list, unless its session record is already open. */
	@Bean
	EventHandler<AppointmentEnded> appointmentCancelled(SessionRecordService records) {
		return EventHandler.on("clinic.scheduling.appointment-cancelled.v1", AppointmentEnded.class,
				data -> records.appointmentCancelled(data.appointmentId(), data.aggregateVersion(),
						data.occurredAt()));
	}

	/** A no-show leaves the nurse's list and no longer waits its turn in the course. */
	@Bean
	EventHandler<AppointmentEnded> appointmentNoShow(AppointmentService appointments) {
		return EventHandler.on("clinic.scheduling.appointment-no-show.v1", AppointmentEnded.class,
				data -> appointments.noShow(data.appointmentId(), data.aggregateVersion(), data.occurredAt()));
	}

	@Bean
	EventHandler<CourseChanged> coursePaused(AppointmentService appointments) {
		return EventHandler.on("clinic.scheduling.course-paused.v1", CourseChanged.class,
				data -> appointments.courseChanged(data.as(CourseStatus.PAUSED)));
	}

	@Bean
	EventHandler<CourseChanged> courseCancelled(AppointmentService appointments) {
		return EventHandler.on("clinic.scheduling.course-cancelled.v1", CourseChanged.class,
				data -> appointments.courseChanged(data.as(CourseStatus.CANCELLED)));
	}

	@Bean
	EventHandler<CourseChanged> courseCompleted(AppointmentService appointments) {
		return EventHandler.on("clinic.scheduling.course-completed.v1", CourseChanged.class,
				data -> appointments.courseChanged(data.as(CourseStatus.COMPLETED)));
	}

	/** A resumed course lifts the dosing pauses of the adverse events its resumption answers. */
	@Bean
	EventHandler<CourseResumed> courseResumed(PathService path) {
		return EventHandler.on("clinic.scheduling.course-resumed.v1", CourseResumed.class,
				data -> path.courseResumed(new CourseState(data.courseId(), data.patientId(), data.status(), null,
						data.aggregateVersion(), data.occurredAt()), data.adverseEventIds()));
	}
}
