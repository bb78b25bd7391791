package clinic.scheduling.resources;

import java.time.LocalDate;
import java.util.UUID;

/** A day a nurse is away: their rota shifts at every site are off that day (extra shifts stay). */
public record NurseAbsence(UUID id, String nurse, LocalDate date, String reason, long version) {
}
