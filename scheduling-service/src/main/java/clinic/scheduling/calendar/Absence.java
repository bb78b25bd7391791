package clinic.scheduling.calendar;

import java.time.LocalDate;

/** A day a nurse is away: their rota shifts are off that day. */
public record Absence(String nurse, LocalDate date) {
}
