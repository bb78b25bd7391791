package clinic.intake.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One instrument's series for a patient, with the figures a clinician reads off it.
 * <ul>
 * <li>baseline: the first intake-screening score; latest: the last score of any source; change = latest −
 * baseline (negative is improvement), changePercent relative to the baseline (null for a baseline of 0).</li>
 * <li>response: the latest score is at most half the baseline (a drop of at least {@value #RESPONSE_DROP_PERCENT}
 * %, the published definition); never with a baseline of 0.</li>
 * <li>remission (PHQ-9 only, null for other instruments): the latest score is below the clinic's setting
 * (default 5).</li>
 * <li>infusionsSinceBaseline: session scores recorded after the baseline; futility: at least the clinic's number
 * of them (default 3) and no score since baseline has reached a response yet.</li>
 * </ul>
 * Without a screening baseline, baseline, change and changePercent are null and response and futility false.
 * {@code responseDropPercent} and {@code remissionBelow} (PHQ-9 only, else null) are the criteria these figures were
 * read with, so that a chart draws its response and remission lines from them rather than from its own numbers.
 */
public record OutcomeTrend(String instrument, List<Point> points, Integer baseline, Integer latest, Integer change,
		BigDecimal changePercent, boolean response, Boolean remission, int infusionsSinceBaseline, boolean futility,
		int responseDropPercent, Integer remissionBelow) {

	/** The published response criterion: a reduction of at least this percentage from baseline. */
	public static final int RESPONSE_DROP_PERCENT = 50;

	public record Point(Instant recordedAt, int total, OutcomeScores.Source source) {
	}

	/** The trend of a series ordered by time (as {@link OutcomeScores#series} returns it). */
	public static OutcomeTrend of(String instrument, List<OutcomeScore> series, OutcomeSettings settings) {
		var points = series.stream().map(s -> new Point(s.recordedAt(), s.total(), s.source())).toList();
		Integer latest = points.isEmpty() ? null : points.get(points.size() - 1).total();
		Integer remissionBelow = OutcomeScores.PHQ9.equals(instrument) ? settings.phq9RemissionBelow() : null;
		Boolean remission = remissionBelow != null ? (latest != null && latest < remissionBelow) : null;
		int baselineIndex = -1;
		for (int i = 0; i < points.size(); i++) {
			if (points.get(i).source() == OutcomeScores.Source.SCREENING) {
				baselineIndex = i;
				break;
			}
		}
		if (baselineIndex < 0) {
			return new OutcomeTrend(instrument, points, null, latest, null, null, false, remission, 0, false,
					RESPONSE_DROP_PERCENT, remissionBelow);
		}
		int baseline = points.get(baselineIndex).total();
		int change = latest - baseline;
		var changePercent = baseline == 0 ? null
				: BigDecimal.valueOf(change * 100L).divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
		var sinceBaseline = points.subList(baselineIndex + 1, points.size());
		int infusions = (int) sinceBaseline.stream().filter(p -> p.source() == OutcomeScores.Source.SESSION).count();
		boolean respondedYet = sinceBaseline.stream().anyMatch(p -> isResponse(baseline, p.total()));
		boolean futility = infusions >= settings.futilityAfterInfusions() && !respondedYet;
		return new OutcomeTrend(instrument, points, baseline, latest, change, changePercent,
				isResponse(baseline, latest), remission, infusions, futility, RESPONSE_DROP_PERCENT, remissionBelow);
	}

	/** latest ≤ baseline × (100 − 50) / 100, in integers so the 50 % boundary is exact. */
	static boolean isResponse(int baseline, int score) {
		return baseline > 0 && score * 100L <= baseline * (100L - RESPONSE_DROP_PERCENT);
	}
}
