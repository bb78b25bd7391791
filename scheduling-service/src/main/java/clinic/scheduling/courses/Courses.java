package clinic.scheduling.courses;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where courses are kept. */
public interface Courses {

	void insert(Course course);

	/** Saves a changed course if nobody changed it since it was read (optimistic check on the version). */
	void update(Course course);

	Optional<Course> find(UUID id);

	/** Reads the course and holds it until the transaction ends, so bookings into one course queue up. */
	Optional<Course> findForUpdate(UUID id);

	/** The patient's open course (TO_PLAN or ACTIVE); there is at most one. */
	Optional<Course> openOf(UUID patientId);

	/** The patient's unfinished course (TO_PLAN, ACTIVE or PAUSED); there is at most one. */
	Optional<Course> unfinishedOf(UUID patientId);

	/** Whether the patient has a course not yet finished: open or paused (not completed, not cancelled). */
	boolean hasUnfinished(UUID patientId);

	List<Course> ofPatient(UUID patientId);

	/** The patient's courses, oldest first, each held until the transaction ends. */
	List<Course> ofPatientForUpdate(UUID patientId);

	/** Every course, or those in the given status when it is not null, oldest first. */
	List<Course> all(CourseStatus status);

	/** The page of courses the search asks for, oldest first, and the number of all that match. */
	CourseSearch.Page search(CourseSearch search);
}
