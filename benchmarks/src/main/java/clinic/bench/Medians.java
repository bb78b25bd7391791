package clinic.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * The median of several runs' figures ({@code ./clinic bench --median RUN RUN RUN}): single runs of 10-second phases
 * on two cores move a p99 by tens of percent, so the figures are each the median of three. For every figure
 * that each run measured: the median value, the median reference, and the median of the runs' own ratios (each ratio
 * is taken within one run, its figure and reference side by side, before the median), with every run's value beside
 * it. Writes {@code medians.md} and a {@code figures.json} of the medians (a baseline for a later run).
 */
final class Medians {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Medians() {
	}

	/** A figure across the runs. */
	record Row(Figure last, List<Double> values, List<Double> references, List<Double> ratios) {

		double value() {
			return median(values);
		}

		double reference() {
			return median(references);
		}

		double ratio() {
			return median(ratios);
		}
	}

	/**
	 * Every figure each run has, in the first run's order; a run is a report folder or its {@code figures.json}. Needs
	 * two runs or more.
	 */
	static List<Row> of(List<Path> runs) {
		if (runs.size() < 2) {
			throw new IllegalArgumentException("--median takes two runs or more (report folders or their figures.json), "
					+ "not " + runs.size());
		}
		var figures = runs.stream().map(Medians::figures).toList();
		var rows = new ArrayList<Row>();
		for (var first : figures.get(0)) {
			var same = figures.stream()
				.map(run -> run.stream().filter(f -> f.id().equals(first.id())).findFirst().orElse(null))
				.toList();
			if (same.contains(null)) {
				continue;
			}
			rows.add(new Row(same.get(same.size() - 1), same.stream().map(Figure::value).toList(),
					same.stream().map(Figure::reference).filter(r -> !Double.isNaN(r)).toList(),
					same.stream().map(Figure::ratio).filter(r -> !Double.isNaN(r)).toList()));
		}
		return rows;
	}

	/** Writes {@code medians.md} and {@code figures.json} into {@code out}; returns the Markdown file. */
	static Path write(List<Path> runs, Path out) {
		var rows = of(runs);
		var md = new StringBuilder("# Benchmark medians\n\n");
		md.append("The median of ").append(runs.size()).append(" runs: ")
			.append(runs.stream().map(Path::toString).collect(Collectors.joining(", ")))
			.append(". Each ratio is the median of the runs' own ratios (figure and reference side by side in one run).\n\n");
		md.append("| figure | median | each run | reference, median | ratio, median | target |\n|---|---|---|---|---|---|\n");
		var medians = new ArrayList<Figure>();
		for (var row : rows) {
			var f = row.last();
			md.append("| ").append(f.label()).append(" | ").append(Figure.format(row.value(), f.unit())).append(" | ")
				.append(row.values().stream().map(v -> Figure.format(v, f.unit())).collect(Collectors.joining(" · ")))
				.append(" | ")
				.append(row.references().isEmpty() ? "" : f.referenceLabel() + ": " + Figure.format(row.reference(), f.unit()))
				.append(" | ")
				.append(row.ratios().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f×", row.ratio()))
				.append(" | ").append(f.target()).append(" |\n");
			medians.add(new Figure(f.id(), f.label(), f.unit(), row.value(), f.referenceLabel(),
					row.references().isEmpty() ? Double.NaN : row.reference(), f.target()));
		}
		try {
			Files.createDirectories(out);
			var report = out.resolve("medians.md");
			Files.writeString(report, md);
			JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("figures.json").toFile(), medians);
			return report;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Figure> figures(Path run) {
		var file = Files.isDirectory(run) ? run.resolve("figures.json") : run;
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no figures.json at " + file);
		}
		return Report.readFigures(file);
	}

	/** The middle value; for an even count, the mean of the two middle ones. NaN for none. */
	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * {@code --median RUN RUN … [--out DIR]}: the runs up to the next option; the folder {@code defaultOut} unless
	 * {@code --out} names one. Throws IllegalArgumentException for anything else.
	 */
	static Path main(List<String> arguments, Path defaultOut) {
		var runs = new ArrayList<Path>();
		Path out = defaultOut;
		for (int i = arguments.indexOf("--median") + 1; i < arguments.size(); i++) {
			var argument = arguments.get(i);
			if (argument.equals("--out") && i + 1 < arguments.size()) {
				out = Path.of(arguments.get(++i));
			}
			else if (argument.startsWith("--")) {
				throw new IllegalArgumentException("--median takes only runs and --out, not " + argument);
			}
			else {
				runs.add(Path.of(argument));
			}
		}
		return write(runs, out);
	}
}
