package clinic.scheduling.booking;

import java.util.UUID;

/**
 * A cancelled appointment was taken back because the nurse had opened its session record: its slot, freed by the
 * cancellation, is the patient's again. Within scheduling only (session already has the record; nothing to publish).
 */
public record AppointmentTakenBack(UUID appointmentId) {
}
