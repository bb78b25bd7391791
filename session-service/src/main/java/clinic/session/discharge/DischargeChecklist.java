package clinic.session.discharge;

import java.time.Instant;

/**
 * The nurse's discharge checklist (DOMAIN.md): vitals back near baseline, alert and oriented, walking steadily,
 * escort present, written instructions given; who checked it and when.
 */
public record DischargeChecklist(boolean vitalsNearBaseline, boolean alertAndOriented, boolean steadyGait,
		boolean escortPresent, boolean instructionsGiven, String checkedBy, Instant checkedAt) {
}
