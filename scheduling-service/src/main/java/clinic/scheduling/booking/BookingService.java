package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.resources.Chairs;
import clinic.scheduling.resources.ClinicHours;

/** Books a course's infusions into chairs and marks them fulfilled when the session was completed. */
@Service
public class BookingService {

	private static final Logger log = LoggerFactory.getLogger(BookingService.class);

	private final CourseService courses;

	private final Chairs chairs;

	private final Appointments appointments;

	private final SchedulingSettings settings;

	private final ClinicHours hours;

	private final ClinicEvents events;

	private final Clock clock;

	BookingService(CourseService courses, Chairs chairs, Appointments appointments, SchedulingSettings settings,
			ClinicEvents events, Clock clock) {
		this.courses = courses;
		this.chairs = chairs;
		this.appointments = appointments;
		this.settings = settings;
		this.hours = settings.clinicHours();
		this.events = events;
		this.clock = clock;
	}

	/** One infusion into a chair, starting at {@code start}; it holds the chair for the clinic's chair time. */
	public record Booking(UUID chairId, Instant start) {
	}

	@Transactional
	public Appointment book(UUID courseId, Booking booking) {
		var course = courses.holdForBooking(courseId);
		if (!course.status().isOpen()) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; only a course TO_PLAN or ACTIVE takes bookings");
		}
		var chair = chairs.find(booking.chairId())
			.orElseThrow(() -> new InvalidInputException("chairId", "There is no chair " + booking.chairId()));
		var start = booking.start().truncatedTo(ChronoUnit.MICROS);
		if (!start.isAfter(clock.instant())) {
			throw new InvalidInputException("start", "An infusion can only be booked in the future");
		}
		var end = start.plus(settings.chairTime().total());
		if (!hours.covers(start, end)) {
			throw new InvalidInputException("start", hours.describe(start, end) + " is outside clinic hours " + hours
					+ " (an infusion holds the chair " + settings.chairTime().total().toMinutes() + " min)");
		}
		int booked = appointments.countBooked(courseId);
		if (booked >= course.plannedInfusions()) {
			throw new ConflictException("All " + course.plannedInfusions() + " planned infusions of the course of "
					+ course.patientName() + " are booked");
		}
		var appointment = Appointment.infusion(course, chair, booked + 1, start, end, CurrentUser.name(),
				clock.instant());
		try {
			appointments.insert(appointment);
		}
		catch (AppointmentCollision collision) {
			throw new ConflictException(explain(collision, appointment));
		}
		var changed = courses.infusionBooked(course);
		events.publish(AppointmentBooked.of(appointment, changed));
		return appointment;
	}

	/**
	 * The session of the appointment was completed: the appointment is fulfilled and the course counts its
	 * fulfilled appointments. Repeats change nothing.
	 */
	@Transactional
	public void sessionCompleted(UUID appointmentId, UUID patientId, Instant completedAt) {
		var appointment = appointments.find(appointmentId)
			.filter(a -> a.patientId().equals(patientId))
			.orElseThrow(() -> new NotFoundException("Appointment of patient " + patientId, appointmentId));
		if (appointment.status() == AppointmentStatus.FULFILLED) {
			return;
		}
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			log.warn("A session was completed for cancelled appointment {}; the appointment stays cancelled",
					appointmentId);
			return;
		}
		appointments.fulfil(appointmentId, completedAt);
		courses.infusionsGiven(appointment.courseId(), appointments.countFulfilled(appointment.courseId()));
	}

	@Transactional(readOnly = true)
	public List<Appointment> ofCourse(UUID courseId) {
		return appointments.ofCourses(List.of(courseId));
	}

	/** Appointments per course, for listing many courses at once. */
	@Transactional(readOnly = true)
	public Map<UUID, List<Appointment>> ofCourses(Collection<UUID> courseIds) {
		if (courseIds.isEmpty()) {
			return Map.of();
		}
		return appointments.ofCourses(courseIds).stream().collect(Collectors.groupingBy(Appointment::courseId));
	}

	/** Says in words what the slot collided with, and when that is. */
	private String explain(AppointmentCollision collision, Appointment wanted) {
		return switch (collision.with()) {
			case CHAIR -> appointments.overlappingInChair(wanted.chairId(), wanted.start(), wanted.end())
				.stream()
				.findFirst()
				.map(other -> wanted.chairName() + " is already booked " + hours.describe(other.start(), other.end()))
				.orElse(wanted.chairName() + " is being booked for an overlapping time by someone else; choose another time");
			case PATIENT -> appointments.overlappingOfPatient(wanted.patientId(), wanted.start(), wanted.end())
				.stream()
				.findFirst()
				.map(other -> "The patient already has an appointment then: " + other.chairName() + " "
						+ hours.describe(other.start(), other.end()))
				.orElse("The patient is being booked for an overlapping time by someone else; reload and try again");
			case BOOKING_IN_PROGRESS -> wanted.chairName()
					+ " or the patient is being booked for an overlapping time by someone else; choose another time";
		};
	}
}
