package clinic.session.monitoring;

import java.util.List;

/**
 * PHQ-9 taken before the session, scored as published (Kroenke 2001): nine items 0–3, total 0–27; an answer above
 * 0 to item 9 flags suicide risk.
 */
public record Phq9(List<Integer> items) {

	public Phq9 {
		items = Scores.checked("phq9Items", "PHQ-9", items, 9, 3);
	}

	public int total() {
		return items.stream().mapToInt(Integer::intValue).sum();
	}

	public boolean suicideRiskFlag() {
		return items.get(8) > 0;
	}
}
