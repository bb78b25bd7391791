package clinic.session.records;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which adverse-event grades pause the patient's course (application.yml, {@code clinic.session.adverse-events};
 * DOMAIN.md: a serious one pauses the course). The session service grades the event, so it owns the rule: it pauses
 * the patient's dosing itself at once and tells scheduling, in the event, that the course is to be paused.
 */
@ConfigurationProperties("clinic.session.adverse-events")
public record AdverseEventSettings(Set<AdverseEventGrade> pauseCourseOn) {

	public AdverseEventSettings {
		if (pauseCourseOn == null || !pauseCourseOn.contains(AdverseEventGrade.SERIOUS)) {
			throw new IllegalArgumentException(
					"clinic.session.adverse-events.pause-course-on must include SERIOUS (DOMAIN.md)");
		}
		pauseCourseOn = Set.copyOf(EnumSet.copyOf(pauseCourseOn));
	}

	public boolean pausesCourse(AdverseEventGrade grade) {
		return pauseCourseOn.contains(grade);
	}
}
