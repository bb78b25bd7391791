package clinic.session.records;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;

/**
 * Which adverse-event grades pause the patient's course (application.yml, {@code clinic.session.adverse-events};
 * DOMAIN.md: a serious one pauses the course, so a setting without SERIOUS, or none, is refused at start-up). The
 * session service grades the event, so it owns the rule: it pauses the patient's dosing itself at once and tells
 * scheduling, in the event, that the course is to be paused.
 */
@Validated
@ConfigurationProperties("clinic.session.adverse-events")
public record AdverseEventSettings(Set<AdverseEventGrade> pauseCourseOn) {

	/** None given is none at all (then refused); the grades given, immutable. */
	public AdverseEventSettings {
		pauseCourseOn = pauseCourseOn == null || pauseCourseOn.isEmpty() ? Set.of()
				: Set.copyOf(EnumSet.copyOf(pauseCourseOn));
	}

	@AssertTrue(message = "clinic.session.adverse-events.pause-course-on must include SERIOUS (DOMAIN.md)")
	public boolean isSeriousPausing() {
		return pauseCourseOn.contains(AdverseEventGrade.SERIOUS);
	}

	public boolean pausesCourse(AdverseEventGrade grade) {
		return pauseCourseOn.contains(grade);
	}
}
