package clinic.session.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * CADSS-6 (Rodrigues 2021): items 1, 2, 6, 7, 15 and 22 of the CADSS, each 0–4, total 0–24; recorded per session,
 * no cut-off.
 */
public record Cadss6(List<Integer> items, String recordedBy, Instant recordedAt) {

	public Cadss6 {
		items = Scores.checked("items", "CADSS-6", items, 6, 4);
	}

	public int total() {
		return items.stream().mapToInt(Integer::intValue).sum();
	}
}
