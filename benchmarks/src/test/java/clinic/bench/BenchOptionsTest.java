package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

	private static final Path OUT = Path.of("out");

	@Test
	void theFullRunIsTheDefaultAndTheSmokeFormIsSmall() {
		var full = BenchOptions.parse(List.of(), OUT);
		assertThat(full.smoke()).isFalse();
		assertThat(full.patients()).isEqualTo(20_000);
		assertThat(full.registerPatients()).as("the issue's register of a million").isEqualTo(1_000_000);
		var smoke = BenchOptions.parse(List.of("--smoke"), OUT);
		assertThat(smoke.smoke()).isTrue();
		assertThat(smoke.patients()).isLessThan(full.patients());
		assertThat(smoke.phase()).isLessThan(full.phase());
	}

	@Test
	void optionsOverTheDefaults() {
		var o = BenchOptions.parse(List.of("--smoke", "--sites", "3", "--seconds", "7", "--seed", "42", "--out", "x",
				"--patients", "1000"), OUT);
		assertThat(o.sites()).isEqualTo(3);
		assertThat(o.phase()).isEqualTo(Duration.ofSeconds(7));
		assertThat(o.seed()).isEqualTo(42);
		assertThat(o.patients()).isEqualTo(1000);
		assertThat(o.out()).isEqualTo(Path.of("x"));
		assertThat(o.chairs()).isEqualTo(BenchOptions.smoke(OUT).chairs());
		assertThat(BenchOptions.parse(List.of("--register", "0"), OUT).registerPatients()).isZero();
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--register", "-5"), OUT))
			.hasMessageContaining("--register takes a number of 0 or more");
	}

	@Test
	void aBadOptionSaysWhatIsWrongAndHowToAsk() {
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--sites", "none"), OUT))
			.hasMessageContaining("--sites takes a whole number, not 'none'")
			.hasMessageContaining("usage: ./clinic bench");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--chairs", "0"), OUT))
			.hasMessageContaining("--chairs takes a number of 1 or more");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--colour", "red"), OUT))
			.hasMessageContaining("unknown option --colour");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--seed"), OUT)).hasMessageContaining("--seed needs a value");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--fill", "-1"), OUT))
			.hasMessageContaining("--fill takes a number of 0 or more");
		assertThat(BenchOptions.parse(List.of("--fill", "0"), OUT).fillCourses()).isZero();
		assertThat(BenchOptions.parse(List.of("--fill", "0"), OUT).calendarAppointments())
			.as("no fill, no chair time to load a calendar with").isZero();
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--fill", "0", "--calendar", "500"), OUT))
			.hasMessageContaining("--calendar takes the chair time from the courses --fill books");
		assertThat(BenchOptions.parse(List.of("--calendar", "0"), OUT).calendarAppointments()).isZero();
		assertThat(BenchOptions.parse(List.of("--instances", "2"), OUT).instances()).isEqualTo(2);
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--instances", "3"), OUT))
			.hasMessageContaining("--instances takes 1 or 2, not 3");
	}
}
