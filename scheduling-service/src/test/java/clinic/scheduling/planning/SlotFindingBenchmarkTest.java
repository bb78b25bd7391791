package clinic.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@link SlotFindingBenchmark} working in every build (JMH runs it only with -Pjmh): its calendar holds what
 * its parameters say, and each benchmark finds what the service would, on an empty and on a nearly full site.
 */
class SlotFindingBenchmarkTest {

	private static SlotFindingBenchmark at(int bookedPercent) {
		var benchmark = new SlotFindingBenchmark();
		benchmark.chairs = 20;
		benchmark.bookedPercent = bookedPercent;
		benchmark.calendar();
		return benchmark;
	}

	@Test
	void anEmptySiteOffersItsFirstMorningAndACourseFromIt() {
		var empty = at(0);
		assertThat(empty.appointments).isZero();
		var opening = empty.from.atZone(SlotFindingBenchmark.ZONE).toLocalDate().atTime(7, 0)
			.atZone(SlotFindingBenchmark.ZONE).toInstant();
		assertThat(empty.earliestSlots()).hasSize(10).first().satisfies(slot -> assertThat(slot.start()).isEqualTo(opening));
		assertThat(empty.courseProposal()).hasValueSatisfying(plan -> assertThat(plan.occurrences()).hasSize(6));
	}

	@Test
	void aNearlyFullSiteStillHasItsFreeTenthAndTheCalendarHoldsWhatWasAsked() {
		var full = at(90);
		// 20 chairs × 90 days × 7 chair times a day, nine in ten of them booked
		assertThat(full.appointments).isBetween(10_800, 11_900);
		assertThat(full.earliestSlots()).hasSize(10);
		assertThat(full.courseProposal()).hasValueSatisfying(plan -> assertThat(plan.occurrences()).hasSize(6));
	}
}
