package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

class MediansTest {

	@TempDir
	Path runs;

	@Test
	void eachFigureIsTheMedianOfTheRunsAndEachRatioTheMedianOfTheRunsOwn() throws Exception {
		var a = run("a", Figure.against("read-p99", "read", "ms", 30, "direct", 10, "≤ 1.3×"),
				Figure.of("memory", "memory", "MiB", 2000, "≤ 2 GiB"));
		var b = run("b", Figure.against("read-p99", "read", "ms", 20, "direct", 20, "≤ 1.3×"),
				Figure.of("memory", "memory", "MiB", 1900, "≤ 2 GiB"), Figure.of("only-here", "new", "", 1, ""));
		var c = run("c", Figure.against("read-p99", "read", "ms", 40, "direct", 16, "≤ 1.3×"),
				Figure.of("memory", "memory", "MiB", 2100, "≤ 2 GiB"));

		var rows = Medians.of(List.of(a, b, c.resolve("figures.json")));

		assertThat(rows).extracting(r -> r.last().id()).as("only figures every run has").containsExactly("read-p99",
				"memory");
		var read = rows.get(0);
		assertThat(read.value()).isEqualTo(30);
		assertThat(read.reference()).isEqualTo(16);
		// the runs' ratios are 3.0, 1.0 and 2.5: their median, not 30 / 16
		assertThat(read.ratio()).isEqualTo(2.5);
		assertThat(rows.get(1).value()).isEqualTo(2000);
		assertThat(rows.get(1).ratio()).isNaN();

		var out = runs.resolve("out");
		var report = Medians.write(List.of(a, b, c), out);
		assertThat(Files.readString(report)).contains("| read | 30 ms | 30 ms · 20 ms · 40 ms | direct: 16 ms | 2.50× |");
		assertThat(Report.readFigures(out.resolve("figures.json"))).extracting(Figure::value).containsExactly(30.0,
				2000.0);
	}

	@Test
	void anEvenCountTakesTheMeanOfTheMiddleTwo() {
		assertThat(Medians.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
	}

	@Test
	void oneRunOrAMissingOneIsRefusedWithWhatWasWrong() throws Exception {
		var a = run("a", Figure.of("memory", "memory", "MiB", 2000, "≤ 2 GiB"));
		assertThatThrownBy(() -> Medians.of(List.of(a))).hasMessageContaining("two runs or more");
		assertThatThrownBy(() -> Medians.of(List.of(a, runs.resolve("nowhere"))))
			.hasMessageContaining("no figures.json at");
		assertThatThrownBy(() -> Medians.main(List.of("--median", a.toString(), "--seed", "3"), runs))
			.hasMessageContaining("--median takes only runs and --out, not --seed");
	}

	private Path run(String name, Figure... figures) throws Exception {
		var folder = Files.createDirectories(runs.resolve(name));
		JsonMapper.builder().build().writeValue(folder.resolve("figures.json").toFile(), figures);
		return folder;
	}
}
