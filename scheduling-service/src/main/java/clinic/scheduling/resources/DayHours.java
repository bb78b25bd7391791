package clinic.scheduling.resources;

import java.time.LocalTime;

/** A site's opening hours on one ISO weekday (1 = Monday), on the wall clock of the site's time zone. */
public record DayHours(int dayOfWeek, LocalTime opens, LocalTime closes) {
}
