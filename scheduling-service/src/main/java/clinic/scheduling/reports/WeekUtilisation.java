package clinic.scheduling.reports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * A site's utilisation over one ISO week, Monday to Sunday on the site's clock ({@code zone}), day by day and in
 * total. {@code chairsInService} are the site's chairs in service when the report was made: a chair taken out of
 * service no longer counts as open, in past weeks too, while its bookings still count as booked.
 */
public record WeekUtilisation(UUID siteId, String siteName, ZoneId zone, IsoWeek week, int chairsInService,
		List<DayUtilisation> days) {

	public WeekUtilisation {
		days = List.copyOf(days);
	}

	public long openChairMinutes() {
		return sum(DayUtilisation::openChairMinutes);
	}

	public long staffedChairMinutes() {
		return sum(DayUtilisation::staffedChairMinutes);
	}

	public long bookedChairMinutes() {
		return sum(DayUtilisation::bookedChairMinutes);
	}

	public long noShowChairMinutes() {
		return sum(DayUtilisation::noShowChairMinutes);
	}

	public int appointments() {
		return (int) sum(DayUtilisation::appointments);
	}

	public int noShows() {
		return (int) sum(DayUtilisation::noShows);
	}

	/** Booked over open chair time of the whole week in percent, one decimal; null when nothing was open. */
	public @Nullable BigDecimal utilisationPercent() {
		return DayUtilisation.percent(bookedChairMinutes(), openChairMinutes());
	}

	private long sum(ToLongFunction<DayUtilisation> figure) {
		return days.stream().mapToLong(figure).sum();
	}
}
