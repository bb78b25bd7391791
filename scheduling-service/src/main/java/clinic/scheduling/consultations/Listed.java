package clinic.scheduling.consultations;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/** A consultation as the store lists it: with the patient's name and MRN, its site (and the site's own zone) and room. */
public record Listed(Consultation consultation, String patientName, String mrn, String siteName,
		@Nullable ZoneId siteZone, @Nullable String roomName) {
}
