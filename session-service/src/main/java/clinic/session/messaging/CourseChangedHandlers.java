package clinic.session.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.CourseState;
import clinic.session.appointments.CourseStatus;
import clinic.session.path.PathService;

/** Scheduling's announcements about a course: paused, resumed, cancelled, completed (the newest version wins). */
final class CourseChangedHandlers {

	private CourseChangedHandlers() {
	}

	/** Session's own reading of clinic.scheduling.course-paused.v1. */
	record CoursePaused(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId, String reason) {
	}

	@Component
	static class Paused implements EventHandler<CoursePaused> {

		private final AppointmentService appointments;

		Paused(AppointmentService appointments) {
			this.appointments = appointments;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-paused.v1";
		}

		@Override
		public Class<CoursePaused> dataType() {
			return CoursePaused.class;
		}

		@Override
		public void handle(CoursePaused data, InboundEvent event) {
			appointments.courseChanged(new CourseState(data.courseId(), data.patientId(), CourseStatus.PAUSED,
					data.reason(), data.aggregateVersion(), data.occurredAt()));
		}
	}

	/** Session's own reading of clinic.scheduling.course-resumed.v1. */
	record CourseResumed(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
			CourseStatus status, List<UUID> adverseEventIds) {
	}

	@Component
	static class Resumed implements EventHandler<CourseResumed> {

		private final PathService path;

		Resumed(PathService path) {
			this.path = path;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-resumed.v1";
		}

		@Override
		public Class<CourseResumed> dataType() {
			return CourseResumed.class;
		}

		@Override
		public void handle(CourseResumed data, InboundEvent event) {
			path.courseResumed(new CourseState(data.courseId(), data.patientId(), data.status(), null,
					data.aggregateVersion(), data.occurredAt()), data.adverseEventIds());
		}
	}

	/** Session's own reading of clinic.scheduling.course-cancelled.v1. */
	record CourseCancelled(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId, String reason) {
	}

	@Component
	static class Cancelled implements EventHandler<CourseCancelled> {

		private final AppointmentService appointments;

		Cancelled(AppointmentService appointments) {
			this.appointments = appointments;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-cancelled.v1";
		}

		@Override
		public Class<CourseCancelled> dataType() {
			return CourseCancelled.class;
		}

		@Override
		public void handle(CourseCancelled data, InboundEvent event) {
			appointments.courseChanged(new CourseState(data.courseId(), data.patientId(), CourseStatus.CANCELLED,
					data.reason(), data.aggregateVersion(), data.occurredAt()));
		}
	}

	/** Session's own reading of clinic.scheduling.course-completed.v1. */
	record CourseCompleted(UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId) {
	}

	@Component
	static class Completed implements EventHandler<CourseCompleted> {

		private final AppointmentService appointments;

		Completed(AppointmentService appointments) {
			this.appointments = appointments;
		}

		@Override
		public String type() {
			return "clinic.scheduling.course-completed.v1";
		}

		@Override
		public Class<CourseCompleted> dataType() {
			return CourseCompleted.class;
		}

		@Override
		public void handle(CourseCompleted data, InboundEvent event) {
			appointments.courseChanged(new CourseState(data.courseId(), data.patientId(), CourseStatus.COMPLETED, null,
					data.aggregateVersion(), data.occurredAt()));
		}
	}
}
