package clinic.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The run's report: {@code report.md} (the figures against their references and targets, every load phase's
 * percentiles, the charts), {@code figures.json} (what a later run compares with, {@code --baseline}) and the charts
 * as PNG.
 */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	private final List<Figure> figures = new ArrayList<>();

	private final List<Load.Result> phases = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/** Saturation curves: series name → clients → answers a second. */
	private final Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();

	/** Latency percentile charts: title → the phases drawn side by side. */
	private final Map<String, List<Load.Result>> latencyCharts = new LinkedHashMap<>();

	void add(Figure figure) {
		figures.add(figure);
	}

	Load.Result phase(Load.Result result) {
		phases.add(result);
		return result;
	}

	void note(String note) {
		notes.add(note);
	}

	void curve(String series, int clients, double perSecond) {
		curves.computeIfAbsent(series, s -> new LinkedHashMap<>()).put(clients, perSecond);
	}

	void latencyChart(String title, Load.Result... sideBySide) {
		latencyCharts.put(title, List.of(sideBySide));
	}

	List<Figure> figures() {
		return List.copyOf(figures);
	}

	List<Load.Result> phases() {
		return List.copyOf(phases);
	}

	/** Writes the report into {@code folder}; returns the Markdown file. */
	Path write(Path folder, BenchOptions options, String environment, List<Figure> baseline) {
		System.setProperty("java.awt.headless", "true");
		try {
			Files.createDirectories(folder);
			var md = new StringBuilder();
			md.append("# Benchmark report\n\n");
			md.append("Run ").append(Instant.now()).append(options.smoke() ? " (smoke form: small data, one short iteration; its figures say only that the harness works)" : "").append(".\n\n");
			md.append("- Chain: ").append(options.describe()).append('\n');
			md.append("- Machine: ").append(environment).append('\n');
			md.append("- Load: open model at ").append(Figure.format(options.rate(), "/s"))
				.append(" for ").append(options.phase().toSeconds()).append(" s a phase, latency from each request's intended send time; closed loops only for saturation\n\n");
			md.append("## Figures\n\n");
			md.append("| figure | now | reference in the same run | ratio | target |\n|---|---|---|---|---|\n");
			for (var f : figures) {
				md.append("| ").append(f.label()).append(" | ").append(f.valueText()).append(" | ")
					.append(f.referenceText()).append(" | ").append(f.ratioText()).append(" | ").append(f.target())
					.append(" |\n");
			}
			if (baseline != null && !baseline.isEmpty()) {
				md.append("\n## Before and after\n\n| figure | before | after | change |\n|---|---|---|---|\n");
				for (var f : figures) {
					baseline.stream().filter(b -> b.id().equals(f.id())).findFirst().ifPresent(b -> md.append("| ")
						.append(f.label()).append(" | ").append(b.valueText()).append(" | ").append(f.valueText())
						.append(" | ").append(b.value() == 0 ? "" : String.format(Locale.ROOT, "%+.0f %%", 100 * (f.value() / b.value() - 1)))
						.append(" |\n"));
				}
				md.append("\n![before and after](before-after.png)\n");
				beforeAfterChart(folder, baseline);
			}
			md.append("\n## Load phases\n\n");
			md.append("| phase | answered | refused or failed | answers/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|---|---|---|\n");
			for (var p : phases) {
				md.append("| ").append(p.name()).append(" | ").append(p.ok()).append(" | ")
					.append(p.failures().isEmpty() ? "0" : p.failures().toString()).append(" | ")
					.append(String.format(Locale.ROOT, "%.1f", p.throughput()));
				for (double percentile : PERCENTILES) {
					md.append(" | ").append(p.ok() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", p.millis(percentile)));
				}
				md.append(" | ").append(p.ok() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", p.micros().getMaxValue() / 1000.0)).append(" |\n");
			}
			int chart = 0;
			for (var entry : latencyCharts.entrySet()) {
				var file = "latency-" + (++chart) + ".png";
				latencyChart(folder.resolve(file), entry.getKey(), entry.getValue());
				md.append("\n![").append(entry.getKey()).append("](").append(file).append(")\n");
			}
			if (!curves.isEmpty()) {
				curveChart(folder.resolve("throughput-clients.png"));
				md.append("\n![answers a second against clients](throughput-clients.png)\n");
			}
			if (!notes.isEmpty()) {
				md.append("\n## Notes\n\n");
				notes.forEach(n -> md.append("- ").append(n).append('\n'));
			}
			var report = folder.resolve("report.md");
			Files.writeString(report, md);
			JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("figures.json").toFile(), figures);
			return report;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Figure> readFigures(Path file) {
		return List.of(JSON.readValue(file.toFile(), Figure[].class));
	}

	private static void latencyChart(Path file, String title, List<Load.Result> results) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(720).height(360).title(title)
			.xAxisTitle("percentile").yAxisTitle("ms").build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		var labels = new ArrayList<String>();
		for (double p : PERCENTILES) {
			labels.add("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)));
		}
		for (var r : results) {
			var values = new ArrayList<Double>();
			for (double p : PERCENTILES) {
				values.add(r.ok() == 0 ? 0 : r.millis(p));
			}
			chart.addSeries(r.name(), labels, values);
		}
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	private void curveChart(Path file) throws IOException {
		XYChart chart = new XYChartBuilder().width(720).height(360).title("Saturation: answers a second against clients")
			.xAxisTitle("clients (closed loop)").yAxisTitle("answers/s").build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		curves.forEach((series, points) -> chart.addSeries(series, new ArrayList<>(points.keySet()),
				new ArrayList<>(points.values())));
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	private void beforeAfterChart(Path folder, List<Figure> baseline) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title("After, as a share of before")
			.xAxisTitle("figure").yAxisTitle("% of before").build();
		chart.getStyler().setXAxisLabelRotation(30);
		var labels = new ArrayList<String>();
		var values = new ArrayList<Double>();
		for (var f : figures) {
			baseline.stream().filter(b -> b.id().equals(f.id()) && b.value() != 0).findFirst().ifPresent(b -> {
				labels.add(f.id());
				values.add(100 * f.value() / b.value());
			});
		}
		if (labels.isEmpty()) {
			return;
		}
		chart.addSeries("after / before", labels, values);
		BitmapEncoder.saveBitmap(chart, folder.resolve("before-after.png").toString(), BitmapEncoder.BitmapFormat.PNG);
	}
}
