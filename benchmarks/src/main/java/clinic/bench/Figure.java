package clinic.bench;

import java.util.Locale;

/**
 * One row of the report's table: a figure measured, the reference measured beside it in the same run (NaN when the
 * figure has none), and the target issue 14 sets, in words.
 *
 * @param id a stable key (figures.json, before/after)
 * @param label what was measured, in words
 * @param unit "ms", "/s", "MiB", "s", "" for a count
 * @param value the figure
 * @param referenceLabel what the reference is
 * @param reference the reference figure, or NaN
 * @param target the target in words
 */
record Figure(String id, String label, String unit, double value, String referenceLabel, double reference,
		String target) {

	static Figure of(String id, String label, String unit, double value, String target) {
		return new Figure(id, label, unit, value, "", Double.NaN, target);
	}

	static Figure against(String id, String label, String unit, double value, String referenceLabel, double reference,
			String target) {
		return new Figure(id, label, unit, value, referenceLabel, reference, target);
	}

	boolean hasReference() {
		return !Double.isNaN(reference);
	}

	/** The figure over its reference, NaN without one. */
	double ratio() {
		return hasReference() && reference != 0 ? value / reference : Double.NaN;
	}

	String valueText() {
		return format(value, unit);
	}

	String referenceText() {
		return hasReference() ? referenceLabel + ": " + format(reference, unit) : referenceLabel;
	}

	String ratioText() {
		return Double.isNaN(ratio()) ? "" : String.format(Locale.ROOT, "%.2f×", ratio());
	}

	static String format(double value, String unit) {
		if (Double.isNaN(value)) {
			return "–";
		}
		var number = value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
		return unit.isEmpty() ? number : number + (unit.startsWith("/") ? "" : " ") + unit;
	}
}
